// Bounded concurrency, the two shapes the extension needs: a Semaphore shared by independent
// callers (the HTTP client's per-endpoint request limit), and forEachConcurrently, a worker pool
// over a known list (Load All's pages, a scan's instances).

/**
 * Bounds how many requests run at once (per endpoint, so a slow service cannot starve the others).
 * Waiters are served first come, first served; a waiter whose signal aborts leaves the queue. The
 * capacity can change while in use (the client's adaptive limit, http/endpointLimit.ts).
 */
export class Semaphore {
  private running = 0;
  private slots: number;
  private readonly queue: Array<() => void> = [];

  constructor(capacity: number) {
    this.slots = Semaphore.checked(capacity);
  }

  private static checked(capacity: number): number {
    if (!(capacity >= 1)) throw new RangeError(`Semaphore capacity must be at least 1, got ${capacity}`);
    return capacity;
  }

  get capacity(): number {
    return this.slots;
  }

  /** A smaller capacity lets the running ones finish and starts nobody until below it; a larger one starts waiters at once. */
  set capacity(capacity: number) {
    this.slots = Semaphore.checked(capacity);
    this.grantWaiting();
  }

  get inUse(): number {
    return this.running;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves with a release function (safe to call twice) once a slot is free. */
  acquire(signal: AbortSignal | undefined, onAbort: () => Error): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(onAbort());
    if (this.running < this.slots) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', abandon);
        this.running++;
        resolve(this.releaser());
      };
      const abandon = () => {
        const index = this.queue.indexOf(grant);
        if (index >= 0) this.queue.splice(index, 1);
        reject(onAbort());
      };
      signal?.addEventListener('abort', abandon, { once: true });
      this.queue.push(grant);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.grantWaiting();
    };
  }

  private grantWaiting(): void {
    while (this.running < this.slots && this.queue.length > 0) this.queue.shift()!();
  }
}

/**
 * Runs `task` over `items` with at most `limit` running at once, in list order of starting; stops
 * starting new ones once `signal` aborts. A task that throws rejects the whole run after the
 * running ones end; tasks that must not stop their siblings catch their own errors.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length && !signal?.aborted) {
      try {
        await task(items[next++]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
}
