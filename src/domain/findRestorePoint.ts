import { CloudError } from '../cloud/http/errors';
import type { Backup, Instance, RestorableRange } from '../cloud/model';
import type { PageCursor } from '../cloud/paging';
import type { AdapterContext, ServiceAdapter } from '../cloud/services/adapter';
import { utcDay } from '../cloud/services/restoreTime';
import { describeError } from './errorText';
import { judgeRanges, restoreChains, type RestoreChain } from './restoreChain';
import { DAY_MS } from './timelineAnalysis';

/**
 * Find Restore Point…: the restore rules (restoreChain.ts) run against one instance, fetching only
 * what the answer needs. The service's restorable ranges, where it publishes them, are read day by
 * day back from the moment until one starts before it. Backups are read backwards from the moment
 * in widening windows (sent to the server where its list filters by time) until the newest good full
 * backup, and when its chain is broken the previous one, are in hand, or a bound is reached.
 */

export interface RestorePointLimits {
  /** Days of restorable ranges read back from the moment's day at most. */
  readonly maxRangeDays: number;
  /** How far back from the moment backups are looked for, ms. */
  readonly maxLookbackMs: number;
  /** Raw backup records examined at most. */
  readonly maxRecords: number;
  readonly pageSize: number;
}

export const DEFAULT_RESTORE_POINT_LIMITS: RestorePointLimits = {
  maxRangeDays: 14,
  maxLookbackMs: 90 * DAY_MS,
  maxRecords: 2000,
  pageSize: 100,
};

/** The windows backups are read in, as lookbacks from the moment: a day, a week, a month, the rest. */
const WINDOW_LOOKBACKS_MS = [DAY_MS, 7 * DAY_MS, 30 * DAY_MS];

/** What the service's restore-time API said, where it has one. */
export interface RangeFindings {
  /** The ranges read, in time order. */
  readonly ranges: readonly RestorableRange[];
  /** Ranges whose end was before their start (restore nothing; shown raw). */
  readonly reversed: readonly RestorableRange[];
  /** The UTC days asked for, newest first. */
  readonly daysRead: readonly string[];
  /** The range holding the moment, when one does. */
  readonly containing?: RestorableRange;
  /** Why the ranges could not be read (code, status, request id); the backups still answer. */
  readonly error?: string;
}

/** How the backups were read, so the panel can say "scanned client-side, back to …". */
export interface BackupCoverage {
  /** The backup list filtered the time windows on the server. */
  readonly serverFiltered: boolean;
  readonly requests: number;
  readonly recordsScanned: number;
  /** Every backup that started between this instant and the moment was read. */
  readonly readBackTo: number;
  /** The record bound stopped the reading before the answer was complete (readBackTo says how far it got). */
  readonly cut: boolean;
  /** Records the schema rejected on the way. */
  readonly invalid: number;
}

export interface RestorePointAnswer {
  readonly instance: Instance;
  readonly moment: number;
  /** Undefined where the service publishes no restorable ranges (DCS, GES, CSBS, CBR). */
  readonly rangeFindings?: RangeFindings;
  /**
   * The latest moment at or before `moment` that can be restored to: from the ranges when they
   * are known (they are the authority), else from the best chain. Undefined when nothing is.
   */
  readonly lastRestorable?: number;
  /** `moment − lastRestorable`: the data a restore loses. */
  readonly lossWindowMs?: number;
  /** The chain from the newest succeeded full backup before the moment. */
  readonly best?: RestoreChain;
  /** When the best chain is broken: the previous good full backup's chain and its window. */
  readonly alternatives: readonly RestoreChain[];
  /** Every backup read, newest first: the ones the answer names are among them. */
  readonly backups: readonly Backup[];
  readonly coverage: BackupCoverage;
}

export interface RestorePointOptions {
  readonly limits?: RestorePointLimits;
  readonly signal?: AbortSignal;
}

