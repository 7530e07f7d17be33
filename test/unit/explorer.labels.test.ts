import * as assert from 'assert';
import type { Backup } from '../../src/cloud/model';
import {
  backupDescription,
  backupTooltip,
  escapeMarkdown,
  listSummary,
  loadMoreLabel,
  backupNoun,
  serviceCountsText,
  type ListFacts,
} from '../../src/explorer/labels';
import { sanitizeFilter } from '../../src/explorer/storedFilter';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const HOUR = 3_600_000;

function facts(overrides: Partial<ListFacts>): ListFacts {
  return {
    started: true,
    loaded: 50,
    invalid: 0,
    scanned: 50,
    hasMore: true,
    pageSize: 50,
    filtersClientSide: false,
    failed: false,
    ...overrides,
  };
}

function backup(overrides: Partial<Backup>): Backup {
  return {
    service: 'rds',
    id: 'b-1',
    name: 'orders-mysql-20261121',
    instanceId: 'i-1',
    type: 'auto',
    rawStatus: 'COMPLETED',
    status: 'succeeded',
    start: { instant: NOW - 2 * HOUR, raw: '2026-11-21T10:00:00+0000' },
    end: { instant: NOW - 2 * HOUR + 60_000 },
    sizeBytes: 1.2 * 1024 ** 3,
    extras: {},
    raw: {},
    ...overrides,
  };
}

