import * as assert from 'assert';
import { DAY_MS, HOUR_MS, findGaps, findSizeDrops, median, usualAutoInterval } from '../../src/domain/timelineAnalysis';
import { dropText, durationInWords, gapText } from '../../src/domain/timelineText';
import { autoBackup } from './detailsFixtures';

const T0 = Date.UTC(2026, 10, 1, 2, 0, 0);
const GB = 1024 ** 3;

/** Daily automatic backups on the given day numbers (0 = T0). */
function daily(days: readonly number[], size = 10 * GB) {
  return days.map((d) => autoBackup(`d${d}`, T0 + d * DAY_MS, size));
}

describe('timeline analysis', () => {
  describe('median and usualAutoInterval', () => {
    it('takes the middle value, or the mean of the two middle ones', () => {
      assert.strictEqual(median([]), undefined);
      assert.strictEqual(median([5, 1, 3]), 3);
      assert.strictEqual(median([4, 1, 3, 2]), 2.5);
    });

    it('is the median interval between automatic backups, ignoring manual and failed ones', () => {
      const backups = [
        ...daily([0, 1, 2, 3, 7]),
        autoBackup('manual', T0 + 5 * DAY_MS, GB, { type: 'manual' }),
        autoBackup('failed', T0 + 5.5 * DAY_MS, 0, { status: 'failed' }),
      ];
      assert.strictEqual(usualAutoInterval(backups), DAY_MS);
    });

    it('is undefined with fewer than two automatic backups', () => {
      assert.strictEqual(usualAutoInterval(daily([0])), undefined);
      assert.strictEqual(usualAutoInterval([]), undefined);
    });

    it('does not depend on the order records arrive in (APIs list newest first)', () => {
      assert.strictEqual(usualAutoInterval(daily([5, 4, 3, 1, 0])), DAY_MS);
    });
  });

  describe('findGaps', () => {
    const range = { from: T0 - DAY_MS, to: T0 + 10 * DAY_MS };

    it('flags an interval longer than 1.5 x the usual one and at least 36 h, with a label', () => {
      const gaps = findGaps(daily([0, 1, 2, 3, 6, 7, 8, 9, 10]), range);
      assert.strictEqual(gaps.length, 1);
      assert.strictEqual(gaps[0].from, T0 + 3 * DAY_MS);
      assert.strictEqual(gaps[0].to, T0 + 6 * DAY_MS);
      assert.strictEqual(gaps[0].afterId, 'd3');
      assert.strictEqual(gaps[0].beforeId, 'd6');
      assert.strictEqual(gapText(gaps[0]), 'no automatic backup for 3 days');
    });

    it('does not flag an interval of exactly 1.5 x the usual one', () => {
      const hourly = [0, 24, 48, 72, 108, 132].map((h) => autoBackup(`h${h}`, T0 + h * HOUR_MS, GB));
      // usual = 24 h, 36 h is neither > 1.5 x usual nor > the 36 h minimum
      assert.deepStrictEqual(findGaps(hourly, { from: T0, to: T0 + 132 * HOUR_MS }), []);
    });

    it('needs at least 36 h even for frequent schedules', () => {
      const every6h = [0, 6, 12, 18, 24, 54, 60].map((h) => autoBackup(`h${h}`, T0 + h * HOUR_MS, GB));
      // 30 h is 5 x the usual 6 h but shorter than 36 h
      assert.deepStrictEqual(findGaps(every6h, { from: T0, to: T0 + 60 * HOUR_MS }), []);
      const withLongGap = [...every6h, autoBackup('late', T0 + 100 * HOUR_MS, GB)];
      const gaps = findGaps(withLongGap, { from: T0, to: T0 + 100 * HOUR_MS });
      assert.deepStrictEqual(
        gaps.map((g) => gapText(g)),
        ['no automatic backup for 1 day 16 hours'],
      );
    });

    it('counts failed automatic backups as missing ones', () => {
      const backups = [...daily([0, 1, 2, 5, 6]), autoBackup('f3', T0 + 3 * DAY_MS, 0, { status: 'failed' })];
      const gaps = findGaps(backups, { from: T0, to: T0 + 6 * DAY_MS });
      assert.deepStrictEqual(
        gaps.map((g) => [g.afterId, g.beforeId]),
        [['d2', 'd5']],
      );
    });

    it('reports a still-open gap up to the end of the range', () => {
      const gaps = findGaps(daily([0, 1, 2, 3]), { from: T0, to: T0 + 7 * DAY_MS });
      assert.strictEqual(gaps.length, 1);
      assert.strictEqual(gaps[0].beforeId, undefined);
      assert.strictEqual(gapText(gaps[0]), 'no automatic backup for 4 days (so far)');
    });

    it('finds nothing without a usual interval', () => {
      assert.deepStrictEqual(findGaps(daily([0]), range), []);
    });
  });

  describe('findSizeDrops', () => {
    it('flags a successful backup less than half the size of the previous successful one', () => {
      const backups = [
        autoBackup('a', T0, 10 * GB),
        autoBackup('b', T0 + DAY_MS, 9 * GB),
        autoBackup('c', T0 + 2 * DAY_MS, 3 * GB),
        autoBackup('d', T0 + 3 * DAY_MS, 3.2 * GB),
      ];
      const drops = findSizeDrops(backups);
      assert.strictEqual(drops.length, 1);
      assert.strictEqual(drops[0].backupId, 'c');
      assert.strictEqual(drops[0].previousId, 'b');
      assert.strictEqual(dropText(drops[0]), 'size dropped 67% from the previous backup');
    });

    it('does not flag exactly half', () => {
      assert.deepStrictEqual(findSizeDrops([autoBackup('a', T0, 10 * GB), autoBackup('b', T0 + DAY_MS, 5 * GB)]), []);
    });

    it('skips failed backups and backups without a size when choosing the previous one', () => {
      const backups = [
        autoBackup('a', T0, 10 * GB),
        autoBackup('failed', T0 + DAY_MS, 1, { status: 'failed' }),
        autoBackup('nosize', T0 + 2 * DAY_MS, undefined),
        autoBackup('b', T0 + 3 * DAY_MS, 4 * GB),
      ];
      assert.deepStrictEqual(
        findSizeDrops(backups).map((d) => [d.previousId, d.backupId]),
        [['a', 'b']],
      );
    });

    it('compares incremental backups only with incremental ones', () => {
      const backups = [
        autoBackup('full1', T0, 10 * GB),
        autoBackup('inc1', T0 + HOUR_MS, 0.2 * GB, { type: 'incremental' }),
        autoBackup('inc2', T0 + 2 * HOUR_MS, 0.19 * GB, { type: 'incremental' }),
        autoBackup('full2', T0 + DAY_MS, 9.5 * GB),
      ];
      assert.deepStrictEqual(findSizeDrops(backups), []);
    });
  });

  it('describes durations in days and hours', () => {
    assert.strictEqual(durationInWords(3 * DAY_MS), '3 days');
    assert.strictEqual(durationInWords(DAY_MS + HOUR_MS), '1 day 1 hour');
    assert.strictEqual(durationInWords(20 * HOUR_MS), '20 hours');
  });
});
