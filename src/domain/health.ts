import { forEachConcurrently } from '../cloud/concurrency';
import { CloudError } from '../cloud/http/errors';
import type { Backup, Instance, ServiceId } from '../cloud/model';
import type { AdapterContext, ServiceAdapter } from '../cloud/services/adapter';
import { listInstancesUpTo } from './backupScan';
import { describeError, isCancellation } from './errorText';
import { restoreRole } from './restoreChain';
import { DAY_MS, DEFAULT_DROP_RATIO, DEFAULT_GAP_OPTIONS, HOUR_MS, findSizeDrops, median, usualAutoInterval } from './timelineAnalysis';

/**
 * Show Backup Health: one bounded, cancellable scan over every instance of a list of scopes, and
 * the rules that turn each instance's recent backups into findings. Plain data out; the panel,
 * the tree's decorations and the exports (healthReport.ts) format it. No vscode.
 */

/** What the scan covers: today one connection and region; several when multi-region arrives. */
export interface HealthScope {
  /** Scope.key, `connection/region`: where the tree's badges go. */
  readonly key: string;
  /** Shown in the report, e.g. "cn-north-4". */
  readonly label: string;
  readonly context: AdapterContext;
  readonly adapters: readonly ServiceAdapter[];
}

export interface HealthOptions {
  /** The scan's clock: ages and windows are measured from it. */
  readonly now: number;
  /** `hwcBackups.health.maxBackupAgeHours`: when > 0, stale after this many hours instead of 1.5 × the usual interval. */
  readonly maxBackupAgeHours?: number;
  /** Failed backups and size drops are reported when they started this recently (default 7 days). */
  readonly windowMs?: number;
  /** Instances scanned at once across every scope and service (default 4). */
  readonly concurrency?: number;
  /** Instances per service at most (default 200). */
  readonly maxInstancesPerService?: number;
  /** Backups read per instance in its one request (default 100): the newest ones. */
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: HealthProgress) => void;
}

export interface HealthProgress {
  readonly instancesDone: number;
  /** Instances listed so far (grows while services are still being listed). */
  readonly instancesTotal: number;
}

/** A stale instance is one whose automatic backups are overdue by this many usual intervals. */
export const STALE_FACTOR = DEFAULT_GAP_OPTIONS.factor;
/** A backup is long-running after this many times its instance's usual duration. */
export const LONG_RUNNING_FACTOR = 3;
export const DEFAULT_HEALTH_WINDOW_MS = 7 * DAY_MS;
/** How far back the time-filtered request reads (an API that does not list newest first): enough automatic backups for their interval. */
const MIN_LOOKBACK_MS = 30 * DAY_MS;

/** Sorts first: critical, then warning, then notice. */
export type Severity = 'critical' | 'warning' | 'notice';
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'warning', 'notice'];

interface FindingBase {
  readonly severity: Severity;
}

/**
 * What is wrong with one instance's backups:
 * - stale: no succeeded automatic backup for longer than the threshold (critical);
 * - failed: a backup in the window failed (critical when it is the latest backup, otherwise notice);
 * - sizeDrop: a succeeded backup in the window is less than half the previous one of its kind (warning);
 * - longRunning: running longer than LONG_RUNNING_FACTOR × the usual duration (warning);
 * - unscannable: the instance's backups could not be read (warning; the error says why).
 */
export type HealthFinding = FindingBase &
  (
    | {
        readonly kind: 'stale';
        /** The newest succeeded automatic backup; undefined when none was found. */
        readonly lastAutomatic?: Backup;
        /** now − its start; undefined without one. */
        readonly ageMs?: number;
        readonly thresholdMs: number;
        /** Where the threshold comes from: the instance's own schedule or the setting. */
        readonly thresholdSource: 'usualInterval' | 'maxBackupAge';
      }
    | { readonly kind: 'failed'; readonly backup: Backup; readonly isLatest: boolean }
    | { readonly kind: 'sizeDrop'; readonly backup: Backup; readonly previous: Backup; readonly ratio: number }
    | { readonly kind: 'longRunning'; readonly backup: Backup; readonly runningMs: number; readonly usualDurationMs: number }
    | { readonly kind: 'unscannable'; readonly error: string }
  );

