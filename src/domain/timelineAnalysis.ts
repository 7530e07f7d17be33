import type { Backup, BackupType } from '../cloud/model';

/**
 * Pure analysis behind the instance backup timeline: how often automatic backups usually run,
 * where they stopped for longer than that, and where a backup is suddenly much smaller than the
 * one before it. No vscode, no clock: callers pass the range.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface GapOptions {
  /** A gap is an interval longer than `factor` × the usual interval… */
  readonly factor: number;
  /** …and at least this long, so a 1-hourly schedule does not flag a 2-hour hiccup. */
  readonly minimumMs: number;
}

export const DEFAULT_GAP_OPTIONS: GapOptions = { factor: 1.5, minimumMs: 36 * HOUR_MS };

/** A drop is flagged when a successful backup is smaller than this share of the previous one. */
export const DEFAULT_DROP_RATIO = 0.5;

export interface BackupGap {
  readonly from: number;
  readonly to: number;
  /** The automatic backup before the gap; undefined when the gap starts at the range start. */
  readonly afterId?: string;
  /** The automatic backup after the gap; undefined when the gap runs to the range end (still open). */
  readonly beforeId?: string;
}

export interface SizeDrop {
  readonly backupId: string;
  readonly previousId: string;
  readonly at: number;
  readonly fromBytes: number;
  readonly toBytes: number;
  /** toBytes / fromBytes, e.g. 0.3 for a 70 % drop. */
  readonly ratio: number;
}

export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

function startOf(backup: Backup): number | undefined {
  return backup.start.instant;
}

function byStart(a: Backup, b: Backup): number {
  return (startOf(a) ?? 0) - (startOf(b) ?? 0);
}

/** Automatic backups that actually ran (a failed attempt leaves nothing to restore from). */
function automaticRuns(backups: readonly Backup[]): Backup[] {
  return backups.filter((b) => b.type === 'auto' && b.status !== 'failed' && startOf(b) !== undefined).sort(byStart);
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median interval between consecutive automatic backups; undefined with fewer than two. */
export function usualAutoInterval(backups: readonly Backup[]): number | undefined {
  const starts = automaticRuns(backups).map((b) => startOf(b)!);
  const intervals = starts
    .slice(1)
    .map((start, i) => start - starts[i])
    .filter((ms) => ms > 0);
  return median(intervals);
}

/**
 * Stretches without an automatic backup longer than the usual interval allows, inside `range`.
 * The stretch from the last automatic backup to the end of the range counts too (an automatic
 * schedule that stopped yesterday is the gap an incident responder most needs to see).
 */
export function findGaps(backups: readonly Backup[], range: TimeRange, options: GapOptions = DEFAULT_GAP_OPTIONS): BackupGap[] {
  const usual = usualAutoInterval(backups);
  if (usual === undefined) return [];
  const threshold = Math.max(usual * options.factor, options.minimumMs);
  const runs = automaticRuns(backups).filter((b) => startOf(b)! >= range.from && startOf(b)! <= range.to);
  const gaps: BackupGap[] = [];
  const push = (from: number, to: number, after?: Backup, before?: Backup) => {
    if (to - from <= threshold) return;
    gaps.push({ from, to, afterId: after?.id, beforeId: before?.id });
  };
  runs.slice(1).forEach((run, i) => push(startOf(runs[i])!, startOf(run)!, runs[i], run));
  const last = runs[runs.length - 1];
  if (last) push(startOf(last)!, range.to, last, undefined);
  return gaps;
}

/** Full backups are compared with full ones; incremental and differential ones only among themselves. */
function sizeFamily(type: BackupType): string {
  return type === 'incremental' || type === 'differential' ? type : 'full';
}

/** Successful backups more than (1 − ratio) smaller than the previous successful one of the same kind. */
export function findSizeDrops(backups: readonly Backup[], ratio: number = DEFAULT_DROP_RATIO): SizeDrop[] {
  const previousByFamily = new Map<string, Backup>();
  const drops: SizeDrop[] = [];
  const candidates = backups.filter((b) => b.status === 'succeeded' && b.sizeBytes !== undefined && startOf(b) !== undefined).sort(byStart);
  for (const backup of candidates) {
    const family = sizeFamily(backup.type);
    const previous = previousByFamily.get(family);
    previousByFamily.set(family, backup);
    if (!previous || previous.sizeBytes! <= 0) continue;
    const share = backup.sizeBytes! / previous.sizeBytes!;
    if (share < ratio) {
      drops.push({
        backupId: backup.id,
        previousId: previous.id,
        at: startOf(backup)!,
        fromBytes: previous.sizeBytes!,
        toBytes: backup.sizeBytes!,
        ratio: share,
      });
    }
  }
  return drops;
}
