/** The size units the five APIs use (docs/SPEC.md §5): RDS kB, DDS KB, DCS bytes, GES and CSBS MB. */
export type SizeUnit = 'bytes' | 'kB' | 'KB' | 'MB';

const UNIT_BYTES: Readonly<Record<SizeUnit, number>> = {
  bytes: 1,
  // Both kB (RDS) and KB (DDS) mean 1024 bytes in these APIs.
  kB: 1024,
  KB: 1024,
  MB: 1024 * 1024,
};

/** Size in bytes; undefined for a missing, negative or non-numeric value. */
export function toBytes(value: number | undefined, unit: SizeUnit): number | undefined {
  if (value === undefined || !Number.isFinite(value) || value < 0) return undefined;
  return Math.round(value * UNIT_BYTES[unit]);
}
