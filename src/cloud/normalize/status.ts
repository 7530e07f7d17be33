import type { NormalizedStatus } from '../model';

export type KnownStatus = Exclude<NormalizedStatus, 'unknown'>;

/** A service's documented raw status values and what they mean (each adapter holds its own). */
export type RawStatusTable = Readonly<Record<string, KnownStatus>>;

/** Normalised status of a raw value; case and surrounding spaces are ignored, unknown values give 'unknown'. */
export function statusOf(table: RawStatusTable, raw: string | undefined): NormalizedStatus {
  const key = raw?.trim().toLowerCase();
  if (!key) return 'unknown';
  const found = Object.keys(table).find((value) => value.toLowerCase() === key);
  return found ? table[found] : 'unknown';
}

/** The raw values of a service that mean any of `statuses`, in table order (for server-side filters). */
export function rawStatusesFor(table: RawStatusTable, statuses: readonly NormalizedStatus[]): string[] {
  return Object.entries(table)
    .filter(([, status]) => statuses.includes(status))
    .map(([raw]) => raw);
}
