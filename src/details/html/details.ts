import { isUnfinished, type Backup, type NormalizedStatus, type TimeValue } from '../../cloud/model';
import { explain, UNKNOWN_CODE_NOTE } from '../../cloud/errorCodes';
import {
  formatBytes,
  formatRelative,
  LAST_COMMIT_LABEL,
  LAST_COMMIT_NOTE,
  progressText,
  STATUS_ICONS,
  statusLabel,
  typeLabel,
  unfinishedText,
} from '../../cloud/format';
import { adapterFor } from '../../cloud/services/registry';
import { escapeHtml } from './escape';
import { renderPage, type WebviewResources } from './page';
import { uncoveredLeaves, type ShownValue } from './rawFields';
import { shortAge } from '../protocol';
import { clockTime, formatDuration, localTime, utcTime } from './time';

/**
 * Pure HTML of the backup detail panel (docs/SPEC.md §7). Everything shown is escaped with the one
 * escapeHtml; interaction is wired by the webview script (src/webview/details.ts) through `data-action` attributes.
 */

/** A failed refresh, shown above the last good data. */
export interface DetailsError {
  readonly code?: string;
  readonly message: string;
  readonly requestId?: string;
  readonly status?: number;
  readonly at: number;
}

/** What the webview keeps with `setState` so the panel survives a window reload. */
export interface DetailsState {
  readonly kind: 'details';
  readonly backup: Backup;
  readonly fetchedAt: number;
}

export interface DetailsPageInput {
  readonly backup: Backup;
  /** e.g. "DCS — Distributed Cache (Redis)". */
  readonly serviceLabel: string;
  /** When this record was received from the API. */
  readonly fetchedAt: number;
  readonly now: number;
  /** The last refresh failed; the record shown is the last good one. */
  readonly error?: DetailsError;
  readonly resources: WebviewResources;
}

type Row = readonly [label: string, valueHtml: string];

const code = (text: unknown) => `<code>${escapeHtml(text)}</code>`;
const muted = (html: string) => `<span class="muted">${html}</span>`;

function section(id: string, title: string, rows: readonly Row[]): string {
  if (rows.length === 0) return '';
  const items = rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`).join('\n');
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2><dl>\n${items}\n</dl></section>`;
}

function statusBadge(status: NormalizedStatus, rawStatus: string): string {
  return (
    `<span class="status status-${status}"><span class="codicon codicon-${STATUS_ICONS[status].icon}" ` +
    `aria-hidden="true"></span> ${escapeHtml(statusLabel(status, rawStatus))}</span>`
  );
}

/** The code with its English and Chinese meaning, or the code raw with a note. */
export function errorCodeHtml(errorCode: string): string {
  const explanation = explain(errorCode);
  if (!explanation) return `${code(errorCode)} ${muted(`— ${escapeHtml(UNKNOWN_CODE_NOTE)}`)}`;
  return (
    `${code(errorCode)}<div class="explanation"><p lang="en">${escapeHtml(explanation.en)}</p>` +
    `<p lang="zh">${escapeHtml(explanation.zh)}</p>` +
    `<p class="muted source">Source: ${escapeHtml(explanation.source)}</p></div>`
  );
}

function timeHtml(time: TimeValue, now: number): string {
  if (time.instant === undefined) {
    return time.raw === undefined ? muted('not given') : `${code(time.raw)} ${muted('(not a time the extension could read)')}`;
  }
  const lines = [
    `<span class="local">${escapeHtml(localTime(time.instant))}</span>`,
    `<span class="utc">${escapeHtml(utcTime(time.instant))}</span>`,
    muted(escapeHtml(formatRelative(time.instant, now))),
  ];
  if (time.raw !== undefined) lines.push(muted(`as sent: ${code(time.raw)}`));
  return lines.join('<br>');
}

function identityRows(backup: Backup, serviceLabel: string): Row[] {
  const instance = backup.instanceName ? `${escapeHtml(backup.instanceName)} ${muted(code(backup.instanceId))}` : code(backup.instanceId);
  const type =
    escapeHtml(typeLabel(backup.type, backup.rawType)) +
    (backup.rawType !== undefined ? ` ${muted(`(API: ${code(backup.rawType)})`)}` : '');
  return [
    ['ID', code(backup.id)],
    ['Name', escapeHtml(backup.name)],
    ['Instance', instance],
    ['Service', escapeHtml(serviceLabel)],
    ['Type', type],
  ];
}

