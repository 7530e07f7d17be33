import * as l10n from '@vscode/l10n';
import { forEachConcurrently } from '../cloud/concurrency';
import { CloudError } from '../cloud/http/errors';
import type { Backup, BackupFilter, Instance, ServiceId } from '../cloud/model';
import { fetchMatching, fetchRemaining, type Page, type PageCursor } from '../cloud/paging';
import type { AdapterContext, ServiceAdapter } from '../cloud/services/adapter';
import { describeError, isCancellation } from './errorText';
import type { Scope } from './scope';

/**
 * Cross-service searches behind Find Backup by ID…, Show Failed Backups… and Export Backups….
 * No vscode here: the commands wrap these in progress notifications, and unit tests run them
 * against fake adapters. Every search is bounded and reports exactly what it did not cover.
 */

/**
 * How a service is searched for one backup id, from what its adapter offers:
 * - projectLookup: the API takes a backup id project-wide (DDS backup_id without instance_id)
 * - instanceLookup: the API takes a backup id but needs the instance (RDS)
 * - projectScan: a project-wide list to page through (GES /graphs/backups)
 * - instanceScan: only per-instance lists (DCS, CSBS)
 */
export type SearchStrategy = 'projectLookup' | 'instanceLookup' | 'projectScan' | 'instanceScan';

export function searchStrategy(adapter: Pick<ServiceAdapter, 'findBackupById' | 'listProjectBackups'>): SearchStrategy {
  if (adapter.findBackupById) return adapter.listProjectBackups ? 'projectLookup' : 'instanceLookup';
  return adapter.listProjectBackups ? 'projectScan' : 'instanceScan';
}

export interface ScanLimits {
  /** Instances listed per service. */
  readonly maxInstances: number;
  /** Raw records examined per per-instance list. */
  readonly maxRecordsPerInstance: number;
  /** Raw records examined in a project-wide list. */
  readonly maxProjectRecords: number;
  /** Requests in flight at once per search. */
  readonly concurrency: number;
  readonly pageSize: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = {
  maxInstances: 200,
  maxRecordsPerInstance: 1000,
  maxProjectRecords: 5000,
  concurrency: 4,
  pageSize: 100,
};

/** What one service's part of a search covered. */
export interface ServiceCoverage {
  readonly service: ServiceId;
  readonly strategy: SearchStrategy;
  /** Instances whose backups were looked up or scanned. */
  instancesSearched: number;
  /** Instances listed (at most maxInstances). */
  instancesListed: number;
  /** Total instances the API reported, when it did. */
  instancesTotal?: number;
  /** The instance list was longer than maxInstances. */
  instancesCut: boolean;
  /** Raw backup records examined. */
  recordsScanned: number;
  /** Lists (per instance, or the project list) whose scan stopped at the record bound. */
  listsCut: number;
  /** Failures, described for the user (code, message, request id). The search continues past them. */
  readonly errors: string[];
}

export interface ScanProgress {
  readonly service: ServiceId;
  readonly recordsScanned: number;
}

export interface ScanOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ScanProgress) => void;
}

export interface FindResult {
  readonly found?: Backup;
  readonly coverage: readonly ServiceCoverage[];
}

export interface MatchResult {
  readonly matches: readonly Backup[];
  readonly coverage: readonly ServiceCoverage[];
}

function newCoverage(adapter: ServiceAdapter, strategy: SearchStrategy): ServiceCoverage {
  return {
    service: adapter.id,
    strategy,
    instancesSearched: 0,
    instancesListed: 0,
    instancesCut: false,
    recordsScanned: 0,
    listsCut: 0,
    errors: [],
  };
}

/** Records a failure unless it is our own cancellation; rethrows nothing so sibling services go on. */
function noteError(coverage: ServiceCoverage, error: unknown, what: string, signal?: AbortSignal): void {
  if (signal?.aborted && isCancellation(error)) return;
  coverage.errors.push(l10n.t('{0}: {1}', what, describeError(error)));
}

/** Up to `maxInstances` of a service's instances; `cut` when the list goes on beyond them. Shared with the health scan. */
export async function listInstancesUpTo(
  ctx: AdapterContext,
  adapter: ServiceAdapter,
  limits: Pick<ScanLimits, 'maxInstances' | 'pageSize'>,
  signal?: AbortSignal,
): Promise<{ readonly instances: readonly Instance[]; readonly total?: number; readonly cut: boolean }> {
  const page = await fetchMatching(
    (cursor) => adapter.listInstances(ctx, { cursor, limit: Math.min(limits.pageSize, limits.maxInstances), signal }),
    undefined,
    limits.maxInstances,
    limits.maxInstances,
  );
  const instances = page.items.slice(0, limits.maxInstances);
  return { instances, total: page.total, cut: page.next !== undefined || page.items.length > instances.length };
}