export type FindingKind = HealthFinding['kind'];
export const FINDING_KINDS: readonly FindingKind[] = ['stale', 'failed', 'sizeDrop', 'longRunning', 'unscannable'];

export interface InstanceHealth {
  /** The scope's label, as the report shows it. */
  readonly scope: string;
  /** The scope's key (HealthScope.key). */
  readonly scopeKey: string;
  readonly service: ServiceId;
  readonly instance: Instance;
  readonly lastSucceeded?: Backup;
  /** now − lastSucceeded's start. */
  readonly lastSucceededAgeMs?: number;
  /** The newest backup of any status. */
  readonly latest?: Backup;
  readonly usualIntervalMs?: number;
  /** Most severe first. */
  readonly findings: readonly HealthFinding[];
  readonly requests: number;
  /** The page read did not reach back to the window's start: older failures in the window may be missing. */
  readonly cut: boolean;
}

/** A service of a scope whose instances could not even be listed. */
export interface ServiceFailure {
  readonly scope: string;
  readonly service: ServiceId;
  readonly error: string;
}

/** "RDS: 2 stale, 1 failed of 48 instances", as data. Counts are instances with at least one finding of the kind. */
export interface ServiceSummary {
  readonly scope: string;
  readonly service: ServiceId;
  readonly instances: number;
  /** The instance list was longer than maxInstancesPerService. */
  readonly instancesCut: boolean;
  readonly counts: Readonly<Record<FindingKind, number>>;
  /** Instances without any finding. */
  readonly healthy: number;
}

export interface HealthReport {
  readonly now: number;
  readonly windowMs: number;
  readonly maxBackupAgeHours: number;
  readonly instances: readonly InstanceHealth[];
  readonly summaries: readonly ServiceSummary[];
  readonly serviceFailures: readonly ServiceFailure[];
  /** Backup-list requests made (the instance lists not counted): one per instance where the API lists newest first. */
  readonly backupRequests: number;
}

export interface InstanceRules {
  readonly now: number;
  readonly windowMs: number;
  readonly maxBackupAgeHours: number;
}

const startOf = (backup: Backup) => backup.start.instant;
const newestFirst = (a: Backup, b: Backup) => (startOf(b) ?? 0) - (startOf(a) ?? 0);

/** The median run time of the instance's finished backups of the same role (a full backup is not timed against incrementals). */
function usualDuration(backups: readonly Backup[], like: Backup): number | undefined {
  const role = restoreRole(like);
  return median(
    backups
      .filter((b) => b.status === 'succeeded' && restoreRole(b) === role && b.endMeaning === undefined)
      .map((b) => (b.end.instant ?? NaN) - (startOf(b) ?? NaN))
      .filter((ms) => ms > 0),
  );
}

function staleFinding(backups: readonly Backup[], rules: InstanceRules, usualIntervalMs: number | undefined): HealthFinding | undefined {
  const fromSetting = rules.maxBackupAgeHours > 0;
  const thresholdMs = fromSetting ? rules.maxBackupAgeHours * HOUR_MS : usualIntervalMs && usualIntervalMs * STALE_FACTOR;
  if (!thresholdMs) return undefined;
  const lastAutomatic = backups
    .filter((b) => b.type === 'auto' && b.status === 'succeeded' && startOf(b) !== undefined)
    .sort(newestFirst)[0];
  const ageMs = lastAutomatic && rules.now - startOf(lastAutomatic)!;
  if (ageMs !== undefined && ageMs <= thresholdMs) return undefined;
  return {
    kind: 'stale',
    severity: 'critical',
    lastAutomatic,
    ageMs,
    thresholdMs,
    thresholdSource: fromSetting ? 'maxBackupAge' : 'usualInterval',
  };
}