describe('explorer labels', () => {
  const backups = backupNoun();

  it('counts a partly loaded list: "143 backups (50 shown)"', () => {
    assert.strictEqual(listSummary(facts({ total: 143 }), backups), '143 backups (50 shown)');
    assert.strictEqual(
      listSummary(facts({ total: 12, loaded: 12, scanned: 12, hasMore: false }), { one: 'instance', many: 'instances' }),
      '12 instances',
    );
    assert.strictEqual(listSummary(facts({ total: 1, loaded: 1, scanned: 1, hasMore: false }), backups), '1 backup');
  });

  it('says when a list without a total is cut off', () => {
    assert.strictEqual(listSummary(facts({}), backups), '50 backups shown, more available');
    assert.strictEqual(listSummary(facts({ loaded: 37, hasMore: false }), backups), '37 backups');
  });

  it('says nothing before a list is expanded, and says when it is loading or failed', () => {
    assert.strictEqual(listSummary(facts({ started: false, loaded: 0 }), backups), undefined);
    assert.strictEqual(listSummary(facts({ started: false, loaded: 0, loading: 'first' }), backups), 'loading…');
    assert.strictEqual(listSummary(facts({ started: false, loaded: 0, failed: true }), backups), 'failed to load');
    assert.strictEqual(listSummary(facts({ total: 143, loading: 'more' }), backups), '143 backups (50 shown) · loading more…');
    assert.strictEqual(listSummary(facts({ total: 143, failed: true }), backups), '143 backups (50 shown) · load failed');
  });

  it('says "loading more…" only while there is more to load', () => {
    const instances = { one: 'instance', many: 'instances' };
    // The last page is in; its load has not ended yet.
    assert.strictEqual(listSummary(facts({ total: 6, loaded: 6, scanned: 6, hasMore: false, loading: 'first' }), instances), '6 instances');
    assert.strictEqual(
      listSummary(facts({ total: 143, loaded: 143, scanned: 143, hasMore: false, loading: 'all' }), backups),
      '143 backups',
    );
    assert.strictEqual(
      listSummary(facts({ total: 143, loaded: 100, scanned: 100, loading: 'all' }), backups),
      '143 backups (100 shown) · loading more…',
    );
  });

  it('shows invalid records in the count', () => {
    assert.strictEqual(
      listSummary(facts({ total: 10, loaded: 9, scanned: 10, invalid: 1, hasMore: false }), backups),
      '10 backups (9 shown) · 1 invalid',
    );
  });

  it('describes a client-side filter scanning, cut off, and finished', () => {
    assert.strictEqual(listSummary(facts({ scanning: { scanned: 300, matches: 12 } }), backups), 'scanning… 300 scanned, 12 matches');
    assert.strictEqual(
      listSummary(facts({ filtersClientSide: true, loaded: 12, scanned: 1000, total: 5000 }), backups),
      '12 matches · 1000 of 5000 scanned, more to scan',
    );
    assert.strictEqual(
      listSummary(facts({ filtersClientSide: true, loaded: 3, scanned: 80, hasMore: false }), backups),
      '3 matches in 80 backups',
    );
  });

  it('labels the load-more node with what the next click does', () => {
    assert.strictEqual(loadMoreLabel(facts({ total: 143 })), 'Load 50 more… (50 of 143)');
    assert.strictEqual(loadMoreLabel(facts({ total: 143, loaded: 100, scanned: 100 })), 'Load 43 more… (100 of 143)');
    assert.strictEqual(loadMoreLabel(facts({})), 'Load 50 more… (50 loaded)');
    assert.strictEqual(
      loadMoreLabel(facts({ filtersClientSide: true, total: 900, scanned: 300 })),
      'Scan for more matches… (300 of 900 scanned)',
    );
    assert.strictEqual(loadMoreLabel(facts({ loading: 'more' })), 'Loading…');
    assert.strictEqual(loadMoreLabel(facts({ scanning: { scanned: 300, matches: 12 } })), 'Scanning… 300 scanned, 12 matches');
  });

  it('describes backups by type, age and size, and failures plainly', () => {
    assert.strictEqual(backupDescription(backup({}), NOW), 'auto · 2 h ago · 1.2 GB');
    assert.strictEqual(
      backupDescription(backup({ type: 'manual', status: 'failed', rawStatus: 'FAILED' }), NOW),
      'manual · FAILED · 2 h ago',
    );
    assert.strictEqual(backupDescription(backup({ status: 'inProgress', sizeBytes: undefined }), NOW), 'auto · in progress · 2 h ago');
    assert.strictEqual(backupDescription(backup({ status: 'unknown', rawStatus: 'FROZEN' }), NOW), 'auto · FROZEN · 2 h ago · 1.2 GB');
    assert.strictEqual(backupDescription(backup({ start: { raw: 'yesterday-ish' } }), NOW), 'auto · yesterday-ish · 1.2 GB');
  });

  it('builds a tooltip with exact local and UTC times, escaping every API string', () => {
    const text = backupTooltip(
      backup({
        name: 'evil | *bold* [link](http://x)',
        errorCode: 'dcs.08.0001',
        datastore: { type: 'MySQL', version: '8.0' },
        rawSize: { value: 1258291, unit: 'kB' },
      }),
      { service: 'rds', id: 'i-1', name: 'orders-mysql', raw: {} },
      NOW,
    );
    assert.ok(text.includes('evil \\| \\*bold\\* \\[link\\]\\(http://x\\)'), text);
    assert.ok(text.includes('2026-11-21 10:00:00 UTC'), text);
    assert.ok(text.includes('`dcs.08.0001`'));
    assert.ok(text.includes('MySQL 8.0'));
    assert.ok(text.includes('orders-mysql (`i-1`)'));
    assert.ok(text.includes('1258291 kB'));
  });

  it('service counts say when the count API could not take the type filter (issue 9, item 3)', () => {
    assert.strictEqual(serviceCountsText({ total: 10, failed: 2 }), '10 backups · 2 error');
    assert.strictEqual(serviceCountsText({ total: 36, failed: 2, anyType: true }), '36 backups, any type · 2 error');
    assert.strictEqual(serviceCountsText({ total: 1, anyType: true }), '1 backup, any type');
  });

  it('escapes Markdown and keeps it on one line', () => {
    assert.strictEqual(escapeMarkdown('a_b\nc|d'), 'a\\_b c\\|d');
  });

  it('restores a stored filter, dropping parts another version wrote', () => {
    assert.deepStrictEqual(sanitizeFilter({ types: ['auto', 'weird'], statuses: ['failed'], timeRange: { from: 1, to: 2 } }), {
      types: ['auto'],
      statuses: ['failed'],
      timeRange: { from: 1, to: 2 },
    });
    assert.strictEqual(sanitizeFilter({ types: ['weird'], timeRange: { from: 5, to: 1 } }), undefined);
    assert.strictEqual(sanitizeFilter('nonsense'), undefined);
  });
});
