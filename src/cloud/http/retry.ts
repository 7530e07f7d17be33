/** When and how long to wait before retrying a request (docs/SPEC.md §2 maxRetries, §6 back-off advice). */

export interface RetryTiming {
  /** Full-jitter back-off: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs·2ⁿ)). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Extra floor for 429 without Retry-After: Huawei advises retrying throttled calls after 2–5 s. */
  readonly throttleDelayMs: number;
  /** A longer Retry-After is reported to the user instead of being waited for. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_TIMING: RetryTiming = {
  baseDelayMs: 1000,
  maxDelayMs: 20_000,
  throttleDelayMs: 2000,
  maxRetryAfterMs: 60_000,
};

/** Only idempotent reads are retried; anything that may change state is sent once. */
export function isRetryableMethod(method: string): boolean {
  return method.toUpperCase() === 'GET' || method.toUpperCase() === 'HEAD';
}

/** Throttling and server errors are worth another try; other 4xx are the request's fault. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Retry-After as delta-seconds or an HTTP date, in ms from `nowMs`; undefined when absent or invalid. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Delay before retry number `attempt` (0-based) when the server gave no Retry-After. */
export function backoffDelay(attempt: number, throttled: boolean, timing: RetryTiming, random: () => number): number {
  const ceiling = Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** attempt);
  const jitter = random() * ceiling;
  return throttled ? Math.min(timing.maxDelayMs, timing.throttleDelayMs + jitter) : jitter;
}
