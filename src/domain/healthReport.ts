import * as l10n from '@vscode/l10n';
import { codeExplanation, formatElapsed } from '../cloud/format';
import type { Backup } from '../cloud/model';
import { csvCell } from './exportFormat';
import { SEVERITY_ORDER, type FindingKind, type HealthFinding, type HealthReport, type ServiceSummary, type Severity } from './health';

/**
 * The health report as text: one row per finding (the panel's table, Copy as Markdown, CSV) and
 * JSON. Pure; the words go through l10n so the zh-cn bundle can translate them.
 */

export interface HealthRow {
  readonly severity: Severity;
  readonly scope: string;
  /** Scope.key of the instance, so its links open in its own connection and region; empty for a service failure. */
  readonly scopeKey: string;
  readonly service: string;
  /** Empty for a service whose instances could not be listed. */
  readonly instanceId: string;
  readonly instanceName: string;
  readonly kind: FindingKind | 'serviceUnavailable';
  /** One sentence: what is wrong. */
  readonly description: string;
  /** The backup the finding is about, when there is one (opens its panel). */
  readonly backup?: Backup;
  /** When it happened or was last fine, epoch ms: the "age" sort key. */
  readonly at?: number;
}

export type HealthSortKey = 'severity' | 'age' | 'name';

/** What a finding says, in one line. */
export function describeFinding(finding: HealthFinding): string {
  switch (finding.kind) {
    case 'stale':
      return finding.ageMs === undefined
        ? l10n.t('No succeeded automatic backup found (threshold {0})', formatElapsed(finding.thresholdMs))
        : l10n.t('No succeeded automatic backup for {0} (threshold {1})', formatElapsed(finding.ageMs), formatElapsed(finding.thresholdMs));
    case 'failed': {
      const why = [finding.backup.errorCode, finding.backup.errorMessage, codeExplanation(finding.backup.errorCode)]
        .filter(Boolean)
        .join(' — ');
      const latest = finding.isLatest ? l10n.t('The latest backup failed') : l10n.t('A backup failed');
      return why ? l10n.t('{0}: {1}', latest, why) : latest;
    }
    case 'sizeDrop':
      return l10n.t('Size dropped {0}% from the previous backup ({1})', Math.round((1 - finding.ratio) * 100), finding.previous.name);
    case 'longRunning':
      return l10n.t('Running for {0}, usually {1}', formatElapsed(finding.runningMs), formatElapsed(finding.usualDurationMs));
    case 'unscannable':
      return l10n.t('Could not be scanned: {0}', finding.error);
  }
}

function findingTime(finding: HealthFinding): number | undefined {
  switch (finding.kind) {
    case 'stale':
      return finding.lastAutomatic?.start.instant;
    case 'unscannable':
      return undefined;
    default:
      return finding.backup.start.instant;
  }
}

/** Every finding as a row, and every service that could not be listed, sorted by `sortBy`. */
export function healthRows(report: HealthReport, sortBy: HealthSortKey = 'severity'): HealthRow[] {
  const rows: HealthRow[] = report.instances.flatMap((health) =>
    health.findings.map((finding) => ({
      severity: finding.severity,
      scope: health.scope,
      scopeKey: health.scopeKey,
      service: health.service,
      instanceId: health.instance.id,
      instanceName: health.instance.name,
      kind: finding.kind,
      description: describeFinding(finding),
      backup: finding.kind === 'stale' ? finding.lastAutomatic : finding.kind === 'unscannable' ? undefined : finding.backup,
      at: findingTime(finding),
    })),
  );
  for (const failure of report.serviceFailures) {
    rows.push({
      severity: 'warning',
      scope: failure.scope,
      scopeKey: '',
      service: failure.service,
      instanceId: '',
      instanceName: '',
      kind: 'serviceUnavailable',
      description: l10n.t('The instances could not be listed: {0}', failure.error),
    });
  }
  return rows.sort(compareRows(sortBy));
}

function compareRows(sortBy: HealthSortKey): (a: HealthRow, b: HealthRow) => number {
  const byName = (a: HealthRow, b: HealthRow) =>
    a.scope.localeCompare(b.scope) || a.service.localeCompare(b.service) || a.instanceName.localeCompare(b.instanceName);
  const bySeverity = (a: HealthRow, b: HealthRow) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
  // Oldest first: what has been wrong longest; rows without a time (unscannable) last.
  const byAge = (a: HealthRow, b: HealthRow) => (a.at ?? Infinity) - (b.at ?? Infinity);
  if (sortBy === 'name') return (a, b) => byName(a, b) || bySeverity(a, b);
  if (sortBy === 'age') return (a, b) => byAge(a, b) || bySeverity(a, b) || byName(a, b);
  return (a, b) => bySeverity(a, b) || byAge(a, b) || byName(a, b);
}

