import * as l10n from '@vscode/l10n';
import { isUnfinished, type Backup, type NormalizedStatus, type TimeValue } from '../../cloud/model';
import { explain, explanationsInOrder, unknownCodeNote } from '../../cloud/errorCodes';
import { formatNumber, prefersChinese } from '../../cloud/locale';
import {
  formatBytes,
  formatRelative,
  lastCommitLabel,
  lastCommitNote,
  progressText,
  STATUS_ICONS,
  statusLabel,
  typeLabel,
  unfinishedText,
} from '../../cloud/format';
import { adapterFor } from '../../cloud/services/registry';
import { escapeHtml } from './escape';
import { fillHtml, panelTexts, renderPage, type WebviewResources } from './page';
import { uncoveredLeaves, type ShownValue } from './rawFields';
import { shortAge } from '../protocol';
import { clockTime, formatDuration, localTime, utcTime } from './time';

/**
 * Pure HTML of the backup detail panel (docs/SPEC.md §7). Everything shown is escaped with the one
 * escapeHtml; interaction is wired by the webview script (src/webview/details.ts) through `data-action` attributes.
 * Words are in the display language (`l10n.t`); API values, codes and raw field names stay as sent.
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
  /** The connection and region it came from (Scope.key); the default scope when absent. */
  readonly scopeKey?: string;
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
  /** Kept in the page's state so a reloaded panel asks the same connection and region. */
  readonly scopeKey?: string;
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

/** The code with its English and Chinese meaning (the display language's first), or the code raw with a note. */
export function errorCodeHtml(errorCode: string): string {
  const explanation = explain(errorCode);
  if (!explanation) return `${code(errorCode)} ${muted(`— ${escapeHtml(unknownCodeNote())}`)}`;
  const texts = explanationsInOrder(explanation).map(({ lang, text }) => `<p lang="${lang}">${escapeHtml(text)}</p>`);
  return (
    `${code(errorCode)}<div class="explanation">${texts.join('')}` +
    `<p class="muted source">${escapeHtml(l10n.t('Source: {0}', explanation.source))}</p></div>`
  );
}

function timeHtml(time: TimeValue, now: number): string {
  if (time.instant === undefined) {
    return time.raw === undefined
      ? muted(escapeHtml(l10n.t('not given')))
      : `${code(time.raw)} ${muted(escapeHtml(l10n.t('(not a time the extension could read)')))}`;
  }
  const lines = [
    `<span class="local">${escapeHtml(localTime(time.instant))}</span>`,
    `<span class="utc">${escapeHtml(utcTime(time.instant))}</span>`,
    muted(escapeHtml(formatRelative(time.instant, now))),
  ];
  if (time.raw !== undefined) lines.push(muted(fillHtml(l10n.t('as sent: {0}'), code(time.raw))));
  return lines.join('<br>');
}

function identityRows(backup: Backup, serviceLabel: string): Row[] {
  const instance = backup.instanceName ? `${escapeHtml(backup.instanceName)} ${muted(code(backup.instanceId))}` : code(backup.instanceId);
  const type =
    escapeHtml(typeLabel(backup.type, backup.rawType)) + (backup.rawType !== undefined ? ` ${muted(apiValue(backup.rawType))}` : '');
  return [
    [l10n.t('ID'), code(backup.id)],
    [l10n.t('Name'), escapeHtml(backup.name)],
    [l10n.t('Instance'), instance],
    [l10n.t('Service'), escapeHtml(serviceLabel)],
    [l10n.t('Type'), type],
  ];
}

/** `(API: <code>COMPLETED</code>)`: the value as the API sent it. */
function apiValue(raw: string): string {
  return fillHtml(l10n.t('(API: {0})'), code(raw));
}

