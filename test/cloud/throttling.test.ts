/**
 * The client under the API gateway's rate limit (the emulator's token bucket, 429 APIGW.0308 with
 * Retry-After): Load All slows down while throttled and speeds up after, and loses no page.
 * Timings are the client's own (its request log): the emulator shares this process's event loop,
 * so when it sees a request says little about when the client sent it.
 */
import * as assert from 'assert';
import type { Backup } from '../../src/cloud/model';
import type { AdapterContext } from '../../src/cloud/services/adapter';
import { rdsAdapter } from '../../src/cloud/services/rds';
import { createCloudSession } from '../../src/cloud/session';
import { DEFAULT_SETTINGS } from '../../src/cloud/settings';
import { PagedList } from '../../src/explorer/pagedList';
import { bigRdsInstance, maxInFlight, type BigInstance } from '../support/bigInstance';
import { startEmulator, type Emulator } from '../emulator';

const PAGE_SIZE = 20;

interface Attempt {
  readonly start: number;
  readonly end: number;
  readonly status?: number;
}

describe('adaptive concurrency under the gateway rate limit', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let ctx: AdapterContext;
  let big: BigInstance;
  let attempts: Attempt[] = [];

  before(async () => {
    emulator = await startEmulator({ dataset: 'scale', now: new Date('2026-11-21T12:00:00Z') });
    big = bigRdsInstance(emulator);
    const session = createCloudSession({
      settings: { ...DEFAULT_SETTINGS, endpointTemplate: emulator.endpointTemplate, projectId: emulator.projectId, maxRetries: 3 },
      credentials: emulator.credentials,
      onRequest: (entry) => attempts.push({ start: Date.now() - entry.durationMs, end: Date.now(), status: entry.status }),
      // Permits come back every 200 ms of quiet instead of every second, to keep the test short.
      tuning: { throttleRecoveryMs: 200 },
    });
    ctx = await session.context();
    // A little latency, so that requests overlap and concurrency shows.
    emulator.injectFault({ kind: 'latency', service: 'rds', latencyMs: 20 });
  });
  after(() => emulator.close());

  /** Load All of the instance's newest `backups`, as the tree runs it (4 pages at a time). */
  async function loadAll(backups: number): Promise<PagedList<Backup>> {
    big.resize(backups);
    attempts = [];
    const list = new PagedList<Backup>({
      pageSize: PAGE_SIZE,
      keyOf: (backup) => backup.id,
      fetchPage: (cursor, signal) => rdsAdapter.listBackups(ctx, big.instance, { cursor, limit: PAGE_SIZE, signal }),
    });
    await list.ensureFirstPage();
    await list.loadAll({ concurrency: 4 });
    return list;
  }

  it('slows to fewer requests at once while throttled, waits out Retry-After, and loses nothing', async () => {
    emulator.setRateLimit({ service: 'rds', ratePerSecond: 20, burst: 5 });
    try {
      const list = await loadAll(600);
      assert.strictEqual(list.error, undefined, String(list.error));
      assert.strictEqual(list.items.length, 600, 'every page arrived');
      assert.strictEqual(new Set(list.items.map((b) => b.id)).size, 600);

      const throttled = attempts.filter((a) => a.status === 429);
      const pages = 600 / PAGE_SIZE;
      assert.ok(throttled.length > 0, 'the rate limit was reached');
      assert.ok(attempts.length <= pages * 1.3, `${attempts.length} requests for ${pages} pages`);

      const first = throttled[0];
      assert.strictEqual(maxInFlight(attempts.filter((a) => a.end <= first.end)), 4, 'full concurrency until throttled');
      // Until a quiet recovery interval (200 ms) after the 1 s pause, at most half the permits.
      const after = attempts.filter((a) => a.start >= first.end && a.start < first.end + 1000 + 200);
      assert.ok(after.length > 0 && maxInFlight(after) <= 2, `at most half the permits after a 429, saw ${maxInFlight(after)}`);
      // Retry-After: 1 holds every request, the retry and the queued ones alike. A start is derived
      // from whole milliseconds (end − duration), so one sent in the very millisecond the 429 came
      // back, before the client read it, may read as starting just after it: 2 ms of slack.
      for (const answer of throttled) {
        const early = attempts.filter((a) => a.start > answer.end + 2 && a.start < answer.end + 990);
        assert.deepStrictEqual(early, [], `attempts during the pause after the 429 at ${answer.end}`);
      }
    } finally {
      emulator.clearRateLimits();
    }
  });

  it('comes back up to full concurrency once the throttling stops', async () => {
    const list = await loadAll(1200);
    assert.strictEqual(list.items.length, 1200);
    assert.ok(
      attempts.every((a) => a.status === 200),
      'not throttled',
    );
    assert.strictEqual(maxInFlight(attempts), 4);
  });
});
