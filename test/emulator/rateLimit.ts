/**
 * The API gateway's rate limit: a token bucket per service. Unlike the `throttle` fault (a fixed
 * number of 429s), it throttles only what goes over the rate, so a client that slows down gets
 * through: this is what the client's adaptive limit (src/cloud/http/endpointLimit.ts) is tested and
 * benchmarked against.
 */
import type { RateLimitSpec } from './types';

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimits {
  /** By service; '*' for every service (each its own bucket). */
  private readonly limits = new Map<string, RateLimitSpec>();
  private readonly buckets = new Map<string, Bucket>();

  /** Replaces the limit of the same scope; buckets start full. */
  set(spec: RateLimitSpec): void {
    this.limits.set(spec.service ?? '*', { ...spec });
    this.buckets.clear();
  }

  clear(): void {
    this.limits.clear();
    this.buckets.clear();
  }

  /** Takes a token for one request: undefined when it may pass, else the Retry-After in whole seconds. */
  take(service: string, now: number): number | undefined {
    const limit = this.limits.get(service) ?? this.limits.get('*');
    if (!limit) return undefined;
    const burst = limit.burst ?? limit.ratePerSecond;
    const bucket = this.buckets.get(service) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.ratePerSecond);
    bucket.at = now;
    this.buckets.set(service, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    // HTTP's Retry-After counts whole seconds: the wait for the next token, rounded up.
    return Math.max(1, Math.ceil((1 - bucket.tokens) / limit.ratePerSecond));
  }
}

/** Checks a RateLimitSpec received over HTTP or the CLI; returns the problem, or undefined when it is valid. */
export function rateLimitProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the body must be a RateLimitSpec JSON object';
  const spec = value as Record<string, unknown>;
  if (spec.service !== undefined && typeof spec.service !== 'string') return 'service must be a string';
  const positive = (number: unknown): number is number => typeof number === 'number' && Number.isFinite(number) && number > 0;
  if (!positive(spec.ratePerSecond)) return 'ratePerSecond must be a positive number';
  if (spec.burst !== undefined && !(positive(spec.burst) && spec.burst >= 1)) return 'burst must be a number of at least 1';
  return undefined;
}
