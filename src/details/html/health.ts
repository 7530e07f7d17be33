import * as l10n from '@vscode/l10n';
import type { Backup } from '../../cloud/model';
import { adapterFor } from '../../cloud/services/registry';
import type { HealthReport, Severity } from '../../domain/health';
import { describeSummary, healthRows, kindLabel, severityLabel, type HealthRow, type HealthSortKey } from '../../domain/healthReport';
import { durationInWords } from '../../domain/timelineText';
import type { DetailsError } from './details';
import { escapeHtml } from './escape';
import { fillHtml, renderPage, type WebviewResources } from './page';
import { localTime, utcTime } from './time';

/**
 * Pure HTML of the Show Backup Health panel: a summary line per service, then one row per finding,
 * sorted as asked (the extension re-renders on a sort click). Rows open the instance's timeline or
 * the backup's panel through `data-action` (the one webview script, src/webview/details.ts).
 */

export interface HealthPageInput {
  /** Undefined until the first scan has finished. */
  readonly report?: HealthReport;
  readonly sort: HealthSortKey;
  /** A scan is running (the first one, or a Refresh over the last report). */
  readonly scanning: boolean;
  /** The last scan failed (the last good report, if any, stays below). */
  readonly error?: DetailsError;
  readonly resources: WebviewResources;
}

const SEVERITY_ICONS: Record<Severity, string> = { critical: 'error', warning: 'warning', notice: 'info' };

function serviceName(service: string): string {
  try {
    return adapterFor(service).label;
  } catch {
    return service.toUpperCase();
  }
}

function summaries(report: HealthReport): string {
  const items = report.summaries.map((summary) => {
    const problems = summary.instances - summary.healthy;
    const icon = problems ? 'warning' : 'pass';
    const cut = summary.instancesCut ? ` <span class="muted">${escapeHtml(l10n.t('(only the first instances were scanned)'))}</span>` : '';
    return (
      `<li class="${problems ? 'has-findings' : 'healthy'}" data-service="${escapeHtml(summary.service)}">` +
      `<span class="codicon codicon-${icon}" aria-hidden="true"></span> <span class="muted">${escapeHtml(summary.scope)}</span> · ` +
      `${escapeHtml(describeSummary(summary))}${cut}</li>`
    );
  });
  const failures = report.serviceFailures.map(
    (failure) =>
      `<li class="has-findings"><span class="codicon codicon-error" aria-hidden="true"></span> ` +
      `<span class="muted">${escapeHtml(failure.scope)}</span> · ` +
      `${escapeHtml(l10n.t('{0}: the instances could not be listed: {1}', failure.service.toUpperCase(), failure.error))}</li>`,
  );
  return (
    `<section id="summary"><h2>${escapeHtml(l10n.t('Summary'))}</h2>` +
    `<ul class="summary">${items.join('')}${failures.join('')}</ul></section>`
  );
}

function sortButtons(sort: HealthSortKey): string {
  const keys: Array<[HealthSortKey, string]> = [
    ['severity', l10n.t('Severity')],
    ['age', l10n.t('Age')],
    ['name', l10n.t('Name')],
  ];
  const buttons = keys.map(
    ([key, label]) =>
      `<button type="button" class="sort${key === sort ? ' active' : ''}" data-action="sort" data-sort="${key}" ` +
      `aria-pressed="${key === sort}">${escapeHtml(label)}</button>`,
  );
  return (
    `<div class="sort-by" role="group" aria-label="${escapeHtml(l10n.t('Sort by'))}">` +
    `<span class="muted">${escapeHtml(l10n.t('Sort by'))}</span> ${buttons.join('')}</div>`
  );
}

/** The instance a row's links stand for, in its own connection and region. */
function rowAttributes(row: HealthRow): string {
  return (
    `data-service="${escapeHtml(row.service)}" data-instance-id="${escapeHtml(row.instanceId)}" ` +
    `data-scope-key="${escapeHtml(row.scopeKey)}"`
  );
}

function backupButton(row: HealthRow, backup: Backup): string {
  return (
    `<button type="button" class="link" data-action="open" data-backup-id="${escapeHtml(backup.id)}" ` +
    `${rowAttributes(row)}>${escapeHtml(backup.name || backup.id)}</button>`
  );
}

function rowHtml(row: HealthRow): string {
  const instance = row.instanceId
    ? `<button type="button" class="link" data-action="timeline" ${rowAttributes(row)} ` +
      `title="${escapeHtml(l10n.t('Show Backup Timeline'))}">` +
      `${escapeHtml(row.instanceName || row.instanceId)}</button>`
    : '<span class="muted">—</span>';
  // Local time in the cell, UTC on hover: the finding gets the width.
  const when = row.at !== undefined ? `<span title="${escapeHtml(utcTime(row.at))}">${escapeHtml(localTime(row.at))}</span>` : '';
  return (
    `<tr class="severity-${row.severity} kind-${row.kind}" data-kind="${row.kind}">` +
    `<td class="severity"><span class="sev sev-${row.severity}"><span class="codicon codicon-${SEVERITY_ICONS[row.severity]}" ` +
    `aria-hidden="true"></span> ${escapeHtml(severityLabel(row.severity))}</span></td>` +
    `<td>${escapeHtml(serviceName(row.service).split(' — ')[0])}</td>` +
    `<td class="instance">${instance}</td>` +
    `<td class="finding"><span class="kind">${escapeHtml(kindLabel(row.kind))}</span> ${escapeHtml(row.description)}</td>` +
    `<td class="backup">${row.backup ? backupButton(row, row.backup) : ''}</td>` +
    `<td class="when">${when}</td></tr>`
  );
}

