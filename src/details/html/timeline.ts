import * as l10n from '@vscode/l10n';
import type { Backup, NormalizedStatus, ServiceId } from '../../cloud/model';
import { formatBytes, STATUS_ICONS, statusLabel, typeLabel } from '../../cloud/format';
import { formatTime } from '../../cloud/timeFormat';
import { findGaps, findSizeDrops, usualAutoInterval, type TimeRange } from '../../domain/timelineAnalysis';
import { dropText, gapText, usualIntervalText } from '../../domain/timelineText';
import { renderTimelineSvg } from '../timeline/svg';
import type { DetailsError } from './details';
import { escapeHtml } from './escape';
import { fillHtml, renderPage, type WebviewResources } from './page';

/** The instance a timeline belongs to; also what the serializer keeps. */
export interface TimelineInstanceRef {
  readonly service: ServiceId;
  readonly id: string;
  readonly name: string;
}

export interface TimelineState {
  readonly kind: 'timeline';
  readonly instance: TimelineInstanceRef;
  /** The filter's range when the panel was opened; undefined: the last 30 days up to now. */
  readonly fixedRange?: TimeRange;
  /** The connection and region read (Scope.key); undefined: the default one. */
  readonly scopeKey?: string;
}

export interface TimelinePageInput {
  readonly instance: TimelineInstanceRef;
  readonly serviceLabel: string;
  readonly range: TimeRange;
  readonly fixedRange?: TimeRange;
  readonly scopeKey?: string;
  /** Undefined while the first load is running. */
  readonly backups?: readonly Backup[];
  /** The list was cut off at this many backups. */
  readonly truncatedAt?: number;
  readonly fetchedAt?: number;
  readonly error?: DetailsError;
  readonly resources: WebviewResources;
}

const day = (t: number) => formatTime(t, 'YYYY-MM-DD HH:mm');

const LEGEND: readonly NormalizedStatus[] = ['succeeded', 'failed', 'inProgress', 'waiting', 'expired', 'unknown'];

function legend(): string {
  const items = LEGEND.map((s) => `<li><span class="swatch status-${s}" aria-hidden="true"></span>${escapeHtml(statusLabel(s))}</li>`);
  return (
    `<ul class="legend">${items.join('')}<li><span class="swatch gap-swatch" aria-hidden="true"></span>` +
    `${escapeHtml(l10n.t('gap in automatic backups'))}</li>` +
    `<li><span class="drop-swatch" aria-hidden="true">▼</span> ${escapeHtml(l10n.t('size drop > 50 %'))}</li></ul>`
  );
}

function openButton(backup: Backup | undefined, fallbackId: string): string {
  const label = backup ? backup.name : fallbackId;
  return `<button type="button" class="link" data-action="open" data-backup-id="${escapeHtml(fallbackId)}">${escapeHtml(label)}</button>`;
}

function findings(backups: readonly Backup[], range: TimeRange): string {
  const byId = new Map(backups.map((b) => [b.id, b]));
  const usual = usualAutoInterval(backups);
  const gaps = findGaps(backups, range);
  const drops = findSizeDrops(backups);
  const gapItems = gaps.map((g) => {
    const parts = [escapeHtml(l10n.t('{0}: {1} → {2}', gapText(g), day(g.from), day(g.to)))];
    if (g.afterId) parts.push(fillHtml(l10n.t('after {0}'), openButton(byId.get(g.afterId), g.afterId)));
    if (g.beforeId) parts.push(fillHtml(l10n.t('before {0}'), openButton(byId.get(g.beforeId), g.beforeId)));
    return `<li class="finding gap-finding"><span class="codicon codicon-warning" aria-hidden="true"></span> ${parts.join(' · ')}</li>`;
  });
  const dropItems = drops.map((d) => {
    const text = fillHtml(
      l10n.t('{0} ({1} → {2}): {3}'),
      escapeHtml(dropText(d)),
      escapeHtml(formatBytes(d.fromBytes)),
      escapeHtml(formatBytes(d.toBytes)),
      openButton(byId.get(d.backupId), d.backupId),
    );
    return `<li class="finding drop-finding"><span class="codicon codicon-arrow-down" aria-hidden="true"></span> ${text}</li>`;
  });
  const none =
    gapItems.length + dropItems.length === 0 ? `<li class="muted">${escapeHtml(l10n.t('No gaps or size drops found.'))}</li>` : '';
  return (
    `<section id="findings"><h2>${escapeHtml(l10n.t('Findings'))}</h2><p>${escapeHtml(usualIntervalText(usual))}</p><ul ` +
    `class="findings">${gapItems.join('')}${dropItems.join('')}${none}</ul></section>`
  );
}

