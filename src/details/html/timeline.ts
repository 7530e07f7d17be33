import dayjs from 'dayjs';
import type { Backup, NormalizedStatus, ServiceId } from '../../cloud/model';
import { formatBytes, STATUS_ICONS, statusLabel, typeLabel } from '../../cloud/format';
import { findGaps, findSizeDrops, describeDuration, usualAutoInterval, type TimeRange } from '../../domain/timelineAnalysis';
import { renderTimelineSvg } from '../timeline/svg';
import type { DetailsError } from './details';
import { escapeHtml } from './escape';
import { renderPage, type WebviewResources } from './page';

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
}

export interface TimelinePageInput {
  readonly instance: TimelineInstanceRef;
  readonly serviceLabel: string;
  readonly range: TimeRange;
  readonly fixedRange?: TimeRange;
  /** Undefined while the first load is running. */
  readonly backups?: readonly Backup[];
  /** The list was cut off at this many backups. */
  readonly truncatedAt?: number;
  readonly fetchedAt?: number;
  readonly error?: DetailsError;
  readonly resources: WebviewResources;
}

const day = (t: number) => dayjs(t).format('YYYY-MM-DD HH:mm');

const LEGEND: readonly NormalizedStatus[] = ['succeeded', 'failed', 'inProgress', 'waiting', 'expired', 'unknown'];

function legend(): string {
  const items = LEGEND.map((s) => `<li><span class="swatch status-${s}" aria-hidden="true"></span>${escapeHtml(statusLabel(s))}</li>`);
  return (
    `<ul class="legend">${items.join('')}<li><span class="swatch gap-swatch" aria-hidden="true"></span>gap in automatic backups</li>` +
    `<li><span class="drop-swatch" aria-hidden="true">▼</span> size drop &gt; 50 %</li></ul>`
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
  const usualText =
    usual === undefined
      ? 'Fewer than two automatic backups in this range: the usual interval, and so gaps, cannot be judged.'
      : `Automatic backups usually run every ${escapeHtml(describeDuration(usual))}.`;
  const gapItems = gaps.map(
    (g) =>
      `<li class="finding gap-finding"><span class="codicon codicon-warning" aria-hidden="true"></span> ` +
      `${escapeHtml(g.label)}: ${escapeHtml(day(g.from))} → ${escapeHtml(day(g.to))}` +
      `${g.afterId ? ` · after ${openButton(byId.get(g.afterId), g.afterId)}` : ''}` +
      `${g.beforeId ? ` · before ${openButton(byId.get(g.beforeId), g.beforeId)}` : ''}</li>`,
  );
  const dropItems = drops.map(
    (d) =>
      `<li class="finding drop-finding"><span class="codicon codicon-arrow-down" aria-hidden="true"></span> ${escapeHtml(d.label)} ` +
      `(${escapeHtml(formatBytes(d.fromBytes))} → ${escapeHtml(formatBytes(d.toBytes))}): ` +
      `${openButton(byId.get(d.backupId), d.backupId)}</li>`,
  );
  const none = gapItems.length + dropItems.length === 0 ? '<li class="muted">No gaps or size drops found.</li>' : '';
  return (
    `<section id="findings"><h2>Findings</h2><p>${usualText}</p><ul ` +
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
  return (
    `<section id="backups"><h2>Backups (${backups.length})</h2><table ` +
    `class="backups"><thead><tr><th>Name</th><th>Status</th><th>Type</th><th>Start</th><th ` +
    `class="num">Size</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></section>`
  );
}

export function renderTimelineHtml(input: TimelinePageInput): string {
  const { instance, range, backups } = input;
  const state: TimelineState = { kind: 'timeline', instance, fixedRange: input.fixedRange };
  const title = `Backups of ${instance.name}`;
  const rangeText = `${day(range.from)} → ${day(range.to)}${input.fixedRange ? ' (the filter’s time range)' : ' (last 30 days)'}`;
  const error = input.error
    ? `<section id="load-error" class="banner error" role="alert"><h2><span class="codicon codicon-warning" ` +
      `aria-hidden="true"></span> Loading the backups failed</h2>` +
      `<p class="message">${escapeHtml(input.error.message)}</p>` +
      `${input.error.code ? `<p><code>${escapeHtml(input.error.code)}</code></p>` : ''}` +
      `${input.error.requestId ? `<p class="muted">request id <code>${escapeHtml(input.error.requestId)}</code></p>` : ''}</section>`
    : '';
  const truncated =
    input.truncatedAt !== undefined
      ? `<p class="banner warning">Showing the newest ${input.truncatedAt} backups only; the list was cut off there.</p>`
      : '';
  const content =
    backups === undefined
      ? '<p class="loading"><span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span> Loading backups…</p>'
      : `<figure ` +
        `class="chart">${renderTimelineSvg({ backups, range, gaps: findGaps(backups, range), drops: findSizeDrops(backups) })}</figure>` +
        legend() +
        findings(backups, range) +
        backupTable(backups);
  const fetched = input.fetchedAt !== undefined ? ` · fetched ${escapeHtml(dayjs(input.fetchedAt).format('HH:mm:ss'))}` : '';
  const body = `<main id="timeline" data-state="${escapeHtml(JSON.stringify(state))}">
<header><h1><span class="codicon codicon-graph-line" aria-hidden="true"></span> ${escapeHtml(title)}</h1>
<p class="muted">${escapeHtml(input.serviceLabel)} · <code>${escapeHtml(instance.id)}</code> · ${escapeHtml(rangeText)}${fetched}</p>
<div class="toolbar"><button type="button" data-action="refresh"><span class="codicon codicon-refresh"
 aria-hidden="true"></span> Refresh</button></div>
</header>
${error}${truncated}${content}
</main>`;
  return renderPage({ resources: input.resources, title, body });
}
