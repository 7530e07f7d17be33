/**
 * The unsigned control surface for other processes (host tests, Playwright, the demo):
 * GET/DELETE /__emulator/requests, POST/DELETE /__emulator/faults. Loopback callers only.
 */
import { faultSpecProblem } from './faults';
import type { JsonReply } from './http';
import type { FaultSpec, RecordedRequest } from './types';

export interface Controllable {
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  injectFault(spec: FaultSpec): void;
  clearFaults(): void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const controlError = (status: number, message: string): JsonReply => ({
  status,
  body: { error_code: 'EMULATOR.CONTROL', error_msg: message },
});

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
    case 'POST /__emulator/faults': {
      let spec: unknown;
      try {
        spec = JSON.parse(body);
      } catch {
        return controlError(400, 'The body is not valid JSON.');
      }
      const problem = faultSpecProblem(spec);
      if (problem) return controlError(400, `Invalid fault: ${problem}.`);
      target.injectFault(spec as FaultSpec);
      return { status: 201, body: spec };
    }
    case 'DELETE /__emulator/faults':
      target.clearFaults();
      return { status: 204, body: undefined };
    default:
      return controlError(404, `No control endpoint ${route}.`);
  }
}