async function listInstances(
  ctx: AdapterContext,
  adapter: ServiceAdapter,
  limits: ScanLimits,
  coverage: ServiceCoverage,
  signal?: AbortSignal,
): Promise<readonly Instance[]> {
  const { instances, total, cut } = await listInstancesUpTo(ctx, adapter, limits, signal);
  coverage.instancesTotal = total;
  coverage.instancesListed = instances.length;
  coverage.instancesCut = cut;
  return instances;
}

/**
 * Runs `search` on each of the service's instances (up to the bound, a few at a time), counting the
 * instances searched; a failing instance is noted in the coverage and never stops its siblings.
 */
async function searchInstances(
  ctx: AdapterContext,
  adapter: ServiceAdapter,
  limits: ScanLimits,
  coverage: ServiceCoverage,
  signal: AbortSignal | undefined,
  search: (instance: Instance) => Promise<void>,
): Promise<void> {
  const instances = await listInstances(ctx, adapter, limits, coverage, signal);
  await forEachConcurrently(
    instances,
    limits.concurrency,
    async (instance) => {
      try {
        await search(instance);
        coverage.instancesSearched++;
      } catch (error) {
        noteError(coverage, error, `${adapter.instanceNoun.one} ${instance.name}`, signal);
      }
    },
    signal,
  );
}

/** Scans one list (project-wide or one instance's), keeping only `keep` matches; stops after `want` of them. */
async function scanList(
  fetchPage: (cursor: PageCursor | undefined) => Promise<Page<Backup>>,
  keep: (backup: Backup) => boolean,
  want: number,
  maxRecords: number,
  coverage: ServiceCoverage,
  options: ScanOptions,
): Promise<readonly Backup[]> {
  let reported = 0;
  const page = await fetchMatching(
    async (cursor) => {
      const raw = await fetchPage(cursor);
      return { ...raw, items: raw.items.filter(keep) };
    },
    undefined,
    want,
    maxRecords,
    (scanned) => {
      coverage.recordsScanned += scanned - reported;
      reported = scanned;
      options.onProgress?.({ service: coverage.service, recordsScanned: coverage.recordsScanned });
    },
  );
  if (page.next && page.items.length < want) coverage.listsCut++;
  return page.items;
}

/**
 * Looks for one backup id in every given service, cheapest first: the explorer's loaded pages
 * (no request), then server-side look-ups, then bounded scans. Stops everything once found.
 */
export async function findBackupById(
  ctx: AdapterContext,
  adapters: readonly ServiceAdapter[],
  backupId: string,
  limits: ScanLimits,
  options: ScanOptions = {},
): Promise<FindResult> {
  const stop = new AbortController();
  const abortFromCaller = () => stop.abort();
  if (options.signal?.aborted) stop.abort();
  else options.signal?.addEventListener('abort', abortFromCaller, { once: true });
  const signal = stop.signal;
  let found: Backup | undefined;
  const hit = (backup: Backup | undefined) => {
    if (backup && !found) {
      found = backup;
      stop.abort();
    }
  };
  const isTarget = (backup: Backup) => backup.id === backupId;
  const scanOptions = { ...options, signal };

  const searchService = async (adapter: ServiceAdapter, coverage: ServiceCoverage) => {
    try {
      switch (coverage.strategy) {
        case 'projectLookup':
          hit(await adapter.findBackupById!(ctx, undefined, backupId, signal));
          return;
        case 'projectScan': {
          const matches = await scanList(
            (cursor) => adapter.listProjectBackups!(ctx, { cursor, limit: limits.pageSize, signal }),
            isTarget,
            1,
            limits.maxProjectRecords,
            coverage,
            scanOptions,
          );
          hit(matches[0]);
          return;
        }
        case 'instanceLookup':
        case 'instanceScan': {
          await searchInstances(ctx, adapter, limits, coverage, signal, async (instance) => {
            if (coverage.strategy === 'instanceLookup') hit(await adapter.findBackupById!(ctx, instance, backupId, signal));
            else
              hit(
                (
                  await scanList(
                    (cursor) => adapter.listBackups(ctx, instance, { cursor, limit: limits.pageSize, signal, skipTotal: true }),
                    isTarget,
                    1,
                    limits.maxRecordsPerInstance,
                    coverage,
                    scanOptions,
                  )
                )[0],
              );
          });
          return;
        }
      }
    } catch (error) {
      noteError(coverage, error, adapter.label, signal);
    }
  };

  const coverage = adapters.map((adapter) => newCoverage(adapter, searchStrategy(adapter)));
  try {
    // Server-side look-ups answer in a request or two; run them before the scans.
    const order = (strategy: SearchStrategy) => ['projectLookup', 'instanceLookup', 'projectScan', 'instanceScan'].indexOf(strategy);
    const phases = [0, 1, 2, 3].map((phase) =>
      adapters
        .map((adapter, index) => ({ adapter, coverage: coverage[index] }))
        .filter((entry) => order(entry.coverage.strategy) === phase),
    );
    for (const phase of phases) {
      if (signal.aborted) break;
      await Promise.all(phase.map((entry) => searchService(entry.adapter, entry.coverage)));
    }
  } finally {
    options.signal?.removeEventListener('abort', abortFromCaller);
  }
  return { found, coverage };
}

