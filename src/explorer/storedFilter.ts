import { BACKUP_TYPES, NORMALIZED_STATUSES, isEmptyFilter, type BackupFilter } from '../cloud/model';

/**
 * workspaceState may hold a filter written by another version of the extension: keep the parts
 * that still make sense, drop the rest, and never fail activation over it.
 */
export function sanitizeFilter(stored: unknown): BackupFilter | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const value = stored as Record<string, unknown>;
  const types = knownValues(value.types, BACKUP_TYPES.filter((t) => t !== 'unknown'));
  const statuses = knownValues(value.statuses, NORMALIZED_STATUSES.filter((s) => s !== 'unknown'));
  const range = value.timeRange as { from?: unknown; to?: unknown } | undefined;
  const timeRange =
    range && Number.isFinite(range.from) && Number.isFinite(range.to) && (range.from as number) <= (range.to as number)
      ? { from: range.from as number, to: range.to as number }
      : undefined;
  const filter: BackupFilter = {
    ...(types.length ? { types: types as BackupFilter['types'] } : {}),
    ...(statuses.length ? { statuses: statuses as BackupFilter['statuses'] } : {}),
    ...(timeRange ? { timeRange } : {}),
  };
  return isEmptyFilter(filter) ? undefined : filter;
}

function knownValues(value: unknown, allowed: readonly string[]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && allowed.includes(v)) : [];
}
