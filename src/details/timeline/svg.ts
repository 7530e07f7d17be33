import * as l10n from '@vscode/l10n';
import { formatTime } from '../../cloud/timeFormat';
import type { Backup } from '../../cloud/model';
import { formatBytes, statusLabel, typeLabel } from '../../cloud/format';
import { prefersChinese } from '../../cloud/locale';
import { escapeHtml } from '../html/escape';
import { DAY_MS, HOUR_MS, type BackupGap, type SizeDrop, type TimeRange } from '../../domain/timelineAnalysis';
import { dropText, gapText } from '../../domain/timelineText';

/**
 * The timeline chart as a plain SVG string: one mark per backup on a time axis, coloured by
 * status (CSS classes, so the theme decides the colours), height by size; gaps shaded and
 * labelled; size drops flagged. Pure, so it is unit-tested as text.
 */

export interface TimelineSvgInput {
  readonly backups: readonly Backup[];
  readonly range: TimeRange;
  readonly gaps: readonly BackupGap[];
  readonly drops: readonly SizeDrop[];
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { left: 16, right: 16, top: 44, bottom: 30 };
const MARK_WIDTH = 6;
const MIN_MARK_HEIGHT = 4;
const TICK_STEPS = [
  HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
  2 * DAY_MS,
  7 * DAY_MS,
  14 * DAY_MS,
  30 * DAY_MS,
  60 * DAY_MS,
  90 * DAY_MS,
  180 * DAY_MS,
];
const MAX_TICKS = 10;

const round = (n: number) => Math.round(n * 10) / 10;

/** `Nov 1` / `Nov 1 06:00`; `11月1日` / `11月1日 06:00` in Chinese. */
function tickFormat(daily: boolean): string {
  const date = prefersChinese() ? 'M月D日' : 'MMM D';
  return daily ? date : `${date} HH:mm`;
}

/** Calendar days later in the machine's zone: a midnight stays a midnight across a DST change. */
function addLocalDays(instant: number, days: number): number {
  const date = new Date(instant);
  date.setDate(date.getDate() + days);
  return date.getTime();
}

/** Axis ticks at local-time boundaries, at most MAX_TICKS of them. */
export function axisTicks(range: TimeRange): { at: number; label: string }[] {
  const span = Math.max(range.to - range.from, 1);
  const step = TICK_STEPS.find((s) => span / s <= MAX_TICKS) ?? TICK_STEPS[TICK_STEPS.length - 1];
  const daily = step >= DAY_MS;
  const start = new Date(range.from);
  if (daily) start.setHours(0, 0, 0, 0);
  else start.setMinutes(0, 0, 0);
  let cursor = start.getTime();
  const ticks: { at: number; label: string }[] = [];
  while (cursor <= range.to && ticks.length <= MAX_TICKS * 2) {
    if (cursor >= range.from) ticks.push({ at: cursor, label: formatTime(cursor, tickFormat(daily)) });
    cursor = daily ? addLocalDays(cursor, Math.round(step / DAY_MS)) : cursor + Math.round(step / HOUR_MS) * HOUR_MS;
  }
  return ticks;
}

function markLabel(backup: Backup): string {
  const when = backup.start.instant !== undefined ? formatTime(backup.start.instant, 'YYYY-MM-DD HH:mm') : l10n.t('unknown time');
  const size = backup.sizeBytes !== undefined ? formatBytes(backup.sizeBytes) : l10n.t('size unknown');
  return `${backup.name} · ${statusLabel(backup.status)} · ${typeLabel(backup.type)} · ${when} · ${size}`;
}

export function renderTimelineSvg(input: TimelineSvgInput): string {
  const width = input.width ?? 960;
  const height = input.height ?? 260;
  const { range } = input;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const baseline = MARGIN.top + plotHeight;
  const span = Math.max(range.to - range.from, 1);
  const x = (t: number) => round(MARGIN.left + ((t - range.from) / span) * plotWidth);
  const placed = input.backups.filter((b) => b.start.instant !== undefined && b.start.instant >= range.from && b.start.instant <= range.to);
  const maxSize = Math.max(0, ...placed.map((b) => b.sizeBytes ?? 0));
  const barHeight = (b: Backup) =>
    b.sizeBytes === undefined || maxSize === 0 ? MIN_MARK_HEIGHT : round(Math.max(MIN_MARK_HEIGHT, (b.sizeBytes / maxSize) * plotHeight));

  const gaps = input.gaps.map((gap) => {
    const label = escapeHtml(gapText(gap));
    const x1 = x(Math.max(gap.from, range.from));
    const x2 = x(Math.min(gap.to, range.to));
    return (
      `<g class="gap"><title>${label}</title>` +
      `<rect class="gap-band" x="${x1}" y="${MARGIN.top}" width="${round(Math.max(x2 - x1, 1))}" height="${plotHeight}"></rect>` +
      `<text class="gap-label" x="${round((x1 + x2) / 2)}" y="${MARGIN.top - 26}" text-anchor="middle">${label}</text></g>`
    );
  });

  const marks = placed.map((b) => {
    const h = barHeight(b);
    const cls = `mark status-${b.status}${b.sizeBytes === undefined ? ' no-size' : ''}`;
    const label = escapeHtml(markLabel(b));
    return (
      `<g class="${cls}" data-backup-id="${escapeHtml(b.id)}" tabindex="0" role="button" aria-label="${label}"><title>${label}</title>` +
      `<rect x="${round(x(b.start.instant!) - MARK_WIDTH / 2)}" y="${round(baseline - h)}" width="${MARK_WIDTH}" height="${h}"></rect></g>`
    );
  });

  const byId = new Map(placed.map((b) => [b.id, b]));
  const drops = input.drops.flatMap((drop) => {
    const backup = byId.get(drop.backupId);
    if (!backup) return [];
    const cx = x(drop.at);
    const top = round(baseline - barHeight(backup) - 4);
    const percent = `−${Math.round((1 - drop.ratio) * 100)}%`;
    return [
      `<g class="drop" data-backup-id="${escapeHtml(drop.backupId)}"><title>${escapeHtml(dropText(drop))}</title>` +
        `<path d="M${round(cx - 5)} ${round(top - 8)} L${round(cx + 5)} ${round(top - 8)} L${cx} ${top} Z"></path>` +
        `<text x="${cx}" y="${round(top - 11)}" text-anchor="middle">${escapeHtml(percent)}</text></g>`,
    ];
  });

  const ticks = axisTicks(range).map(
    (tick) =>
      `<g class="tick"><line x1="${x(tick.at)}" y1="${baseline}" x2="${x(tick.at)}" y2="${baseline + 5}"></line>` +
      `<text x="${x(tick.at)}" y="${baseline + 18}" text-anchor="middle">${escapeHtml(tick.label)}</text></g>`,
  );

  const scale =
    maxSize > 0
      ? `<text class="scale" x="${MARGIN.left}" y="${MARGIN.top - 6}">${escapeHtml(l10n.t('tallest: {0}', formatBytes(maxSize)))}</text>`
      : '';
  const from = formatTime(range.from, 'YYYY-MM-DD');
  const to = formatTime(range.to, 'YYYY-MM-DD');

  return [
    `<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" ` +
      `height="${height}" role="img" aria-label="${escapeHtml(l10n.t('Backups from {0} to {1}', from, to))}">`,
    `<g class="gaps">${gaps.join('')}</g>`,
    `<line class="axis" x1="${MARGIN.left}" y1="${baseline}" x2="${width - MARGIN.right}" y2="${baseline}"></line>`,
    `<g class="ticks">${ticks.join('')}</g>`,
    scale,
    `<g class="marks">${marks.join('')}</g>`,
    `<g class="drops">${drops.join('')}</g>`,
    `</svg>`,
  ].join('\n');
}
