import {
  BACKUP_TYPES,
  NORMALIZED_STATUSES,
  RESOURCE_TYPES,
  TIME_RANGE_PRESETS,
  isEmptyFilter,
  presetTimeRange,
  type BackupFilter,
  type TimeRangePreset,
} from '../cloud/model';

/**
 * workspaceState may hold a filter written by another version of the extension: keep the parts
 * that still make sense, drop the rest, and never fail activation over it. A preset range ("last
 * 7 days") is read as of `now`, whatever bounds were stored with it; filters saved before presets
 * were kept (fixed bounds only) stay fixed.
 */
export function sanitizeFilter(stored: unknown, now: number = Date.now()): BackupFilter | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const value = stored as Record<string, unknown>;
  const types = knownValues(
    value.types,
    BACKUP_TYPES.filter((t) => t !== 'unknown'),
  );
  const statuses = knownValues(
    value.statuses,
    NORMALIZED_STATUSES.filter((s) => s !== 'unknown'),
  );
  // Filters stored before resource types existed have none: every resource.
  const resourceTypes = knownValues(value.resourceTypes, RESOURCE_TYPES);
  const timeRange = sanitizeTimeRange(value.timeRange, now);
  const filter: BackupFilter = {
    ...(types.length ? { types: types as BackupFilter['types'] } : {}),
    ...(statuses.length ? { statuses: statuses as BackupFilter['statuses'] } : {}),
    ...(timeRange ? { timeRange } : {}),
    ...(resourceTypes.length ? { resourceTypes: resourceTypes as BackupFilter['resourceTypes'] } : {}),
  };
  return isEmptyFilter(filter) ? undefined : filter;
}

function sanitizeTimeRange(stored: unknown, now: number): BackupFilter['timeRange'] {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const range = stored as { from?: unknown; to?: unknown; preset?: unknown };
  if (TIME_RANGE_PRESETS.includes(range.preset as TimeRangePreset)) return presetTimeRange(range.preset as TimeRangePreset, now);
  return Number.isFinite(range.from) && Number.isFinite(range.to) && (range.from as number) <= (range.to as number)
    ? { from: range.from as number, to: range.to as number }
    : undefined;
}

function knownValues(value: unknown, allowed: readonly string[]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && allowed.includes(v)) : [];
}
