/** Public types of the emulator (test/emulator/README.md). Re-exported by index.ts. */

export interface EmulatorOptions {
  /** 0 (default) = random free port on 127.0.0.1. */
  port?: number;
  /** Default 'demo'. */
  dataset?: 'demo' | 'scale';
  /** Anchor of the data set's times (default: current time); tests pass a fixed one. */
  now?: Date;
  /** Default true (401 APIGW.0301 on bad signature or > 15 min clock skew). */
  verifySignatures?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** First path segment, e.g. 'rds'. */
  service: string;
  /** Path without /{service} and without the query. */
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-case names; never the authorization header. */
  headers: Record<string, string>;
  /** 0 when no response was sent (connection reset or hung). */
  status: number;
  requestId: string;
  at: number;
}

export type FaultKind = 'latency' | 'throttle' | 'serverError' | 'reset' | 'hang' | 'malformedJson' | 'schemaDrift';

export interface FaultSpec {
  kind: FaultKind;
  /** 'rds' … 'iam'; undefined = all. */
  service?: string;
  /** e.g. '/backups' */
  pathIncludes?: string;
  /** How many matching requests it hits; default: unlimited until cleared. */
  count?: number;
  /** For 'latency'. */
  latencyMs?: number;
  /** For 'serverError' (default 500). */
  status?: number;
  /** For 'throttle' (429 APIGW.0308). */
  retryAfterSeconds?: number;
}

/** The gateway's rate limit (test/emulator/rateLimit.ts): 429 APIGW.0308 with Retry-After beyond it. */
export interface RateLimitSpec {
  /** 'rds' … 'iam'; undefined = every service, each with its own bucket. */
  service?: string;
  /** Tokens added per second: the sustained rate. */
  ratePerSecond: number;
  /** Bucket size, the requests that may come at once (default: ratePerSecond, one second's worth). */
  burst?: number;
}
