import type { Backup, RestorableRange } from '../cloud/model';
import { median } from './timelineAnalysis';

/**
 * The restore-point rules, pure: which backup a restore to a moment starts from, which pieces it
 * applies after it, where that chain is broken, and how much data a restore would lose. No vscode,
 * no clock, no requests (findRestorePoint.ts fetches what these rules need).
 */

/** How a backup takes part in a restore; undefined for a type we cannot place (raw 'unknown'). */
export type RestoreRole = 'full' | 'incremental' | 'differential';

/**
 * Full: automatic and manual backups (CBR: those not flagged incremental). Incremental: RDS
 * incremental (log) backups and CBR incremental backups, each built on the one before it.
 * Differential: RDS "fragment" backups, each holding everything since the full one.
 */
export function restoreRole(backup: Backup): RestoreRole | undefined {
  if (backup.type === 'incremental' || backup.incremental === true) return 'incremental';
  if (backup.type === 'differential') return 'differential';
  return backup.type === 'auto' || backup.type === 'manual' ? 'full' : undefined;
}

/** The moment a backup restores to: its end (the last commit of an RDS MySQL incremental), else its start. */
export function restorePointOf(backup: Backup): number | undefined {
  return backup.end.instant ?? backup.start.instant;
}

/**
 * A link of a chain that cannot be applied:
 * - failed: the piece failed;
 * - unusable: the piece is not there to apply (deleted, still running, unknown status);
 * - gap: no piece for much longer than the chain's usual interval (GAP_FACTOR ×), so one is missing.
 */
export interface ChainBreak {
  readonly kind: 'failed' | 'unusable' | 'gap';
  /** The failed or unusable piece; undefined for a gap. */
  readonly backup?: Backup;
  /** The last restorable point before the break. */
  readonly from: number;
  /** Where the break ends: the broken piece's start, or the piece after a gap. */
  readonly to: number;
}

export interface RestoreChain {
  /** The succeeded full backup the restore starts from. */
  readonly full: Backup;
  /** The pieces applied on top, in time order: every good incremental up to the first break, the newest good differential. */
  readonly pieces: readonly Backup[];
  /** Every failed or missing link between the full backup and the end of the chain, in time order. */
  readonly breaks: readonly ChainBreak[];
  /** The latest moment this chain restores to. */
  readonly restorableTo: number;
  /** The answer's moment minus restorableTo: the data a restore with this chain loses. */
  readonly lossWindowMs: number;
}

/** A gap between incremental pieces longer than this many usual intervals means a piece is missing. */
export const GAP_FACTOR = 2;

const startOf = (backup: Backup) => backup.start.instant ?? Number.NaN;
const byStart = (a: Backup, b: Backup) => startOf(a) - startOf(b);

interface PieceResult {
  readonly pieces: Backup[];
  readonly breaks: ChainBreak[];
  readonly reach: number;
}

/** Incremental pieces apply one after another: the chain reaches the last good one before its first break. */
function applyIncrementals(pieces: readonly Backup[], from: number): PieceResult {
  const usual = median(pieces.slice(1).map((piece, i) => startOf(piece) - startOf(pieces[i])));
  const applied: Backup[] = [];
  const breaks: ChainBreak[] = [];
  let reach = from;
  let previousStart = from;
  for (const piece of pieces) {
    const start = startOf(piece);
    if (usual !== undefined && pieces.length >= 3 && start - previousStart > GAP_FACTOR * usual) {
      breaks.push({ kind: 'gap', from: reach, to: start });
    }
    previousStart = start;
    if (piece.status !== 'succeeded') {
      breaks.push({ kind: piece.status === 'failed' ? 'failed' : 'unusable', backup: piece, from: reach, to: start });
      continue;
    }
    if (breaks.length === 0) {
      applied.push(piece);
      reach = Math.max(reach, restorePointOf(piece) ?? reach);
    }
  }
  return { pieces: applied, breaks, reach };
}

/** Only the newest good differential is applied; failed ones after it are the points the chain cannot reach. */
function applyDifferentials(pieces: readonly Backup[], from: number): PieceResult {
  const good = pieces.filter((piece) => piece.status === 'succeeded');
  const newest = good[good.length - 1];
  const reach = newest ? Math.max(from, restorePointOf(newest) ?? from) : from;
  const breaks = pieces
    .filter((piece) => piece.status !== 'succeeded' && startOf(piece) > (newest ? startOf(newest) : from))
    .map((piece): ChainBreak => ({
      kind: piece.status === 'failed' ? 'failed' : 'unusable',
      backup: piece,
      from: reach,
      to: startOf(piece),
    }));
  return { pieces: newest ? [newest] : [], breaks, reach };
}

/**
 * The chain that starts from `full` and applies the pieces after it that started before `until`
 * (the moment, or the next full backup for an older chain).
 */
export function chainFrom(full: Backup, backups: readonly Backup[], until: number, moment: number): RestoreChain {
  const fullPoint = restorePointOf(full)!;
  const after = backups.filter((b) => startOf(b) > startOf(full) && startOf(b) <= until && restorePointOf(b)! <= moment).sort(byStart);
  const incrementals = applyIncrementals(
    after.filter((b) => restoreRole(b) === 'incremental'),
    fullPoint,
  );
  const differentials = applyDifferentials(
    after.filter((b) => restoreRole(b) === 'differential'),
    fullPoint,
  );
  const restorableTo = Math.max(incrementals.reach, differentials.reach);
  return {
    full,
    pieces: [...incrementals.pieces, ...differentials.pieces].sort(byStart),
    breaks: [...incrementals.breaks, ...differentials.breaks].sort((a, b) => a.to - b.to),
    restorableTo,
    lossWindowMs: moment - restorableTo,
  };
}

/** Succeeded full backups finished by `moment`, newest first. */
export function fullBackupsBefore(backups: readonly Backup[], moment: number): Backup[] {
  return backups
    .filter((b) => restoreRole(b) === 'full' && b.status === 'succeeded' && (restorePointOf(b) ?? Infinity) <= moment)
    .sort((a, b) => byStart(b, a));
}

export interface ChainAnswer {
  /** The chain from the newest succeeded full backup before the moment. */
  readonly best?: RestoreChain;
  /** When the best chain is broken: the chain from the previous good full backup, with its window. */
  readonly alternatives: readonly RestoreChain[];
}

/** The best chain to `moment` and, when it is broken, the previous good full backup's chain. */
export function restoreChains(backups: readonly Backup[], moment: number): ChainAnswer {
  const [newest, previous] = fullBackupsBefore(backups, moment);
  if (!newest) return { alternatives: [] };
  const best = chainFrom(newest, backups, moment, moment);
  const alternatives = best.breaks.length && previous ? [chainFrom(previous, backups, startOf(newest), moment)] : [];
  return { best, alternatives };
}

/** What the service's restorable ranges say about a moment. */
export interface RangeVerdict {
  /** The range holding the moment, when one does. */
  readonly containing?: RestorableRange;
  /** The moment itself when inside a range, else the end of the latest range before it; undefined when none is known. */
  readonly lastRestorable?: number;
}

export function judgeRanges(ranges: readonly RestorableRange[], moment: number): RangeVerdict {
  const containing = ranges.find((range) => range.from <= moment && moment <= range.to);
  if (containing) return { containing, lastRestorable: moment };
  const ends = ranges.filter((range) => range.to < moment).map((range) => range.to);
  return { lastRestorable: ends.length ? Math.max(...ends) : undefined };
}