function statusRows(backup: Backup): Row[] {
  const rows: Row[] = [[l10n.t('Status'), `${statusBadge(backup.status, backup.rawStatus)} ${muted(apiValue(backup.rawStatus))}`]];
  if (backup.progress !== undefined) rows.push([l10n.t('Progress'), escapeHtml(progressText(backup.progress))]);
  if (backup.errorCode) rows.push([l10n.t('Error code'), errorCodeHtml(backup.errorCode)]);
  if (backup.errorMessage) rows.push([l10n.t('Failure reason'), escapeHtml(backup.errorMessage)]);
  return rows;
}

function timingRows(backup: Backup, now: number): Row[] {
  const rows: Row[] = [[l10n.t('Start'), timeHtml(backup.start, now)]];
  if (isUnfinished(backup.status)) {
    // No end and no duration yet: how long it has been going on instead.
    rows.push([l10n.t('End'), muted(escapeHtml(l10n.t('not finished yet')))]);
    const going = unfinishedText(backup, now);
    if (going) rows.push([backup.status === 'waiting' ? l10n.t('Waiting') : l10n.t('Running'), escapeHtml(going)]);
    return rows;
  }
  if (backup.endMeaning === 'lastTransactionCommit') {
    // Not the end of the backup job, so no job duration can be computed from it.
    rows.push([lastCommitLabel(), `${timeHtml(backup.end, now)}<br>${muted(escapeHtml(lastCommitNote()))}`]);
    return rows;
  }
  rows.push([l10n.t('End'), timeHtml(backup.end, now)]);
  if (backup.start.instant !== undefined && backup.end.instant !== undefined) {
    rows.push([l10n.t('Duration'), escapeHtml(formatDuration(backup.end.instant - backup.start.instant))]);
  }
  return rows;
}

function sizeRows(backup: Backup): Row[] {
  if (backup.sizeBytes === undefined && backup.rawSize === undefined) {
    return [[l10n.t('Size'), muted(escapeHtml(l10n.t('not given by the API')))]];
  }
  const rows: Row[] = [];
  if (backup.sizeBytes !== undefined) {
    const bytes = l10n.t('({0} bytes)', formatNumber(backup.sizeBytes));
    rows.push([l10n.t('Size'), `${escapeHtml(formatBytes(backup.sizeBytes))} ${muted(escapeHtml(bytes))}`]);
  }
  if (backup.rawSize) rows.push([l10n.t('Size as sent'), escapeHtml(`${backup.rawSize.value} ${backup.rawSize.unit}`)]);
  return rows;
}

function datastoreRows(backup: Backup): Row[] {
  if (!backup.datastore) return [];
  const rows: Row[] = [[l10n.t('Engine'), escapeHtml(backup.datastore.type)]];
  if (backup.datastore.version !== undefined) rows.push([l10n.t('Version'), escapeHtml(backup.datastore.version)]);
  return rows;
}

function databasesSection(backup: Backup): string {
  if (!backup.databases?.length) return '';
  const items = backup.databases.map((name) => `<li>${escapeHtml(name)}</li>`).join('');
  const title = l10n.t('Databases ({0})', backup.databases.length);
  return `<section id="databases"><h2>${escapeHtml(title)}</h2><ul class="databases">${items}</ul></section>`;
}

/**
 * A field name as words, for the raw fields no adapter labels: `graphSizeTypeIndex` → "Graph size
 * type index". Other languages see the field name as the API sent it rather than made-up English.
 */
