/**
 * The unsigned control surface for other processes (host tests, Playwright, the demo):
 * GET/DELETE /__emulator/requests, POST/DELETE /__emulator/faults, POST/DELETE
 * /__emulator/rate-limits. Loopback callers only.
 */
import { faultSpecProblem } from './faults';
import type { JsonReply } from './http';
import { rateLimitProblem } from './rateLimit';
import type { FaultSpec, RateLimitSpec, RecordedRequest } from './types';

export interface Controllable {
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  injectFault(spec: FaultSpec): void;
  clearFaults(): void;
  setRateLimit(spec: RateLimitSpec): void;
  clearRateLimits(): void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const controlError = (status: number, message: string): JsonReply => ({
  status,
  body: { error_code: 'EMULATOR.CONTROL', error_msg: message },
});

/** POST of a JSON spec: `apply` it and answer 201 with it, or 400 when it is not JSON or `problem` finds fault with it. */
function created(body: string, what: string, problem: (value: unknown) => string | undefined, apply: (spec: unknown) => void): JsonReply {
  let spec: unknown;
  try {
    spec = JSON.parse(body);
  } catch {
    return controlError(400, 'The body is not valid JSON.');
  }
  const found = problem(spec);
  if (found) return controlError(400, `Invalid ${what}: ${found}.`);
  apply(spec);
  return { status: 201, body: spec };
}

export function handleControl(
  target: Controllable,
  method: string,
  pathname: string,
  body: string,
  remoteAddress: string | undefined,
): JsonReply {
  if (!LOOPBACK.has(remoteAddress ?? '')) return controlError(403, 'The control API answers loopback callers only.');
  const route = `${method} ${pathname.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /__emulator/requests':
      return { status: 200, body: target.requests };
    case 'DELETE /__emulator/requests':
      target.clearRequests();
      return { status: 204, body: undefined };
    case 'POST /__emulator/faults':
      return created(body, 'fault', faultSpecProblem, (spec) => target.injectFault(spec as FaultSpec));
    case 'DELETE /__emulator/faults':
      target.clearFaults();
      return { status: 204, body: undefined };
    case 'POST /__emulator/rate-limits':
      return created(body, 'rate limit', rateLimitProblem, (spec) => target.setRateLimit(spec as RateLimitSpec));
    case 'DELETE /__emulator/rate-limits':
      target.clearRateLimits();
      return { status: 204, body: undefined };
    default:
      return controlError(404, `No control endpoint ${route}.`);
  }
}