/** The health rules for one instance's backups (newest first or not); pure. */
export function assessBackups(
  backups: readonly Backup[],
  rules: InstanceRules,
): Pick<InstanceHealth, 'lastSucceeded' | 'lastSucceededAgeMs' | 'latest' | 'usualIntervalMs' | 'findings'> {
  const dated = backups.filter((b) => startOf(b) !== undefined).sort(newestFirst);
  const latest = dated[0];
  const lastSucceeded = dated.find((b) => b.status === 'succeeded');
  const usualIntervalMs = usualAutoInterval(dated);
  const windowStart = rules.now - rules.windowMs;
  const inWindow = (b: Backup) => startOf(b)! >= windowStart;
  const byId = new Map(dated.map((b) => [b.id, b]));

  const findings: HealthFinding[] = [];
  const stale = staleFinding(dated, rules, usualIntervalMs);
  if (stale) findings.push(stale);
  for (const backup of dated.filter((b) => b.status === 'failed' && inWindow(b))) {
    const isLatest = backup === latest;
    findings.push({ kind: 'failed', severity: isLatest ? 'critical' : 'notice', backup, isLatest });
  }
  // A CBR vault holds several resources' backups: sizes compare within one resource only.
  const resources = [...new Set(dated.map((b) => b.resourceName))];
  const byResource = resources.map((resource) => dated.filter((b) => b.resourceName === resource));
  for (const drop of byResource.flatMap((backups) => findSizeDrops(backups, DEFAULT_DROP_RATIO))) {
    const backup = byId.get(drop.backupId)!;
    if (inWindow(backup))
      findings.push({ kind: 'sizeDrop', severity: 'warning', backup, previous: byId.get(drop.previousId)!, ratio: drop.ratio });
  }
  for (const backup of dated.filter((b) => b.status === 'inProgress')) {
    const usualDurationMs = usualDuration(dated, backup);
    const runningMs = rules.now - startOf(backup)!;
    if (usualDurationMs !== undefined && runningMs > LONG_RUNNING_FACTOR * usualDurationMs)
      findings.push({ kind: 'longRunning', severity: 'warning', backup, runningMs, usualDurationMs });
  }
  findings.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  return {
    lastSucceeded,
    lastSucceededAgeMs: lastSucceeded && rules.now - startOf(lastSucceeded)!,
    latest,
    usualIntervalMs,
    findings,
  };
}

/** Start times never rise along the list (undated records aside): the API listed newest first. */
function listedNewestFirst(backups: readonly Backup[]): boolean {
  const starts = backups.map(startOf).filter((start): start is number => start !== undefined);
  return starts.every((start, i) => i === 0 || start <= starts[i - 1]);
}

/**
 * One instance in one request: the newest page of its backups, unfiltered. Listed newest first, it
 * holds everything a time-filtered request for the lookback would (the same backups when the
 * lookback has more than a page, more history when it has fewer, which dates the last automatic
 * backup of an instance whose backups stopped). Only when the API did not list newest first does a
 * second request ask for the lookback itself. Also the tree's probe of one visible instance, so
 * that its badge and the health report judge from the same backups.
 */
export async function scanInstance(
  scope: HealthScope,
  adapter: ServiceAdapter,
  instance: Instance,
  rules: InstanceRules,
  pageSize: number,
  signal?: AbortSignal,
): Promise<InstanceHealth> {
  const newest = await adapter.listBackups(scope.context, instance, { limit: pageSize, signal, skipTotal: true });
  let backups = newest.items;
  let requests = 1;
  const windowStart = rules.now - rules.windowMs;
  // Whether the page reached back to the window's start; if not, older failures in it were not read.
  let cut = newest.next !== undefined && !backups.some((b) => (startOf(b) ?? Infinity) < windowStart);
  if (!listedNewestFirst(backups)) {
    const lookbackMs = Math.max(rules.windowMs, rules.maxBackupAgeHours * HOUR_MS, MIN_LOOKBACK_MS);
    const timeRange = { from: rules.now - lookbackMs, to: rules.now };
    const recent = await adapter.listBackups(scope.context, instance, { limit: pageSize, signal, filter: { timeRange }, skipTotal: true });
    const known = new Set(backups.map((b) => b.id));
    backups = [...backups, ...recent.items.filter((b) => !known.has(b.id))];
    requests++;
    cut = recent.next !== undefined;
  }
  return { scope: scope.label, scopeKey: scope.key, service: adapter.id, instance, ...assessBackups(backups, rules), requests, cut };
}

