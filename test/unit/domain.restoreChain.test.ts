// The restore-point rules (src/domain/restoreChain.ts) on hand-made backup lists: no host, no HTTP.
import * as assert from 'assert';
import type { Backup } from '../../src/cloud/model';
import { chainFrom, fullBackupsBefore, judgeRanges, restoreChains, restorePointOf, restoreRole } from '../../src/domain/restoreChain';
import { DAY_MS, HOUR_MS } from '../../src/domain/timelineAnalysis';
import { autoBackup } from './detailsFixtures';

const T0 = Date.UTC(2026, 10, 1, 2, 0, 0);
const GB = 1024 ** 3;

const full = (id: string, at: number, overrides: Partial<Backup> = {}) => autoBackup(id, at, 10 * GB, overrides);
const incremental = (id: string, at: number, overrides: Partial<Backup> = {}) =>
  autoBackup(id, at, GB, { type: 'incremental', end: { instant: at + 5 * 60_000 }, ...overrides });

/** A daily full backup at T0 + d days and an incremental every hour between them. */
function week(): Backup[] {
  const backups: Backup[] = [];
  for (let d = 0; d < 7; d++) {
    backups.push(full(`f${d}`, T0 + d * DAY_MS));
    for (let h = 1; h < 24; h++) backups.push(incremental(`i${d}-${h}`, T0 + d * DAY_MS + h * HOUR_MS));
  }
  return backups;
}

describe('restore chain rules', () => {
  it('places every backup type in a restore: full, incremental (also a CBR flag), differential, or nothing', () => {
    assert.strictEqual(restoreRole(full('a', T0)), 'full');
    assert.strictEqual(restoreRole(full('m', T0, { type: 'manual' })), 'full');
    assert.strictEqual(restoreRole(incremental('i', T0)), 'incremental');
    assert.strictEqual(restoreRole(full('c', T0, { service: 'cbr', incremental: true })), 'incremental');
    assert.strictEqual(restoreRole(full('d', T0, { type: 'differential' })), 'differential');
    assert.strictEqual(restoreRole(full('u', T0, { type: 'unknown' })), undefined);
  });

  it('restores to a backup’s end (the last commit of an incremental), else its start', () => {
    assert.strictEqual(restorePointOf(incremental('i', T0)), T0 + 5 * 60_000);
    assert.strictEqual(restorePointOf(full('a', T0, { end: {} })), T0);
  });

  it('starts from the newest good full backup finished by the moment, newest first', () => {
    const backups = [full('old', T0), full('failed', T0 + DAY_MS, { status: 'failed' }), full('new', T0 + 2 * DAY_MS)];
    assert.deepStrictEqual(
      fullBackupsBefore(backups, T0 + 2 * DAY_MS + HOUR_MS).map((b) => b.id),
      ['new', 'old'],
    );
    // Still running at the moment: not finished, so not usable.
    assert.deepStrictEqual(
      fullBackupsBefore(backups, T0 + 2 * DAY_MS + 60_000).map((b) => b.id),
      ['old'],
    );
  });

  it('applies every good incremental up to the moment: the loss window is the time since the last one', () => {
    const moment = T0 + 3 * DAY_MS + 10 * HOUR_MS + 30 * 60_000;
    const { best, alternatives } = restoreChains(week(), moment);
    assert.strictEqual(best?.full.id, 'f3');
    assert.deepStrictEqual(
      best.pieces.map((b) => b.id),
      Array.from({ length: 10 }, (_, i) => `i3-${i + 1}`),
    );
    assert.deepStrictEqual(best.breaks, []);
    assert.strictEqual(best.restorableTo, T0 + 3 * DAY_MS + 10 * HOUR_MS + 5 * 60_000);
    assert.strictEqual(best.lossWindowMs, 25 * 60_000);
    assert.deepStrictEqual(alternatives, [], 'no alternative for an intact chain');
  });

  it('calls out a failed incremental, stops the chain before it and offers the previous full backup', () => {
    const backups = week().map((b) => (b.id === 'i3-4' ? { ...b, status: 'failed' as const, rawStatus: 'FAILED' } : b));
    const moment = T0 + 3 * DAY_MS + 10 * HOUR_MS;
    const { best, alternatives } = restoreChains(backups, moment);
    assert.strictEqual(best?.breaks[0].kind, 'failed');
    assert.strictEqual(best.breaks[0].backup?.id, 'i3-4');
    assert.deepStrictEqual(
      best.pieces.map((b) => b.id),
      ['i3-1', 'i3-2', 'i3-3'],
    );
    assert.strictEqual(best.restorableTo, T0 + 3 * DAY_MS + 3 * HOUR_MS + 5 * 60_000);
    assert.strictEqual(alternatives.length, 1);
    assert.strictEqual(alternatives[0].full.id, 'f2');
    assert.ok(alternatives[0].lossWindowMs > best.lossWindowMs, 'the older chain loses more');
  });

  it('finds a missing piece as a gap much longer than the usual interval', () => {
    const backups = [full('f', T0), ...[1, 2, 3, 9, 10].map((h) => incremental(`i${h}`, T0 + h * HOUR_MS))];
    const chain = chainFrom(backups[0], backups, T0 + 11 * HOUR_MS, T0 + 11 * HOUR_MS);
    assert.strictEqual(chain.breaks.length, 1);
    assert.strictEqual(chain.breaks[0].kind, 'gap');
    assert.strictEqual(chain.breaks[0].to, T0 + 9 * HOUR_MS);
    assert.deepStrictEqual(
      chain.pieces.map((b) => b.id),
      ['i1', 'i2', 'i3'],
    );
  });

  it('applies only the newest good differential; a failed one after it is a break', () => {
    const diff = (id: string, h: number, status: Backup['status'] = 'succeeded') =>
      full(id, T0 + h * HOUR_MS, { type: 'differential', status, end: { instant: T0 + h * HOUR_MS + 60_000 } });
    const backups = [full('f', T0), diff('d1', 6), diff('d2', 12), diff('d3', 18, 'failed')];
    const chain = chainFrom(backups[0], backups, T0 + 20 * HOUR_MS, T0 + 20 * HOUR_MS);
    assert.deepStrictEqual(
      chain.pieces.map((b) => b.id),
      ['d2'],
    );
    assert.strictEqual(chain.restorableTo, T0 + 12 * HOUR_MS + 60_000);
    assert.strictEqual(chain.breaks[0].backup?.id, 'd3');
  });

  it('has no chain without a good full backup before the moment', () => {
    assert.deepStrictEqual(restoreChains([incremental('i', T0)], T0 + HOUR_MS), { alternatives: [] });
  });

  it('judges restorable ranges: inside one, the moment itself; else the end of the latest one before it', () => {
    const ranges = [
      { from: T0, to: T0 + DAY_MS },
      { from: T0 + 6 * DAY_MS, to: T0 + 7 * DAY_MS },
    ];
    assert.deepStrictEqual(judgeRanges(ranges, T0 + 6.5 * DAY_MS), { containing: ranges[1], lastRestorable: T0 + 6.5 * DAY_MS });
    assert.deepStrictEqual(judgeRanges(ranges, T0 + 3 * DAY_MS), { lastRestorable: T0 + DAY_MS });
    assert.deepStrictEqual(judgeRanges(ranges, T0 - DAY_MS), { lastRestorable: undefined });
  });
});
