import type { Backup, Instance, ServiceId } from '../cloud/model';
import { SERVICE_IDS } from '../cloud/services/registry';
import type { DetailsState } from './html/details';
import type { RestorePointState } from './html/restorePoint';
import type { TimelineState } from './html/timeline';
import type { TimeRange } from '../domain/timelineAnalysis';

/**
 * Checks what a webview handed back after a reload. It was written by our own script, but it
 * crosses a process boundary and may come from an older version: accept only the shape we need.
 */

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isService = (value: unknown): value is ServiceId => typeof value === 'string' && SERVICE_IDS.includes(value);

function isRange(value: unknown): value is TimeRange {
  return isObject(value) && Number.isFinite(value.from) && Number.isFinite(value.to);
}

/** Whether `value` looks like a normalised Backup (command arguments, saved state). */
export function isBackup(value: unknown): value is Backup {
  return (
    isObject(value) &&
    isService(value.service) &&
    isText(value.id) &&
    typeof value.name === 'string' &&
    isText(value.instanceId) &&
    typeof value.rawStatus === 'string' &&
    typeof value.status === 'string' &&
    isObject(value.start) &&
    isObject(value.end) &&
    isObject(value.extras)
  );
}

export function parseDetailsState(state: unknown): DetailsState | undefined {
  if (!isObject(state) || state.kind !== 'details' || !isBackup(state.backup)) return undefined;
  const fetchedAt = Number.isFinite(state.fetchedAt) ? (state.fetchedAt as number) : 0;
  return { kind: 'details', backup: state.backup, fetchedAt, ...(isText(state.scopeKey) ? { scopeKey: state.scopeKey } : {}) };
}

export function parseTimelineState(state: unknown): TimelineState | undefined {
  if (!isObject(state) || state.kind !== 'timeline' || !isObject(state.instance)) return undefined;
  const { service, id, name } = state.instance;
  if (!isService(service) || !isText(id)) return undefined;
  return {
    kind: 'timeline',
    instance: { service, id, name: typeof name === 'string' && name ? name : id },
    fixedRange: isRange(state.fixedRange) ? state.fixedRange : undefined,
    ...(isText(state.scopeKey) ? { scopeKey: state.scopeKey } : {}),
  };
}

export function parseRestorePointState(state: unknown): RestorePointState | undefined {
  if (!isObject(state) || state.kind !== 'restorePoint' || !isObject(state.instance) || !Number.isFinite(state.moment)) return undefined;
  const { service, id, name } = state.instance;
  if (!isService(service) || !isText(id)) return undefined;
  return {
    kind: 'restorePoint',
    instance: { service, id, name: typeof name === 'string' && name ? name : id },
    moment: state.moment as number,
    ...(isText(state.scopeKey) ? { scopeKey: state.scopeKey } : {}),
  };
}

/** The health panel keeps nothing but its kind: its report lives in the extension host. */
export function parseHealthState(state: unknown): { readonly kind: 'health' } | undefined {
  return isObject(state) && state.kind === 'health' ? { kind: 'health' } : undefined;
}

/** Whether `value` looks like a normalised Instance (command arguments). */
export function isInstance(value: unknown): value is Instance {
  return isObject(value) && isService(value.service) && isText(value.id) && typeof value.name === 'string';
}