function statusRows(backup: Backup): Row[] {
  const rows: Row[] = [['Status', `${statusBadge(backup.status, backup.rawStatus)} ${muted(`(API: ${code(backup.rawStatus)})`)}`]];
  if (backup.progress !== undefined) rows.push(['Progress', escapeHtml(progressText(backup.progress))]);
  if (backup.errorCode) rows.push(['Error code', errorCodeHtml(backup.errorCode)]);
  if (backup.errorMessage) rows.push(['Failure reason', escapeHtml(backup.errorMessage)]);
  return rows;
}

function timingRows(backup: Backup, now: number): Row[] {
  const rows: Row[] = [['Start', timeHtml(backup.start, now)]];
  if (isUnfinished(backup.status)) {
    // No end and no duration yet: how long it has been going on instead.
    rows.push(['End', muted('not finished yet')]);
    const going = unfinishedText(backup, now);
    if (going) rows.push([backup.status === 'waiting' ? 'Waiting' : 'Running', escapeHtml(going)]);
    return rows;
  }
  if (backup.endMeaning === 'lastTransactionCommit') {
    // Not the end of the backup job, so no job duration can be computed from it.
    rows.push([LAST_COMMIT_LABEL, `${timeHtml(backup.end, now)}<br>${muted(escapeHtml(LAST_COMMIT_NOTE))}`]);
    return rows;
  }
  rows.push(['End', timeHtml(backup.end, now)]);
  if (backup.start.instant !== undefined && backup.end.instant !== undefined) {
    rows.push(['Duration', escapeHtml(formatDuration(backup.end.instant - backup.start.instant))]);
  }
  return rows;
}

function sizeRows(backup: Backup): Row[] {
  if (backup.sizeBytes === undefined && backup.rawSize === undefined) return [['Size', muted('not given by the API')]];
  const rows: Row[] = [];
  if (backup.sizeBytes !== undefined) {
    rows.push([
      'Size',
      `${escapeHtml(formatBytes(backup.sizeBytes))} ${muted(`(${escapeHtml(backup.sizeBytes.toLocaleString('en-US'))} bytes)`)}`,
    ]);
  }
  if (backup.rawSize) rows.push(['Size as sent', escapeHtml(`${backup.rawSize.value} ${backup.rawSize.unit}`)]);
  return rows;
}

function datastoreRows(backup: Backup): Row[] {
  if (!backup.datastore) return [];
  const rows: Row[] = [['Engine', escapeHtml(backup.datastore.type)]];
  if (backup.datastore.version !== undefined) rows.push(['Version', escapeHtml(backup.datastore.version)]);
  return rows;
}

function databasesSection(backup: Backup): string {
  if (!backup.databases?.length) return '';
  const items = backup.databases.map((name) => `<li>${escapeHtml(name)}</li>`).join('');
  return `<section id="databases"><h2>Databases (${backup.databases.length})</h2><ul class="databases">${items}</ul></section>`;
}

/** A field name as words, for the raw fields no adapter labels: `graphSizeTypeIndex` → "Graph size type index". */
function readableKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function scalarHtml(value: string | number | boolean | null): string {
  if (value === null) return muted('null');
  if (value === '') return muted('(empty)');
  return escapeHtml(String(value));
}

function extrasRows(backup: Backup): Row[] {
  // The adapter names its own fields: nothing outside src/cloud/services/ knows them.
  const labels = adapterFor(backup.service).extraLabels;
  return Object.entries(backup.extras).map(([key, value]) => [labels[key] ?? readableKey(key), scalarHtml(value)]);
}

