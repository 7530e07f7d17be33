import * as assert from 'assert';
import { errorSummary, filterSummary, formatBytes, formatRelative, statusLabel, typeLabel, typeDescription } from '../../src/cloud/format';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('formatBytes', () => {
  it('uses 1024-based units with one decimal below 100', () => {
    assert.strictEqual(formatBytes(0), '0 B');
    assert.strictEqual(formatBytes(126), '126 B');
    assert.strictEqual(formatBytes(1024), '1 KB');
    assert.strictEqual(formatBytes(2803 * 1024), '2.7 MB');
    assert.strictEqual(formatBytes(1.2 * 1024 ** 3), '1.2 GB');
    assert.strictEqual(formatBytes(143 * 1024 ** 2), '143 MB');
    assert.strictEqual(formatBytes(5 * 1024 ** 4), '5 TB');
  });
  it('shows a dash for values that are not sizes', () => {
    assert.strictEqual(formatBytes(-1), '—');
    assert.strictEqual(formatBytes(Number.NaN), '—');
  });
});

describe('statusLabel and typeLabel', () => {
  it('labels normalised statuses', () => {
    assert.strictEqual(statusLabel('succeeded'), 'succeeded');
    assert.strictEqual(statusLabel('inProgress'), 'in progress');
    assert.strictEqual(statusLabel('expired'), 'expired/deleted');
  });
  it('shows the raw value of an unknown status or type', () => {
    assert.strictEqual(statusLabel('unknown', 'PAUSED'), 'PAUSED');
    assert.strictEqual(statusLabel('unknown'), 'unknown');
    assert.strictEqual(statusLabel('failed', 'error'), 'failed');
    assert.strictEqual(typeLabel('unknown', 'snapshot'), 'snapshot');
    assert.strictEqual(typeLabel('differential', 'fragment'), 'differential');
  });
});

describe('filterSummary', () => {
  const now = Date.UTC(2026, 10, 21, 12, 0, 0);
  it('joins types, a preset range and statuses', () => {
    const summary = filterSummary({
      types: ['auto', 'manual'],
      timeRange: { from: now - 7 * DAY, to: now, preset: 'last7d' },
      statuses: ['failed'],
    });
    assert.strictEqual(summary, 'auto, manual · last 7 days · failed');
  });
  it('ends with the resource types, named for people', () => {
    assert.strictEqual(filterSummary({ statuses: ['failed'], resourceTypes: ['disk'] }), 'failed · resource: disk');
    assert.strictEqual(filterSummary({ resourceTypes: ['server', 'fileSystem'] }), 'resource: server, file system');
  });
  it('names every preset by its preset, whatever bounds it was last read with', () => {
    assert.strictEqual(filterSummary({ timeRange: { from: now - DAY, to: now, preset: 'last24h' } }), 'last 24 hours');
    assert.strictEqual(filterSummary({ timeRange: { from: now - 40 * DAY, to: now - 10 * DAY, preset: 'last30d' } }), 'last 30 days');
  });
  it('shows fixed ranges as dates, even one that happens to span 7 days up to now', () => {
    const from = new Date(2026, 10, 1).getTime();
    const to = new Date(2026, 10, 7, 18, 30).getTime();
    assert.strictEqual(filterSummary({ timeRange: { from, to } }), '2026-11-01 – 2026-11-07 18:30');
    const lastWeekFixed = filterSummary({ timeRange: { from: now - 7 * DAY, to: now } });
    assert.match(lastWeekFixed, /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})? – \d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/);
  });
  it('is empty for no filter', () => {
    assert.strictEqual(filterSummary(undefined), '');
    assert.strictEqual(filterSummary({}), '');
  });
  it('labels statuses in words', () => {
    assert.strictEqual(filterSummary({ statuses: ['inProgress', 'expired'] }), 'in progress, expired/deleted');
  });
});

describe('formatRelative', () => {
  const now = Date.UTC(2026, 10, 21, 12, 0, 0);
  it('says how long ago in the compact units of the tree', () => {
    assert.strictEqual(formatRelative(now - 20_000, now), 'just now');
    assert.strictEqual(formatRelative(now - 5 * 60_000, now), '5 min ago');
    assert.strictEqual(formatRelative(now - 2 * HOUR - 59 * 60_000, now), '2 h ago');
    assert.strictEqual(formatRelative(now - 3 * DAY, now), '3 d ago');
    assert.strictEqual(formatRelative(now - 45 * DAY, now), '1 mo ago');
  });
  it('handles the future', () => {
    assert.strictEqual(formatRelative(now + 2 * HOUR, now), 'in 2 h');
    assert.strictEqual(formatRelative(now + 10 * 60_000, now), 'in 10 min');
    assert.strictEqual(formatRelative(now + 10_000, now), 'just now');
  });
  it('gives the local date beyond a year', () => {
    const longAgo = new Date(2025, 0, 31, 12).getTime();
    assert.strictEqual(formatRelative(longAgo, now), '2025-01-31');
  });
});

describe('errorSummary', () => {
  it("explains a known code the API sent without a message, and keeps the API's own message", () => {
    assert.strictEqual(errorSummary('dcs.08.0002', undefined), 'dcs.08.0002 — The backup or restore timed out. (执行超时。)');
    assert.strictEqual(
      errorSummary('CSBS.6006', 'The vault has insufficient capacity.'),
      'CSBS.6006 — The vault has insufficient capacity. — This type of server cannot be backed up. (该类型云服务器不支持备份。)',
    );
  });
  it('shows an unknown code alone, a message alone, and nothing when there is neither', () => {
    assert.strictEqual(errorSummary('XYZ.0001', undefined), 'XYZ.0001');
    assert.strictEqual(errorSummary(undefined, 'disk full'), 'disk full');
    assert.strictEqual(errorSummary(undefined, undefined), '');
  });
});

describe('filter type wording (issue 9, item 10)', () => {
  it('describes types in terms every engine recognises: no binlog (MySQL only) or API jargon', () => {
    for (const text of (['auto', 'manual', 'incremental', 'differential'] as const).map(typeDescription))
      assert.ok(!/binlog|fragment|wal\b/i.test(text), text);
    assert.match(typeDescription('incremental'), /changes since the previous backup/);
  });
});
