import { Semaphore } from '../concurrency';
import { abortable } from './abort';

export interface EndpointLimitOptions {
  /** Requests in flight when not throttled; the limit never goes above it. */
  readonly maxPermits: number;
  /** Quiet time (no 429) after a pause before one permit comes back, and between further ones. */
  readonly recoveryMs: number;
  /** How pauses are waited out (the client's tuning.sleep, so tests need not wait). */
  readonly sleep: (ms: number, signal: AbortSignal | undefined, onAbort: () => Error) => Promise<void>;
  readonly clock: () => number;
}

/** A slot to send one request; hand it back to the limit with what the answer was. */
export interface EndpointPermit {
  readonly release: () => void;
  /** Which throttling episode the request was sent in (see `throttled`). */
  readonly episode: number;
}

/**
 * How many requests one endpoint gets at once, adapting to the API gateway's rate limit (429
 * APIGW.0308) instead of only retrying into it. A 429 halves the permits (additive increase,
 * multiplicative decrease, as TCP treats its window) and holds every new request to the endpoint
 * until its Retry-After (or back-off) has passed, so the requests already queued do not each
 * collect a 429 of their own. Then each `recoveryMs` without a 429 gives one permit back. The
 * 429s of one burst (requests that were in flight together) count as one decrease.
 */
export class EndpointLimit {
  private readonly semaphore: Semaphore;
  private episode = 0;
  /** No permit comes back before this time (ms of `clock`). */
  private quietSince = 0;
  private pause: { readonly until: number; readonly over: Promise<void> } | undefined;

  constructor(private readonly options: EndpointLimitOptions) {
    this.semaphore = new Semaphore(options.maxPermits);
  }

  /** Requests allowed in flight right now. */
  get permits(): number {
    return this.semaphore.capacity;
  }

  /** Resolves once a slot is free and no pause holds the endpoint; rejects with `onAbort()` on abort. */
  async acquire(signal: AbortSignal | undefined, onAbort: () => Error): Promise<EndpointPermit> {
    const release = await this.semaphore.acquire(signal, onAbort);
    try {
      // A pause that began while this request waited for its slot holds it too.
      while (this.pause) await abortable(this.pause.over, signal, onAbort);
    } catch (error) {
      release();
      throw error;
    }
    return { release, episode: this.episode };
  }

  /** A request answered without throttling: after a quiet `recoveryMs`, one more permit. */
  succeeded(): void {
    const now = this.options.clock();
    if (this.permits < this.options.maxPermits && now - this.quietSince >= this.options.recoveryMs) {
      this.semaphore.capacity = this.permits + 1;
      this.quietSince = now;
    }
  }

  /** A request sent with `permit` was throttled; the endpoint waits `delayMs` before anything else goes. */
  throttled(permit: EndpointPermit, delayMs: number): void {
    const now = this.options.clock();
    if (permit.episode === this.episode) {
      this.episode++;
      this.semaphore.capacity = Math.max(1, Math.floor(this.permits / 2));
    }
    const until = now + delayMs;
    this.quietSince = Math.max(this.quietSince, until);
    if (this.pause && this.pause.until >= until) return;
    const pause = {
      until,
      over: this.options
        .sleep(delayMs, undefined, () => new Error('unreachable: a pause has no signal'))
        .then(() => {
          if (this.pause === pause) this.pause = undefined;
        }),
    };
    this.pause = pause;
  }
}