/** Every value the structured sections show, for finding the raw fields they do not. */
function shownValues(backup: Backup): ShownValue[] {
  const values: unknown[] = [
    backup.id,
    backup.name,
    backup.instanceId,
    backup.instanceName,
    backup.rawType,
    backup.rawStatus,
    backup.progress,
    backup.errorCode,
    backup.errorMessage,
    backup.start.raw,
    backup.end.raw,
    backup.rawSize?.value,
    backup.datastore?.type,
    backup.datastore?.version,
    ...(backup.databases ?? []),
  ];
  // Extras keep the API's own field names, which pins common values to the right field.
  return [...values.map((value) => ({ value })), ...Object.entries(backup.extras).map(([key, value]) => ({ key, value }))];
}

function otherFieldsRows(backup: Backup): Row[] {
  return uncoveredLeaves(backup.raw, shownValues(backup)).map((leaf) => [leaf.path || '(value)', scalarHtml(leaf.value)]);
}

function errorBanner(error: DetailsError, now: number): string {
  const facts: string[] = [];
  if (error.status !== undefined) facts.push(`HTTP ${escapeHtml(error.status)}`);
  if (error.requestId) facts.push(`request id ${code(error.requestId)}`);
  facts.push(`at ${escapeHtml(clockTime(error.at))} (${escapeHtml(shortAge(now - error.at))})`);
  const codeHtml = error.code ? `<div class="error-code">${errorCodeHtml(error.code)}</div>` : '';
  return (
    `<section id="refresh-error" class="banner error" role="alert">` +
    `<h2><span class="codicon codicon-warning" aria-hidden="true"></span> Refresh failed — showing the last data received</h2>` +
    `<p class="message">${escapeHtml(error.message)}</p>${codeHtml}<p class="muted">${facts.join(' · ')}</p></section>`
  );
}

function toolbar(fetchedAt: number, now: number): string {
  const button = (action: string, icon: string, label: string) =>
    `<button type="button" data-action="${action}"><span class="codicon codicon-${icon}" aria-hidden="true"></span> ${label}</button>`;
  return (
    `<div class="toolbar">${button('refresh', 'refresh', 'Refresh')}${button('copyId', 'copy', 'Copy ID')}` +
    `${button('copyJson', 'json', 'Copy JSON')}` +
    `<button type="button" class="link" data-action="reveal"><span class="codicon codicon-list-tree" ` +
    `aria-hidden="true"></span> Reveal in tree</button></div>` +
    `<p class="fetched muted" data-fetched-at="${fetchedAt}">fetched <span class="clock">${escapeHtml(clockTime(fetchedAt))}</span>, ` +
    `<span class="age">${escapeHtml(shortAge(now - fetchedAt))}</span></p>`
  );
}

export function renderDetailsHtml(input: DetailsPageInput): string {
  const { backup, now } = input;
  const state: DetailsState = { kind: 'details', backup, fetchedAt: input.fetchedAt };
  const other = otherFieldsRows(backup);
  const body = `<main id="details" data-state="${escapeHtml(JSON.stringify(state))}">
<header>
<h1>${statusBadgeIcon(backup.status)} ${escapeHtml(backup.name)}</h1>
${toolbar(input.fetchedAt, now)}
</header>
${input.error ? errorBanner(input.error, now) : ''}
${section('identity', 'Identity', identityRows(backup, input.serviceLabel))}
${section('status', 'Status', statusRows(backup))}
${section('timing', 'Timing', timingRows(backup, now))}
${section('size', 'Size', sizeRows(backup))}
${section('datastore', 'Datastore', datastoreRows(backup))}
${databasesSection(backup)}
${section('service-specific', `${backup.service.toUpperCase()} details`, extrasRows(backup))}
${section('other-fields', 'Other fields from the API', other)}
<section id="raw"><h2>Raw JSON <button type="button" class="inline" data-action="copyJson" title="Copy JSON"><span
 class="codicon codicon-copy" aria-hidden="true"></span></button></h2>
<pre class="raw-json"><code>${escapeHtml(JSON.stringify(backup.raw, null, 2))}</code></pre></section>
</main>`;
  return renderPage({ resources: input.resources, title: backup.name, body });
}

function statusBadgeIcon(status: NormalizedStatus): string {
  return `<span class="codicon codicon-${STATUS_ICONS[status].icon} status-${status}" title="${escapeHtml(statusLabel(status))}"></span>`;
}