/** "RDS: 2 stale, 1 failed of 48 instances" and the rest of the counts, for the summary line. */
export function describeSummary(summary: ServiceSummary): string {
  const c = summary.counts;
  return l10n.t(
    '{0}: {1} stale, {2} failed, {3} size drops, {4} long-running, {5} not scanned of {6} instances',
    summary.service.toUpperCase(),
    c.stale,
    c.failed,
    c.sizeDrop,
    c.longRunning,
    c.unscannable,
    summary.instances,
  );
}

const utc = (instant: number | undefined) => (instant === undefined ? '' : new Date(instant).toISOString().replace('.000Z', 'Z'));

/** The severity and kind of a finding in the user's language: the panel's and the exports' words. */
export function severityLabel(severity: Severity): string {
  switch (severity) {
    case 'critical':
      return l10n.t('critical');
    case 'warning':
      return l10n.t('warning');
    case 'notice':
      return l10n.t('notice');
  }
}

export function kindLabel(kind: HealthRow['kind']): string {
  switch (kind) {
    case 'stale':
      return l10n.t('Stale');
    case 'failed':
      return l10n.t('Failed');
    case 'sizeDrop':
      return l10n.t('Size drop');
    case 'longRunning':
      return l10n.t('Long-running');
    case 'unscannable':
      return l10n.t('Not scanned');
    case 'serviceUnavailable':
      return l10n.t('Service not listed');
  }
}

function columns(): Array<[string, (row: HealthRow) => string]> {
  return [
    [l10n.t('Severity'), (row) => severityLabel(row.severity)],
    [l10n.t('Scope'), (row) => row.scope],
    [l10n.t('Service'), (row) => row.service.toUpperCase()],
    [l10n.t('Instance'), (row) => row.instanceName],
    [l10n.t('Finding'), (row) => row.description],
    [l10n.t('Backup'), (row) => row.backup?.name ?? ''],
    [l10n.t('Started (UTC)'), (row) => utc(row.at)],
  ];
}

/** A table to paste into an incident ticket: the summary lines, then one row per finding. */
export function healthToMarkdown(report: HealthReport): string {
  const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const cols = columns();
  const lines = [
    l10n.t('Backup health at {0}', utc(report.now)),
    '',
    ...report.summaries.map((summary) => `- ${cell(`${summary.scope} · ${describeSummary(summary)}`)}`),
    '',
    `| ${cols.map(([header]) => header).join(' | ')} |`,
    `|${cols.map(() => '---').join('|')}|`,
    ...healthRows(report).map((row) => `| ${cols.map(([, value]) => cell(value(row))).join(' | ')} |`),
  ];
  return lines.join('\n') + '\n';
}

/** CSV of the rows (RFC 4180, BOM and CRLF like Export Backups…). */
export function healthToCsv(report: HealthReport): string {
  const cols = columns();
  const lines = [cols.map(([header]) => csvCell(header)).join(',')];
  for (const row of healthRows(report)) lines.push(cols.map(([, value]) => csvCell(value(row))).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The report as JSON: every instance with its findings, backups named by id, name and time (no raw records). */
export function healthToJson(report: HealthReport): string {
  const backupRef = (b: Backup | undefined) =>
    b && { id: b.id, name: b.name, status: b.status, start: utc(b.start.instant), errorCode: b.errorCode };
  return (
    JSON.stringify(
      {
        now: utc(report.now),
        windowHours: report.windowMs / 3_600_000,
        maxBackupAgeHours: report.maxBackupAgeHours,
        summaries: report.summaries,
        serviceFailures: report.serviceFailures,
        instances: report.instances.map((health) => ({
          scope: health.scope,
          service: health.service,
          instanceId: health.instance.id,
          instanceName: health.instance.name,
          lastSucceeded: backupRef(health.lastSucceeded),
          lastSucceededAgeHours: health.lastSucceededAgeMs === undefined ? undefined : Math.round(health.lastSucceededAgeMs / 3_600_000),
          latest: backupRef(health.latest),
          findings: health.findings.map((finding) => ({
            kind: finding.kind,
            severity: finding.severity,
            description: describeFinding(finding),
            backup: backupRef(
              finding.kind === 'stale' ? finding.lastAutomatic : finding.kind === 'unscannable' ? undefined : finding.backup,
            ),
          })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