function readableKey(key: string): string {
  if (prefersChinese()) return key;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function scalarHtml(value: string | number | boolean | null): string {
  if (value === null) return muted('null');
  if (value === '') return muted(escapeHtml(l10n.t('(empty)')));
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
  return uncoveredLeaves(backup.raw, shownValues(backup)).map((leaf) => [leaf.path || l10n.t('(value)'), scalarHtml(leaf.value)]);
}

function errorBanner(error: DetailsError, now: number): string {
  const facts: string[] = [];
  if (error.status !== undefined) facts.push(`HTTP ${escapeHtml(error.status)}`);
  if (error.requestId) facts.push(fillHtml(l10n.t('request id {0}'), code(error.requestId)));
  facts.push(escapeHtml(l10n.t('at {0} ({1})', clockTime(error.at), shortAge(now - error.at, panelTexts()))));
  const codeHtml = error.code ? `<div class="error-code">${errorCodeHtml(error.code)}</div>` : '';
  const heading = escapeHtml(l10n.t('Refresh failed — showing the last data received'));
  return (
    `<section id="refresh-error" class="banner error" role="alert">` +
    `<h2><span class="codicon codicon-warning" aria-hidden="true"></span> ${heading}</h2>` +
    `<p class="message">${escapeHtml(error.message)}</p>${codeHtml}<p class="muted">${facts.join(' · ')}</p></section>`
  );
}

function toolbar(fetchedAt: number, now: number): string {
  const button = (action: string, icon: string, label: string) =>
    `<button type="button" data-action="${action}"><span class="codicon codicon-${icon}" aria-hidden="true"></span> ` +
    `${escapeHtml(label)}</button>`;
  const fetched = fillHtml(
    l10n.t('fetched {0}, {1}'),
    `<span class="clock">${escapeHtml(clockTime(fetchedAt))}</span>`,
    `<span class="age">${escapeHtml(shortAge(now - fetchedAt, panelTexts()))}</span>`,
  );
  return (
    `<div class="toolbar">${button('refresh', 'refresh', l10n.t('Refresh'))}${button('copyId', 'copy', l10n.t('Copy ID'))}` +
    `${button('copyJson', 'json', l10n.t('Copy JSON'))}` +
    `<button type="button" class="link" data-action="reveal"><span class="codicon codicon-list-tree" ` +
    `aria-hidden="true"></span> ${escapeHtml(l10n.t('Reveal in tree'))}</button>` +
    `<button type="button" class="link" data-action="openInConsole"><span class="codicon codicon-link-external" ` +
    `aria-hidden="true"></span> ${escapeHtml(l10n.t('Open in Console'))}</button></div>` +
    `<p class="fetched muted" data-fetched-at="${fetchedAt}">${fetched}</p>`
  );
}

export function renderDetailsHtml(input: DetailsPageInput): string {
  const { backup, now } = input;
  const state: DetailsState = { kind: 'details', backup, fetchedAt: input.fetchedAt, scopeKey: input.scopeKey };
  const other = otherFieldsRows(backup);
  const body = `<main id="details" data-state="${escapeHtml(JSON.stringify(state))}">
<header>
<h1>${statusBadgeIcon(backup.status)} ${escapeHtml(backup.name)}</h1>
${toolbar(input.fetchedAt, now)}
</header>
${input.error ? errorBanner(input.error, now) : ''}
${section('identity', l10n.t('Identity'), identityRows(backup, input.serviceLabel))}
${section('status', l10n.t('Status'), statusRows(backup))}
${section('timing', l10n.t('Timing'), timingRows(backup, now))}
${section('size', l10n.t('Size'), sizeRows(backup))}
${section('datastore', l10n.t('Datastore'), datastoreRows(backup))}
${databasesSection(backup)}
${section('service-specific', l10n.t('{0} details', backup.service.toUpperCase()), extrasRows(backup))}
${section('other-fields', l10n.t('Other fields from the API'), other)}
<section id="raw"><h2>${escapeHtml(l10n.t('Raw JSON'))} <button type="button" class="inline" data-action="copyJson"
 title="${escapeHtml(l10n.t('Copy JSON'))}"><span
 class="codicon codicon-copy" aria-hidden="true"></span></button></h2>
<pre class="raw-json"><code>${escapeHtml(JSON.stringify(backup.raw, null, 2))}</code></pre></section>
</main>`;
  return renderPage({ resources: input.resources, title: backup.name, body });
}

function statusBadgeIcon(status: NormalizedStatus): string {
  return `<span class="codicon codicon-${STATUS_ICONS[status].icon} status-${status}" title="${escapeHtml(statusLabel(status))}"></span>`;
}
