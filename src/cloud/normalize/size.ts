/** The size units the APIs use (docs/SPEC.md §5): RDS kB, DDS KB, DCS bytes, GES and CSBS MB, CBR GB. */
export type SizeUnit = 'bytes' | 'kB' | 'KB' | 'MB' | 'GB';

const UNIT_BYTES: Readonly<Record<SizeUnit, number>> = {
  bytes: 1,
  // Both kB (RDS) and KB (DDS) mean 1024 bytes in these APIs.
  kB: 1024,
  KB: 1024,
  MB: 1024 * 1024,
  GB: 1024 * 1024 * 1024,
};

/** Size in bytes; undefined for a missing, negative or non-numeric value. */
export function toBytes(value: number | undefined, unit: SizeUnit): number | undefined {
  if (value === undefined || !Number.isFinite(value) || value < 0) return undefined;
  return Math.round(value * UNIT_BYTES[unit]);
}