function unscannable(scope: HealthScope, adapter: ServiceAdapter, instance: Instance, error: unknown): InstanceHealth {
  return {
    scope: scope.label,
    scopeKey: scope.key,
    service: adapter.id,
    instance,
    findings: [{ kind: 'unscannable', severity: 'warning', error: describeError(error) }],
    requests: 1,
    cut: false,
  };
}

function summarize(scope: string, service: ServiceId, instances: readonly InstanceHealth[], instancesCut: boolean): ServiceSummary {
  const counts = Object.fromEntries(
    FINDING_KINDS.map((kind) => [kind, instances.filter((health) => health.findings.some((f) => f.kind === kind)).length]),
  ) as Record<FindingKind, number>;
  return {
    scope,
    service,
    instances: instances.length,
    instancesCut,
    counts,
    healthy: instances.filter((health) => health.findings.length === 0).length,
  };
}

/**
 * Scans every instance of every scope's services, `concurrency` instances at a time, and applies
 * the rules. A failing instance becomes an `unscannable` finding and a failing service list a
 * ServiceFailure; neither stops the rest. Throws CANCELLED when `signal` aborts.
 */
export async function scanHealth(scopes: readonly HealthScope[], options: HealthOptions): Promise<HealthReport> {
  const { signal } = options;
  const rules: InstanceRules = {
    now: options.now,
    windowMs: options.windowMs ?? DEFAULT_HEALTH_WINDOW_MS,
    maxBackupAgeHours: Math.max(0, options.maxBackupAgeHours ?? 0),
  };
  const pageSize = options.pageSize ?? 100;
  const maxInstances = options.maxInstancesPerService ?? 200;
  const serviceFailures: ServiceFailure[] = [];
  let requests = 0;
  let instancesTotal = 0;
  let instancesDone = 0;
  const report = () => options.onProgress?.({ instancesDone, instancesTotal });
  const cancelled = () => new CloudError('Backup health scan cancelled.', { service: 'health', code: 'CANCELLED' });

  const services = scopes.flatMap((scope) => scope.adapters.map((adapter) => ({ scope, adapter })));
  const listed = await Promise.all(
    services.map(async ({ scope, adapter }) => {
      try {
        const { instances, cut } = await listInstancesUpTo(scope.context, adapter, { maxInstances, pageSize }, signal);
        instancesTotal += instances.length;
        report();
        return { scope, adapter, instances, cut };
      } catch (error) {
        if (!(signal?.aborted && isCancellation(error)))
          serviceFailures.push({ scope: scope.label, service: adapter.id, error: describeError(error) });
        return { scope, adapter, instances: [] as readonly Instance[], cut: false };
      }
    }),
  );
  if (signal?.aborted) throw cancelled();

  const results = new Map<string, InstanceHealth>();
  const key = (scope: HealthScope, service: ServiceId, instance: Instance) => `${scope.key}\u0000${service}\u0000${instance.id}`;
  const work = listed.flatMap(({ scope, adapter, instances }) => instances.map((instance) => ({ scope, adapter, instance })));
  await forEachConcurrently(
    work,
    options.concurrency ?? 4,
    async ({ scope, adapter, instance }) => {
      let health: InstanceHealth;
      try {
        health = await scanInstance(scope, adapter, instance, rules, pageSize, signal);
      } catch (error) {
        if (signal?.aborted && isCancellation(error)) return;
        health = unscannable(scope, adapter, instance, error);
      }
      requests += health.requests;
      results.set(key(scope, adapter.id, instance), health);
      instancesDone++;
      report();
    },
    signal,
  );
  if (signal?.aborted) throw cancelled();

  // In list order, whatever order the scans finished in.
  const instances = work.map(({ scope, adapter, instance }) => results.get(key(scope, adapter.id, instance))!);
  const summaries = listed.map(({ scope, adapter, cut }) =>
    summarize(
      scope.label,
      adapter.id,
      instances.filter((health) => health.scope === scope.label && health.service === adapter.id),
      cut,
    ),
  );
  return {
    now: rules.now,
    windowMs: rules.windowMs,
    maxBackupAgeHours: rules.maxBackupAgeHours,
    instances,
    summaries,
    serviceFailures,
    backupRequests: requests,
  };
}
