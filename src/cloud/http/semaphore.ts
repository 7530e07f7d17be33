/**
 * Bounds how many requests run at once (per service, so a slow service cannot starve the others).
 * Waiters are served first come, first served; a waiter whose signal aborts leaves the queue.
 */
export class Semaphore {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`Semaphore capacity must be at least 1, got ${capacity}`);
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
    if (this.running < this.capacity) {
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
      this.queue.shift()?.();
    };
  }
}