/**
 * Every backup matching `filter` across services, up to the bounds: project-wide lists where the
 * API has one, otherwise each instance's list. The filter goes to the server where the API can
 * apply it; `keep` narrows further on the client.
 */
export async function scanMatchingBackups(
  ctx: AdapterContext,
  adapters: readonly ServiceAdapter[],
  filter: BackupFilter,
  limits: ScanLimits,
  options: ScanOptions = {},
): Promise<MatchResult> {
  const matches: Backup[] = [];
  const { signal } = options;
  const coverage = await Promise.all(
    adapters.map(async (adapter) => {
      const strategy: SearchStrategy = adapter.listProjectBackups ? 'projectScan' : 'instanceScan';
      const serviceCoverage = newCoverage(adapter, strategy);
      try {
        if (adapter.listProjectBackups) {
          const listProject = adapter.listProjectBackups.bind(adapter);
          matches.push(
            ...(await scanList(
              (cursor) => listProject(ctx, { cursor, limit: limits.pageSize, signal, filter }),
              () => true,
              Infinity,
              limits.maxProjectRecords,
              serviceCoverage,
              options,
            )),
          );
        } else {
          await searchInstances(ctx, adapter, limits, serviceCoverage, signal, async (instance) => {
            const found = await scanList(
              (cursor) => adapter.listBackups(ctx, instance, { cursor, limit: limits.pageSize, signal, filter, skipTotal: true }),
              () => true,
              Infinity,
              limits.maxRecordsPerInstance,
              serviceCoverage,
              options,
            );
            matches.push(...found.map((backup) => (backup.instanceName ? backup : { ...backup, instanceName: instance.name })));
          });
        }
      } catch (error) {
        noteError(serviceCoverage, error, adapter.label, signal);
      }
      return serviceCoverage;
    }),
  );
  matches.sort((a, b) => (b.start.instant ?? 0) - (a.start.instant ?? 0));
  return { matches, coverage };
}

export interface InstanceBackups {
  readonly backups: readonly Backup[];
  /** Schema-rejected records skipped. */
  readonly invalid: number;
  readonly scanned: number;
  /** The record bound stopped the fetch before the list ended. */
  readonly cut: boolean;
}

/**
 * All of one instance's backups matching `filter`, for export: the first page, then the paging
 * engine's Load All (`fetchRemaining`), bounded by `maxRecords`.
 */
export async function fetchInstanceBackups(
  ctx: AdapterContext,
  adapter: ServiceAdapter,
  instance: Instance,
  filter: BackupFilter | undefined,
  limits: Pick<ScanLimits, 'pageSize' | 'concurrency'> & { readonly maxRecords: number },
  options: { readonly signal?: AbortSignal; readonly onProgress?: (fetched: number, total?: number) => void } = {},
): Promise<InstanceBackups> {
  const { signal } = options;
  const fetchPage = (cursor: PageCursor | undefined) =>
    adapter.listBackups(ctx, instance, { cursor, limit: limits.pageSize, signal, filter });
  const first = await fetchPage(undefined);
  const pages: Array<Page<Backup>> = [first];
  let scanned = first.scanned;
  options.onProgress?.(scanned, first.total);
  const { cut } = await fetchRemaining({
    next: first.next,
    total: first.total,
    pageSize: limits.pageSize,
    concurrency: limits.concurrency,
    maxRecords: Math.max(0, limits.maxRecords - scanned),
    fetchPage,
    onPage: (page) => {
      pages.push(page);
      scanned += page.scanned;
      options.onProgress?.(scanned, first.total);
    },
    signal,
  });
  if (signal?.aborted) throw new CloudError('Export cancelled.', { service: adapter.id, code: 'CANCELLED' });
  const backups = pages
    .flatMap((page) => page.items)
    .map((backup) => (backup.instanceName ? backup : { ...backup, instanceName: instance.name }));
  return { backups, invalid: pages.reduce((sum, page) => sum + page.invalid.length, 0), scanned, cut };
}

