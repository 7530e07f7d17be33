import type { NormalizedStatus, ServiceId } from '../model';

type KnownStatus = Exclude<NormalizedStatus, 'unknown'>;

/** SPEC §5: each service's documented raw status values and what they mean. */
export const RAW_STATUSES: Readonly<Record<ServiceId, Readonly<Record<string, KnownStatus>>>> = {
  rds: { BUILDING: 'inProgress', COMPLETED: 'succeeded', FAILED: 'failed', DELETING: 'expired' },
  // DDS documents DISABLED as 备份删除中 (being deleted).
  dds: { BUILDING: 'inProgress', COMPLETED: 'succeeded', FAILED: 'failed', DISABLED: 'expired' },
  dcs: { waiting: 'waiting', backuping: 'inProgress', succeed: 'succeeded', failed: 'failed', expired: 'expired', deleted: 'expired' },
  ges: { backing_up: 'inProgress', success: 'succeeded', failed: 'failed' },
  // The SPEC table's "…": CSBS also queues work (waiting_*) and keeps deleted items for a while.
  csbs: {
    protecting: 'inProgress',
    restoring: 'inProgress',
    available: 'succeeded',
    error: 'failed',
    deleting: 'expired',
    deleted: 'expired',
    waiting_protect: 'waiting',
    waiting_restore: 'waiting',
    waiting_delete: 'waiting',
  },
};

/** Normalised status of a raw value; case and surrounding spaces are ignored, unknown values give 'unknown'. */
export function statusOf(service: ServiceId, raw: string | undefined): NormalizedStatus {
  const key = raw?.trim().toLowerCase();
  if (!key) return 'unknown';
  const table = RAW_STATUSES[service];
  const found = Object.keys(table).find((value) => value.toLowerCase() === key);
  return found ? table[found] : 'unknown';
}

/** The raw values of a service that mean any of `statuses`, in table order (for server-side filters). */
export function rawStatusesFor(service: ServiceId, statuses: readonly NormalizedStatus[]): string[] {
  return Object.entries(RAW_STATUSES[service])
    .filter(([, status]) => statuses.includes(status))
    .map(([raw]) => raw);
}