async function readRanges(
  ctx: AdapterContext,
  adapter: ServiceAdapter,
  instance: Instance,
  moment: number,
  limits: RestorePointLimits,
  signal?: AbortSignal,
): Promise<RangeFindings> {
  const ranges: RestorableRange[] = [];
  const reversed: RestorableRange[] = [];
  const daysRead: string[] = [];
  try {
    for (let day = 0; day < limits.maxRangeDays && !signal?.aborted; day++) {
      const dayUtc = utcDay(moment - day * DAY_MS);
      const answer = await adapter.restoreTimes!(ctx, instance, dayUtc, signal);
      daysRead.push(dayUtc);
      ranges.push(...answer.ranges);
      reversed.push(...answer.reversed);
      // A range that starts at or before the moment settles it: the moment is inside, or this is the nearest before.
      if (answer.ranges.some((range) => range.from <= moment)) break;
    }
  } catch (error) {
    return { ranges, reversed, daysRead, error: describeError(error) };
  }
  ranges.sort((a, b) => a.from - b.from);
  return { ranges, reversed, daysRead, containing: judgeRanges(ranges, moment).containing };
}

/** The windows, newest first, that backups are read in: narrow ones where the server filters, one wide one where it does not. */
function readWindows(adapter: ServiceAdapter, moment: number, maxLookbackMs: number): Array<{ from: number; to: number }> {
  if (!adapter.filtersTimeOnServer) return [{ from: moment - maxLookbackMs, to: moment }];
  const edges = [0, ...WINDOW_LOOKBACKS_MS.filter((ms) => ms < maxLookbackMs), maxLookbackMs];
  return edges.slice(1).map((lookback, i) => ({ from: moment - lookback, to: moment - edges[i] }));
}

/** The answer is complete once the best chain is known and, when it is broken, an alternative too. */
function settled(backups: readonly Backup[], moment: number): boolean {
  const { best, alternatives } = restoreChains(backups, moment);
  return best !== undefined && (best.breaks.length === 0 || alternatives.length > 0);
}

/** Where to restore `instance` to `moment` from, and what it loses; see RestorePointAnswer. Throws CANCELLED when `signal` aborts. */
export async function findRestorePoint(
  ctx: AdapterContext,
  adapter: ServiceAdapter,
  instance: Instance,
  moment: number,
  options: RestorePointOptions = {},
): Promise<RestorePointAnswer> {
  const limits = options.limits ?? DEFAULT_RESTORE_POINT_LIMITS;
  const { signal } = options;
  const rangesRead = adapter.restoreTimes ? readRanges(ctx, adapter, instance, moment, limits, signal) : Promise.resolve(undefined);

  const seen = new Map<string, Backup>();
  let requests = 0;
  let recordsScanned = 0;
  let invalid = 0;
  let readBackTo = moment;
  let done = false;
  for (const window of readWindows(adapter, moment, limits.maxLookbackMs)) {
    let cursor: PageCursor | undefined;
    do {
      if (signal?.aborted || recordsScanned >= limits.maxRecords) break;
      const filter = { timeRange: window };
      const page = await adapter.listBackups(ctx, instance, { cursor, limit: limits.pageSize, signal, filter, skipTotal: true });
      requests++;
      recordsScanned += page.scanned;
      invalid += page.invalid.length;
      for (const backup of page.items) seen.set(`${backup.service}:${backup.id}`, backup);
      cursor = page.next;
      // The lists are newest first: everything after the oldest start read so far is in hand.
      const starts = page.items.map((b) => b.start.instant).filter((t): t is number => t !== undefined);
      readBackTo = cursor ? Math.min(readBackTo, ...starts) : window.from;
      done = settled([...seen.values()], moment);
      if (page.scanned === 0) break;
    } while (cursor && !done);
    if (done || signal?.aborted || recordsScanned >= limits.maxRecords) break;
  }

  if (signal?.aborted) throw new CloudError('Find Restore Point cancelled.', { service: adapter.id, code: 'CANCELLED' });
  const backups = [...seen.values()].sort((a, b) => (b.start.instant ?? 0) - (a.start.instant ?? 0));
  const { best, alternatives } = restoreChains(backups, moment);
  const rangeFindings = await rangesRead;
  const fromRanges = rangeFindings && !rangeFindings.error ? judgeRanges(rangeFindings.ranges, moment).lastRestorable : undefined;
  const lastRestorable = rangeFindings && !rangeFindings.error ? fromRanges : best?.restorableTo;
  return {
    instance,
    moment,
    rangeFindings,
    lastRestorable,
    lossWindowMs: lastRestorable === undefined ? undefined : moment - lastRestorable,
    best,
    alternatives,
    backups,
    coverage: {
      serverFiltered: adapter.filtersTimeOnServer === true,
      requests,
      recordsScanned,
      readBackTo,
      cut: !done && recordsScanned >= limits.maxRecords,
      invalid,
    },
  };
}