function table(report: HealthReport, sort: HealthSortKey): string {
  const rows = healthRows(report, sort);
  if (rows.length === 0)
    return `<section id="findings"><p class="healthy-all"><span class="codicon codicon-pass" aria-hidden="true"></span> ${escapeHtml(
      l10n.t('No findings: every scanned instance has recent good backups.'),
    )}</p></section>`;
  const th = (label: string) => `<th>${escapeHtml(label)}</th>`;
  const head = [l10n.t('Severity'), l10n.t('Service'), l10n.t('Instance'), l10n.t('Finding'), l10n.t('Backup'), l10n.t('Started')]
    .map(th)
    .join('');
  return (
    `<section id="findings"><h2>${escapeHtml(l10n.t('Findings ({0})', rows.length))}</h2>${sortButtons(sort)}` +
    `<table class="backups health"><thead><tr>${head}</tr></thead><tbody>${rows.map(rowHtml).join('')}</tbody></table></section>`
  );
}

function thresholdText(report: HealthReport): string {
  return report.maxBackupAgeHours > 0
    ? l10n.t(
        'stale after {0} without a good automatic backup (hwcBackups.health.maxBackupAgeHours)',
        durationInWords(report.maxBackupAgeHours * 3_600_000),
      )
    : l10n.t('stale after 1.5 × each instance’s usual interval between automatic backups');
}

/** Instances whose newest page did not reach back to the window's start: said, never hidden. */
function cutText(report: HealthReport): string[] {
  const cut = report.instances.filter((health) => health.cut).length;
  return cut > 0
    ? [l10n.t('{0} instances had more backups in the window than the page read: older failures there may be missing', cut)]
    : [];
}

export function renderHealthHtml(input: HealthPageInput): string {
  const { report } = input;
  const title = l10n.t('Backup health');
  const facts = report
    ? [
        l10n.t('checked {0}', localTime(report.now)),
        l10n.t('{0} instances', report.instances.length),
        l10n.t('{0} backup requests', report.backupRequests),
        l10n.t('failures and size drops of the last {0}', durationInWords(report.windowMs)),
        thresholdText(report),
        ...cutText(report),
      ]
    : [];
  const button = (action: string, icon: string, label: string, disabled = false) =>
    `<button type="button" data-action="${action}"${disabled ? ' disabled' : ''}><span class="codicon codicon-${icon}" ` +
    `aria-hidden="true"></span> ${escapeHtml(label)}</button>`;
  const toolbar =
    `<div class="toolbar">${button('refresh', 'refresh', l10n.t('Refresh'), input.scanning)}` +
    `${button('copyMarkdown', 'copy', l10n.t('Copy as Markdown'), !report)}` +
    `${button('exportCsv', 'export', l10n.t('Export CSV…'), !report)}${button('exportJson', 'json', l10n.t('Export JSON…'), !report)}</div>`;
  const requestId = input.error?.requestId
    ? `<p class="muted">${fillHtml(l10n.t('request id {0}'), `<code>${escapeHtml(input.error.requestId)}</code>`)}</p>`
    : '';
  const error = input.error
    ? `<section id="scan-error" class="banner error" role="alert"><h2><span class="codicon codicon-warning" aria-hidden="true"></span> ` +
      `${escapeHtml(l10n.t('The health scan failed'))}</h2><p class="message">${escapeHtml(input.error.message)}</p>` +
      `${input.error.code ? `<p><code>${escapeHtml(input.error.code)}</code></p>` : ''}${requestId}</section>`
    : '';
  const content = report
    ? summaries(report) + table(report, input.sort)
    : input.scanning
      ? '<p class="loading"><span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span> ' +
        `${escapeHtml(l10n.t('Scanning every instance…'))}</p>`
      : `<p class="muted">${escapeHtml(l10n.t('Not scanned since the window was reloaded: Refresh scans every instance the tree shows.'))}</p>`;
  const body = `<main id="health" class="${input.scanning && report ? 'busy' : ''}" data-state="${escapeHtml(JSON.stringify({ kind: 'health' }))}">
<header><h1><span class="codicon codicon-pulse" aria-hidden="true"></span> ${escapeHtml(title)}</h1>
<p class="muted">${facts.map((fact) => escapeHtml(fact)).join(' · ')}</p>
${toolbar}
</header>
${error}${content}
</main>`;
  return renderPage({ resources: input.resources, title, body });
}