/**
 * What a search covered and what it did not, as sentences for the result message: the user must
 * be able to tell "not found" from "not looked at".
 */
export function summarizeCoverage(coverage: readonly ServiceCoverage[]): { readonly searched: string[]; readonly notCovered: string[] } {
  const searched: string[] = [];
  const notCovered: string[] = [];
  for (const entry of coverage) {
    const name = entry.service.toUpperCase();
    const one = entry.instancesSearched === 1;
    switch (entry.strategy) {
      case 'projectLookup':
        if (!entry.errors.length) searched.push(l10n.t('{0}: looked up by id, project-wide', name));
        break;
      case 'instanceLookup':
        searched.push(
          one
            ? l10n.t('{0}: looked up by id in {1} instance', name, entry.instancesSearched)
            : l10n.t('{0}: looked up by id in {1} instances', name, entry.instancesSearched),
        );
        break;
      case 'projectScan':
        searched.push(l10n.t('{0}: {1} backups scanned project-wide', name, entry.recordsScanned));
        break;
      case 'instanceScan':
        searched.push(
          one
            ? l10n.t('{0}: {1} backups scanned in {2} instance', name, entry.recordsScanned, entry.instancesSearched)
            : l10n.t('{0}: {1} backups scanned in {2} instances', name, entry.recordsScanned, entry.instancesSearched),
        );
        break;
    }
    if (entry.instancesCut) {
      notCovered.push(
        entry.instancesTotal !== undefined
          ? l10n.t('{0}: only the first {1} of {2} instances were searched', name, entry.instancesListed, entry.instancesTotal)
          : l10n.t('{0}: only the first {1} instances were searched', name, entry.instancesListed),
      );
    }
    if (entry.listsCut) {
      notCovered.push(
        entry.strategy === 'projectScan'
          ? l10n.t('{0}: the project-wide list was scanned only partly (bound reached)', name)
          : entry.listsCut === 1
            ? l10n.t("{0}: 1 instance's list was scanned only partly (bound reached)", name)
            : l10n.t("{0}: {1} instances' lists were scanned only partly (bound reached)", name, entry.listsCut),
      );
    }
    for (const error of entry.errors) notCovered.push(l10n.t('{0}: {1}', name, error));
  }
  return { searched, notCovered };
}

/** One scope's part of a search across connections and regions: its answer, or why it has none. */
export interface ScopeOutcome<T> {
  readonly scope: Scope;
  readonly value?: T;
  readonly error?: unknown;
}

/**
 * Scopes searched at once. Their requests share one bound per service endpoint (the sessions share
 * their endpoint limits), so more scopes at once cost no endpoint more than one scope does.
 */
export const SCOPE_CONCURRENCY = 4;

/**
 * Runs a search in every scope, a few at once, and answers in the scopes' order. A scope that fails
 * (its project cannot be resolved, its keys are rejected) is reported and the others still run;
 * cancelling stops all. `search` gets the signal to honour: the caller's, or the end of a search
 * another scope has settled.
 */
export async function searchScopes<T>(
  scopes: readonly Scope[],
  search: (ctx: AdapterContext, scope: Scope, signal: AbortSignal) => Promise<T>,
  signal?: AbortSignal,
  /** Ends the search once a scope's answer settles it (Find by ID: the backup was found); scopes still running stop. */
  settled: (value: T) => boolean = () => false,
): Promise<ScopeOutcome<T>[]> {
  const done = new AbortController();
  const cancel = () => done.abort();
  if (signal?.aborted) cancel();
  else signal?.addEventListener('abort', cancel, { once: true });
  const outcomes: Array<ScopeOutcome<T> | undefined> = scopes.map(() => undefined);
  try {
    await forEachConcurrently(
      scopes.map((scope, index) => ({ scope, index })),
      SCOPE_CONCURRENCY,
      async ({ scope, index }) => {
        try {
          const ctx = await scope.adapterContext(done.signal);
          if (done.signal.aborted) return;
          const value = await search(ctx, scope, done.signal);
          outcomes[index] = { scope, value };
          if (settled(value)) done.abort();
        } catch (error) {
          // Cancelled (said once, below), or stopped because another scope settled the search.
          if (done.signal.aborted) return;
          outcomes[index] = { scope, error };
        }
      },
      done.signal,
    );
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
  const answered = outcomes.filter((outcome): outcome is ScopeOutcome<T> => outcome !== undefined);
  // Cancelled before an answer settled it: what was searched proves nothing.
  const settledAnswer = answered.some((outcome) => outcome.value !== undefined && settled(outcome.value));
  if (signal?.aborted && !settledAnswer) throw new CloudError(l10n.t('Search cancelled.'), { service: 'iam', code: 'CANCELLED' });
  return answered;
}
