/** Injected faults: matched in the order they were added, each expiring after `count` hits. */
import type { FaultKind, FaultSpec } from './types';

export const FAULT_KINDS: readonly FaultKind[] = ['latency', 'throttle', 'serverError', 'reset', 'hang', 'malformedJson', 'schemaDrift'];

/** Faults that decide the response themselves; later faults are not reached. */
export const TERMINAL_FAULTS: ReadonlySet<FaultKind> = new Set(['throttle', 'serverError', 'reset', 'hang']);

interface ActiveFault {
  readonly spec: FaultSpec;
  remaining: number;
}

export class FaultBook {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ spec: { ...spec }, remaining: spec.count ?? Infinity });
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * The faults hitting one request, in order, stopping after the first terminal one. Each returned
   * fault has used up one of its hits.
   */
  take(service: string, path: string): FaultSpec[] {
    const hits: FaultSpec[] = [];
    for (const fault of this.faults) {
      const spec = fault.spec;
      if (fault.remaining <= 0) continue;
      if (spec.service !== undefined && spec.service !== service) continue;
      if (spec.pathIncludes !== undefined && !path.includes(spec.pathIncludes)) continue;
      fault.remaining--;
      hits.push(spec);
      if (TERMINAL_FAULTS.has(spec.kind)) break;
    }
    this.faults = this.faults.filter((fault) => fault.remaining > 0);
    return hits;
  }
}

/** Checks a FaultSpec received over HTTP; returns the problem, or undefined when it is valid. */
export function faultSpecProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the body must be a FaultSpec JSON object';
  const spec = value as Record<string, unknown>;
  if (!FAULT_KINDS.includes(spec.kind as FaultKind)) return `kind must be one of ${FAULT_KINDS.join(', ')}`;
  for (const key of ['service', 'pathIncludes']) {
    if (spec[key] !== undefined && typeof spec[key] !== 'string') return `${key} must be a string`;
  }
  for (const key of ['count', 'latencyMs', 'status', 'retryAfterSeconds']) {
    if (spec[key] !== undefined && (typeof spec[key] !== 'number' || !Number.isInteger(spec[key]) || (spec[key] as number) < 0)) {
      return `${key} must be a non-negative integer`;
    }
  }
  if (spec.status !== undefined && ((spec.status as number) < 500 || (spec.status as number) > 599)) return 'status must be a 5xx code';
  return undefined;
}

/**
 * Schema drift: the kind of change a service rolls out without notice. Record i gets, in turn, a
 * renamed field, a missing field or a wrong-typed field; every record gains unknown extra fields.
 */
export function driftRecords(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    if (Array.isArray(value)) out[key] = value.map((record, i) => driftRecord(record, i));
  }
  return out;
}

function driftRecord(record: unknown, index: number): unknown {
  if (typeof record !== 'object' || record === null) return record;
  const drifted: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  const statusKey = 'status' in drifted ? 'status' : undefined;
  const sizeKey = 'size' in drifted ? 'size' : undefined;
  const nameKey = ['name', 'backup_name'].find((k) => k in drifted);
  switch (index % 3) {
    case 0:
      if (statusKey) {
        drifted.state = drifted[statusKey];
        delete drifted[statusKey];
      }
      break;
    case 1:
      if (nameKey) delete drifted[nameKey];
      break;
    default:
      if (sizeKey) drifted[sizeKey] = `${String(drifted[sizeKey])} units`;
      else if (statusKey) drifted[statusKey] = 42;
  }
  drifted.x_rollout_generation = 2;
  drifted.labels = { 'drift.example/owner': 'platform' };
  return drifted;
}

/** A 200 body cut off mid-way, as when a proxy drops the connection's tail. */
export function truncateJson(text: string): string {
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
