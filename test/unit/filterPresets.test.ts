import * as assert from 'assert';
import { advanceFilterWizard, startFilterWizard, type FilterWizardInput } from '../../src/commands/filterWizard';
import { filterSummary } from '../../src/cloud/format';
import { resolveFilter, type BackupFilter } from '../../src/cloud/model';
import { sanitizeFilter } from '../../src/explorer/storedFilter';

// A "last 7 days" filter chosen at T must still mean the last 7 days when read at T2, through the
// workspaceState round trip FilterState makes (JSON), for requests, the summary and the wizard.

const DAY = 24 * 3_600_000;
const T = Date.UTC(2026, 10, 20, 8, 0, 0);
const T2 = T + 9 * DAY + 3_600_000;

/** What the wizard hands to FilterState.set at `now` for these answers. */
function chosenWith(now: number, ...inputs: FilterWizardInput[]): BackupFilter | undefined {
  let state = startFilterWizard(undefined, now);
  for (const input of inputs) {
    const outcome = advanceFilterWizard(state, input);
    if (outcome.kind === 'done') return outcome.filter;
    assert.strictEqual(outcome.kind, 'continue');
    state = outcome.state;
  }
  assert.fail('the wizard did not finish');
}

/** workspaceState keeps what JSON keeps. */
const persisted = (filter: BackupFilter | undefined): unknown => JSON.parse(JSON.stringify(filter));

describe('relative time-range presets', () => {
  const lastWeekFailed = chosenWith(
    T,
    { kind: 'types', types: [] },
    { kind: 'range', range: 'last7d' },
    { kind: 'statuses', statuses: ['failed'] },
    { kind: 'resourceTypes', resourceTypes: [] },
  );

  it('are saved as the preset with the bounds of when they were chosen', () => {
    assert.deepStrictEqual(lastWeekFailed, { timeRange: { from: T - 7 * DAY, to: T, preset: 'last7d' }, statuses: ['failed'] });
  });

  it('resolve to the last 7 days before the moment they are read', () => {
    assert.deepStrictEqual(resolveFilter(lastWeekFailed, T2), {
      timeRange: { from: T2 - 7 * DAY, to: T2, preset: 'last7d' },
      statuses: ['failed'],
    });
  });

  it('leave fixed ranges and filters without a range as they are', () => {
    const custom: BackupFilter = { types: ['manual'], timeRange: { from: T - 7 * DAY, to: T } };
    assert.strictEqual(resolveFilter(custom, T2), custom);
    const statusOnly: BackupFilter = { statuses: ['failed'] };
    assert.strictEqual(resolveFilter(statusOnly, T2), statusOnly);
    assert.strictEqual(resolveFilter(undefined, T2), undefined);
  });

  it('survive the workspaceState round trip and read as of the day they are loaded', () => {
    const loaded = sanitizeFilter(persisted(lastWeekFailed), T2);
    assert.deepStrictEqual(loaded, { timeRange: { from: T2 - 7 * DAY, to: T2, preset: 'last7d' }, statuses: ['failed'] });
    assert.deepStrictEqual(resolveFilter(loaded, T2 + DAY)?.timeRange, { from: T2 - 6 * DAY, to: T2 + DAY, preset: 'last7d' });
  });

  it('are summarised by name, not by the dates they were chosen on', () => {
    assert.strictEqual(filterSummary(resolveFilter(sanitizeFilter(persisted(lastWeekFailed), T2), T2)), 'last 7 days · failed');
  });

  it('are pre-selected by the wizard reopened days later', () => {
    const state = startFilterWizard(sanitizeFilter(persisted(lastWeekFailed), T2), T2);
    assert.strictEqual(state.range, 'last7d');
    assert.deepStrictEqual(state.statuses, ['failed']);
  });

  it('need no stored bounds, and an unknown preset falls back to the stored bounds or to no range', () => {
    assert.deepStrictEqual(sanitizeFilter({ timeRange: { preset: 'last24h' } }, T2), {
      timeRange: { from: T2 - DAY, to: T2, preset: 'last24h' },
    });
    assert.deepStrictEqual(sanitizeFilter({ timeRange: { preset: 'last90d', from: 1, to: 2 } }, T2), { timeRange: { from: 1, to: 2 } });
    assert.strictEqual(sanitizeFilter({ timeRange: { preset: 'last90d' } }, T2), undefined);
  });

  it('leave a filter saved before presets existed fixed: its bounds, shown as dates, custom in the wizard', () => {
    const legacy = { types: ['auto'], timeRange: { from: T - 7 * DAY, to: T } };
    const loaded = resolveFilter(sanitizeFilter(persisted(legacy as BackupFilter), T2), T2);
    assert.deepStrictEqual(loaded, legacy);
    assert.match(filterSummary(loaded), /^auto · \d{4}-\d{2}-\d{2}/);
    const state = startFilterWizard(loaded, T2);
    assert.deepStrictEqual([state.range, state.customFrom, state.customTo], ['custom', T - 7 * DAY, T]);
  });
});

describe('stored resource-type filters', () => {
  it('survive the workspaceState round trip, and reopen the wizard with them checked', () => {
    const chosen = chosenWith(
      T,
      { kind: 'types', types: [] },
      { kind: 'range', range: 'any' },
      { kind: 'statuses', statuses: [] },
      { kind: 'resourceTypes', resourceTypes: ['disk', 'server'] },
    );
    assert.deepStrictEqual(chosen, { resourceTypes: ['server', 'disk'] });
    const loaded = sanitizeFilter(persisted(chosen), T2);
    assert.deepStrictEqual(loaded, { resourceTypes: ['server', 'disk'] });
    assert.strictEqual(filterSummary(loaded), 'resource: server, disk');
    assert.deepStrictEqual(startFilterWizard(loaded, T2).resourceTypes, ['server', 'disk']);
  });

  it('drop unknown resource types, and read filters stored before resource types existed as every resource', () => {
    assert.deepStrictEqual(sanitizeFilter({ statuses: ['failed'], resourceTypes: ['fileSystem', 'OS::Nova::Server', 42] }, T2), {
      statuses: ['failed'],
      resourceTypes: ['fileSystem'],
    });
    assert.strictEqual(sanitizeFilter({ resourceTypes: ['vmware'] }, T2), undefined);
    assert.strictEqual(sanitizeFilter({ resourceTypes: 'disk' }, T2), undefined);
    const old = sanitizeFilter({ statuses: ['failed'] }, T2);
    assert.deepStrictEqual(old, { statuses: ['failed'] });
    assert.deepStrictEqual(startFilterWizard(old, T2).resourceTypes, []);
  });
});
