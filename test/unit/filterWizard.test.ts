import * as assert from 'assert';
import {
  advanceFilterWizard,
  startFilterWizard,
  stepPosition,
  type FilterWizardInput,
  type FilterWizardOutcome,
  type FilterWizardState,
} from '../../src/commands/filterWizard';
import { TIME_RANGE_PRESET_DURATIONS, type BackupFilter } from '../../src/cloud/model';

const NOW = Date.UTC(2026, 10, 22, 8, 0, 0);
const DAY = 24 * 3_600_000;

/** Feeds inputs one by one; every intermediate outcome must be 'continue'. */
function run(start: FilterWizardState, ...inputs: FilterWizardInput[]): FilterWizardOutcome {
  let outcome: FilterWizardOutcome = { kind: 'continue', state: start };
  for (const input of inputs) {
    assert.strictEqual(outcome.kind, 'continue', `wizard ended before ${input.kind}`);
    outcome = advanceFilterWizard((outcome as { state: FilterWizardState }).state, input);
  }
  return outcome;
}

function stateOf(outcome: FilterWizardOutcome): FilterWizardState {
  assert.strictEqual(outcome.kind, 'continue');
  return (outcome as { state: FilterWizardState }).state;
}

function filterOf(outcome: FilterWizardOutcome): BackupFilter | undefined {
  assert.strictEqual(outcome.kind, 'done');
  return (outcome as { filter: BackupFilter | undefined }).filter;
}

