import * as assert from 'assert';
import { Semaphore } from '../../src/cloud/concurrency';
import { EndpointLimit } from '../../src/cloud/http/endpointLimit';

const cancelled = () => new Error('cancelled');

/** An EndpointLimit on a hand-moved clock whose pauses end when the test says. */
function limitUnderTest(maxPermits = 4, recoveryMs = 1000) {
  let now = 0;
  const pauses: Array<{ ms: number; end: () => void }> = [];
  const limit = new EndpointLimit({
    maxPermits,
    recoveryMs,
    clock: () => now,
    sleep: (ms) => new Promise<void>((resolve) => pauses.push({ ms, end: resolve })),
  });
  return {
    limit,
    pauses,
    advance: (ms: number) => (now += ms),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore capacity', () => {
  it('starts waiters at once when it grows, and starts nobody until below it when it shrinks', async () => {
    const semaphore = new Semaphore(2);
    const releases = await Promise.all([semaphore.acquire(undefined, cancelled), semaphore.acquire(undefined, cancelled)]);
    let granted = 0;
    const waiting = [semaphore.acquire(undefined, cancelled), semaphore.acquire(undefined, cancelled)].map((p) => p.then(() => granted++));
    semaphore.capacity = 3;
    await settle();
    assert.strictEqual(granted, 1);
    semaphore.capacity = 1;
    releases[0]();
    await settle();
    assert.strictEqual(granted, 1, 'two still run against a capacity of one');
    releases[1]();
    semaphore.capacity = 4;
    await Promise.all(waiting);
    assert.strictEqual(semaphore.inUse, 2);
    assert.throws(() => (semaphore.capacity = 0), RangeError);
  });
});

describe('EndpointLimit (adaptive per-endpoint concurrency)', () => {
  it('halves its permits on a 429, once for all the requests that were in flight together, never below one', async () => {
    const { limit, pauses } = limitUnderTest(8);
    const inFlight = await Promise.all([1, 2, 3].map(() => limit.acquire(undefined, cancelled)));
    for (const permit of inFlight) {
      permit.release();
      limit.throttled(permit, 1000);
    }
    assert.strictEqual(limit.permits, 4, 'three 429s of one burst: one decrease');
    const seen: number[] = [];
    for (let episode = 1; episode <= 3; episode++) {
      pauses.at(-1)!.end();
      const permit = await limit.acquire(undefined, cancelled);
      permit.release();
      limit.throttled(permit, 1000 + episode);
      seen.push(limit.permits);
    }
    assert.deepStrictEqual(seen, [2, 1, 1]);
  });

  it('holds every new request while throttled, for the Retry-After, then lets them go', async () => {
    const { limit, pauses } = limitUnderTest();
    const permit = await limit.acquire(undefined, cancelled);
    permit.release();
    limit.throttled(permit, 3000);
    assert.deepStrictEqual(
      pauses.map((p) => p.ms),
      [3000],
    );
    let started = 0;
    const held = [limit.acquire(undefined, cancelled), limit.acquire(undefined, cancelled)].map((p) => p.then((x) => (started++, x)));
    await settle();
    assert.strictEqual(started, 0, 'nothing goes during the pause');
    pauses[0].end();
    const permits = await Promise.all(held);
    assert.strictEqual(started, 2);
    permits.forEach((p) => p.release());
  });

  it('extends a pause for a longer Retry-After only, and a waiter can be cancelled during it', async () => {
    const { limit, pauses } = limitUnderTest();
    const [a, b] = await Promise.all([limit.acquire(undefined, cancelled), limit.acquire(undefined, cancelled)]);
    limit.throttled(a, 2000);
    limit.throttled(b, 1000);
    assert.deepStrictEqual(
      pauses.map((p) => p.ms),
      [2000],
    );
    a.release();
    b.release();
    const controller = new AbortController();
    const waiter = limit.acquire(controller.signal, cancelled);
    controller.abort();
    await assert.rejects(waiter, /cancelled/);
    pauses[0].end();
    // The cancelled waiter gave its slot back: all the permits can be taken.
    const all = await Promise.all(Array.from({ length: limit.permits }, () => limit.acquire(undefined, cancelled)));
    all.forEach((p) => p.release());
  });

  it('gives one permit back per quiet recovery interval after the pause, up to its maximum', async () => {
    const { limit, pauses, advance } = limitUnderTest(4, 1000);
    const permit = await limit.acquire(undefined, cancelled);
    permit.release();
    limit.throttled(permit, 1000);
    pauses[0].end();
    assert.strictEqual(limit.permits, 2);
    advance(1500); // half a second after the pause ended
    limit.succeeded();
    assert.strictEqual(limit.permits, 2, 'not yet a full quiet interval');
    advance(500);
    limit.succeeded();
    limit.succeeded();
    assert.strictEqual(limit.permits, 3, 'one permit per interval, however many successes');
    for (let i = 0; i < 5; i++) {
      advance(1000);
      limit.succeeded();
    }
    assert.strictEqual(limit.permits, 4, 'never above the configured concurrency');
  });
});
