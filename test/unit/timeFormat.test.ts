// Fixed time patterns in the machine's zone and in UTC (src/cloud/timeFormat.ts). The expected
// local values are computed from the machine's own offset, so the test holds in any zone.
import * as assert from 'assert';
import { formatTime, isLocalMidnight } from '../../src/cloud/timeFormat';

const INSTANT = Date.UTC(2026, 10, 21, 2, 3, 4); // 2026-11-21 02:03:04 UTC

describe('time patterns', () => {
  it('writes UTC and local times, padded or not, with the zone offset and literal text', () => {
    assert.strictEqual(formatTime(INSTANT, 'YYYY-MM-DD[T]HH:mm:ss[+0000]', 'utc'), '2026-11-21T02:03:04+0000');
    assert.strictEqual(formatTime(INSTANT, 'YYYYMMDDHHmmss', 'utc'), '20261121020304');
    const offset = -new Date(INSTANT).getTimezoneOffset();
    const local = new Date(INSTANT + offset * 60_000);
    const two = (n: number) => String(n).padStart(2, '0');
    assert.strictEqual(formatTime(INSTANT, 'HH:mm:ss'), `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:04`);
    const sign = offset < 0 ? '-' : '+';
    const zone = `${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
    assert.strictEqual(formatTime(INSTANT, '[(UTC]Z[)]'), `(UTC${zone})`);
    assert.strictEqual(formatTime(Date.UTC(2026, 0, 5, 12), 'MMM D', 'utc'), 'Jan 5');
    assert.strictEqual(formatTime(Date.UTC(2026, 0, 5, 12), 'M月D日', 'utc'), '1月5日');
  });

  it('knows a local midnight', () => {
    assert.ok(isLocalMidnight(new Date(2026, 10, 21).getTime()));
    assert.ok(!isLocalMidnight(new Date(2026, 10, 21, 0, 30).getTime()));
  });
});