function backupTable(backups: readonly Backup[]): string {
  const rows = [...backups]
    .sort((a, b) => (b.start.instant ?? 0) - (a.start.instant ?? 0))
    .map(
      (b) =>
        `<tr><td>${openButton(b, b.id)}</td>` +
        `<td><span class="status status-${b.status}"><span class="codicon codicon-${STATUS_ICONS[b.status].icon}" ` +
        `aria-hidden="true"></span> ${escapeHtml(statusLabel(b.status))}</span></td>` +
        `<td>${escapeHtml(typeLabel(b.type))}</td>` +
        `<td>${b.start.instant !== undefined ? escapeHtml(day(b.start.instant)) : escapeHtml(b.start.raw ?? '')}</td>` +
        `<td class="num">${b.sizeBytes !== undefined ? escapeHtml(formatBytes(b.sizeBytes)) : ''}</td></tr>`,
    );
  const th = (label: string, cls = '') => `<th${cls ? ` class="${cls}"` : ''}>${escapeHtml(label)}</th>`;
  const head = th(l10n.t('Name')) + th(l10n.t('Status')) + th(l10n.t('Type')) + th(l10n.t('Start')) + th(l10n.t('Size'), 'num');
  return (
    `<section id="backups"><h2>${escapeHtml(l10n.t('Backups ({0})', backups.length))}</h2><table ` +
    `class="backups"><thead><tr>${head}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></section>`
  );
}

export function renderTimelineHtml(input: TimelinePageInput): string {
  const { instance, range, backups } = input;
  const state: TimelineState = { kind: 'timeline', instance, fixedRange: input.fixedRange, scopeKey: input.scopeKey };
  const title = l10n.t('Backups of {0}', instance.name);
  const rangeText = input.fixedRange
    ? l10n.t('{0} → {1} (the filter’s time range)', day(range.from), day(range.to))
    : l10n.t('{0} → {1} (last 30 days)', day(range.from), day(range.to));
  const requestId = input.error?.requestId
    ? `<p class="muted">${fillHtml(l10n.t('request id {0}'), `<code>${escapeHtml(input.error.requestId)}</code>`)}</p>`
    : '';
  const error = input.error
    ? `<section id="load-error" class="banner error" role="alert"><h2><span class="codicon codicon-warning" ` +
      `aria-hidden="true"></span> ${escapeHtml(l10n.t('Loading the backups failed'))}</h2>` +
      `<p class="message">${escapeHtml(input.error.message)}</p>` +
      `${input.error.code ? `<p><code>${escapeHtml(input.error.code)}</code></p>` : ''}${requestId}</section>`
    : '';
  const truncated =
    input.truncatedAt !== undefined
      ? `<p class="banner warning">${escapeHtml(
          l10n.t('Showing the newest {0} backups only; the list was cut off there.', input.truncatedAt),
        )}</p>`
      : '';
  const content =
    backups === undefined
      ? '<p class="loading"><span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span> ' +
        `${escapeHtml(l10n.t('Loading backups…'))}</p>`
      : `<figure ` +
        `class="chart">${renderTimelineSvg({ backups, range, gaps: findGaps(backups, range), drops: findSizeDrops(backups) })}</figure>` +
        legend() +
        findings(backups, range) +
        backupTable(backups);
  const fetched = input.fetchedAt !== undefined ? ` · ${escapeHtml(l10n.t('fetched {0}', formatTime(input.fetchedAt, 'HH:mm:ss')))}` : '';
  const body = `<main id="timeline" data-state="${escapeHtml(JSON.stringify(state))}">
<header><h1><span class="codicon codicon-graph-line" aria-hidden="true"></span> ${escapeHtml(title)}</h1>
<p class="muted">${escapeHtml(input.serviceLabel)} · <code>${escapeHtml(instance.id)}</code> · ${escapeHtml(rangeText)}${fetched}</p>
<div class="toolbar"><button type="button" data-action="refresh"><span class="codicon codicon-refresh"
 aria-hidden="true"></span> ${escapeHtml(l10n.t('Refresh'))}</button><button type="button" data-action="findRestorePoint"><span
 class="codicon codicon-history" aria-hidden="true"></span> ${escapeHtml(l10n.t('Find Restore Point…'))}</button></div>
</header>
${error}${truncated}${content}
</main>`;
  return renderPage({ resources: input.resources, title, body });
}