describe('filter wizard', () => {
  it('walks types → range → statuses → resource types and builds the filter', () => {
    const outcome = run(
      startFilterWizard(undefined, NOW),
      { kind: 'types', types: ['manual', 'auto'] },
      { kind: 'range', range: 'last7d' },
      { kind: 'statuses', statuses: ['failed'] },
      { kind: 'resourceTypes', resourceTypes: [] },
    );
    assert.deepStrictEqual(filterOf(outcome), {
      types: ['auto', 'manual'],
      timeRange: { from: NOW - 7 * DAY, to: NOW, preset: 'last7d' },
      statuses: ['failed'],
    });
  });

  it('yields no filter when nothing is chosen', () => {
    const outcome = run(
      startFilterWizard(undefined, NOW),
      { kind: 'types', types: [] },
      { kind: 'range', range: 'any' },
      { kind: 'statuses', statuses: [] },
      { kind: 'resourceTypes', resourceTypes: [] },
    );
    assert.strictEqual(filterOf(outcome), undefined);
  });

  it('asks for start and end on a custom range, and back walks through them', () => {
    const from = Date.UTC(2026, 10, 1);
    const to = Date.UTC(2026, 10, 2);
    let state = stateOf(run(startFilterWizard(undefined, NOW), { kind: 'types', types: [] }, { kind: 'range', range: 'custom' }));
    assert.strictEqual(state.step, 'customStart');
    assert.deepStrictEqual(stepPosition(state), { step: 3, totalSteps: 6 });
    state = stateOf(run(state, { kind: 'customStart', instant: from }, { kind: 'customEnd', instant: to }));
    assert.strictEqual(state.step, 'statuses');
    assert.strictEqual(stateOf(advanceFilterWizard(state, { kind: 'back' })).step, 'customEnd');
    const back2 = stateOf(run(state, { kind: 'back' }, { kind: 'back' }));
    assert.strictEqual(back2.step, 'customStart');
    assert.strictEqual(back2.customFrom, from, 'going back keeps what was entered');
    assert.deepStrictEqual(stepPosition(state), { step: 5, totalSteps: 6 });
    assert.deepStrictEqual(filterOf(run(state, { kind: 'statuses', statuses: [] }, { kind: 'resourceTypes', resourceTypes: [] })), {
      timeRange: { from, to },
    });
  });

  it('goes back from statuses to the range step when the range is a preset, keeping answers', () => {
    const state = stateOf(
      run(startFilterWizard(undefined, NOW), { kind: 'types', types: ['incremental'] }, { kind: 'range', range: 'last24h' }),
    );
    assert.deepStrictEqual(stepPosition(state), { step: 3, totalSteps: 4 });
    const back = stateOf(advanceFilterWizard(state, { kind: 'back' }));
    assert.strictEqual(back.step, 'range');
    assert.strictEqual(back.range, 'last24h');
    const first = stateOf(advanceFilterWizard(back, { kind: 'back' }));
    assert.strictEqual(first.step, 'types');
    assert.deepStrictEqual(first.types, ['incremental']);
    assert.strictEqual(stateOf(advanceFilterWizard(first, { kind: 'back' })).step, 'types', 'back on the first step stays there');
  });

  it('cancels at any step', () => {
    const state = stateOf(run(startFilterWizard(undefined, NOW), { kind: 'types', types: ['auto'] }));
    assert.deepStrictEqual(advanceFilterWizard(state, { kind: 'cancel' }), { kind: 'cancelled' });
  });

  it('drops a custom end that is no longer after a changed start', () => {
    const state = stateOf(
      run(
        startFilterWizard(undefined, NOW),
        { kind: 'types', types: [] },
        { kind: 'range', range: 'custom' },
        { kind: 'customStart', instant: 1000 },
        { kind: 'customEnd', instant: 2000 },
        { kind: 'back' },
        { kind: 'back' },
        { kind: 'customStart', instant: 3000 },
      ),
    );
    assert.strictEqual(state.step, 'customEnd');
    assert.strictEqual(state.customTo, undefined);
  });

  describe('pre-selection from the current filter', () => {
    it('pre-selects a preset chosen days ago, and keeps it relative when confirmed again', () => {
      const chosenAt = NOW - 3 * DAY;
      const saved = filterOf(
        run(
          startFilterWizard(undefined, chosenAt),
          { kind: 'types', types: ['manual'] },
          { kind: 'range', range: 'last30d' },
          { kind: 'statuses', statuses: ['failed', 'waiting'] },
          { kind: 'resourceTypes', resourceTypes: [] },
        ),
      );
      const state = startFilterWizard(saved, NOW);
      assert.deepStrictEqual(state.types, ['manual']);
      assert.strictEqual(state.range, 'last30d');
      assert.strictEqual(state.customFrom, undefined, 'a preset has no custom bounds to offer');
      assert.deepStrictEqual(state.statuses, ['failed', 'waiting']);
      const again = filterOf(
        run(
          state,
          { kind: 'types', types: ['manual'] },
          { kind: 'range', range: 'last30d' },
          { kind: 'statuses', statuses: ['failed'] },
          { kind: 'resourceTypes', resourceTypes: [] },
        ),
      );
      assert.deepStrictEqual(again?.timeRange, { from: NOW - TIME_RANGE_PRESET_DURATIONS.last30d, to: NOW, preset: 'last30d' });
    });

    it('treats a fixed range as custom with its bounds, even one that spans 7 days up to now', () => {
      for (const timeRange of [
        { from: NOW - 3 * DAY - DAY, to: NOW - 3 * DAY },
        { from: NOW - 7 * DAY, to: NOW },
      ]) {
        const state = startFilterWizard({ timeRange }, NOW);
        assert.strictEqual(state.range, 'custom');
        assert.strictEqual(state.customFrom, timeRange.from);
        assert.strictEqual(state.customTo, timeRange.to);
      }
    });

    it('starts empty without a filter', () => {
      const state = startFilterWizard(undefined, NOW);
      assert.deepStrictEqual([state.step, state.types, state.range, state.statuses, state.resourceTypes], ['types', [], 'any', [], []]);
      assert.deepStrictEqual(stepPosition(state), { step: 1, totalSteps: 4 });
    });

    it('pre-selects the resource types of the current filter, and keeps them when confirmed again', () => {
      const state = startFilterWizard({ statuses: ['failed'], resourceTypes: ['disk', 'fileSystem'] }, NOW);
      assert.deepStrictEqual(state.resourceTypes, ['disk', 'fileSystem']);
      const last = stateOf(
        run(state, { kind: 'types', types: [] }, { kind: 'range', range: 'any' }, { kind: 'statuses', statuses: ['failed'] }),
      );
      assert.strictEqual(last.step, 'resourceTypes');
      assert.deepStrictEqual(last.resourceTypes, ['disk', 'fileSystem'], 'the last step still shows them checked');
      assert.deepStrictEqual(filterOf(advanceFilterWizard(last, { kind: 'resourceTypes', resourceTypes: last.resourceTypes })), {
        statuses: ['failed'],
        resourceTypes: ['disk', 'fileSystem'],
      });
    });
  });

  describe('resource types', () => {
    it('asks for resource types after statuses, as the last step, and builds them in canonical order', () => {
      const state = stateOf(
        run(
          startFilterWizard(undefined, NOW),
          { kind: 'types', types: [] },
          { kind: 'range', range: 'any' },
          { kind: 'statuses', statuses: [] },
        ),
      );
      assert.strictEqual(state.step, 'resourceTypes');
      assert.deepStrictEqual(stepPosition(state), { step: 4, totalSteps: 4 });
      assert.deepStrictEqual(filterOf(advanceFilterWizard(state, { kind: 'resourceTypes', resourceTypes: ['fileSystem', 'server'] })), {
        resourceTypes: ['server', 'fileSystem'],
      });
    });

    it('goes back from resource types to statuses, keeping the chosen statuses', () => {
      const state = stateOf(
        run(
          startFilterWizard(undefined, NOW),
          { kind: 'types', types: [] },
          { kind: 'range', range: 'custom' },
          { kind: 'customStart', instant: 1000 },
          { kind: 'customEnd', instant: 2000 },
          { kind: 'statuses', statuses: ['succeeded'] },
        ),
      );
      assert.deepStrictEqual(stepPosition(state), { step: 6, totalSteps: 6 });
      const back = stateOf(advanceFilterWizard(state, { kind: 'back' }));
      assert.strictEqual(back.step, 'statuses');
      assert.deepStrictEqual(back.statuses, ['succeeded']);
      assert.deepStrictEqual(advanceFilterWizard(state, { kind: 'cancel' }), { kind: 'cancelled' });
    });
  });
});
