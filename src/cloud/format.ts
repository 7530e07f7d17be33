import * as l10n from '@vscode/l10n';
import { explain, explanationsInOrder } from './errorCodes';
import { decimalSeparator } from './locale';
import { formatTime, isLocalMidnight } from './timeFormat';
import {
  isUnfinished,
  type Backup,
  type BackupFilter,
  type BackupType,
  type NormalizedStatus,
  type ResourceType,
  type TimeRangePreset,
} from './model';

/*
 * Display text for the tree, tooltips, the detail panel and exports. Pure: no vscode, no clock
 * unless the caller leaves `now` out. Words go through `l10n.t` (configured by locale.ts at
 * activation), so every label is looked up when it is asked for, never at module load.
 */

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** 1024-based: `126 B`, `2.7 KB`, `1.2 GB`, `143 MB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // One decimal below 100 (1.2 GB), none above (143 MB); 1024 B is "1 KB", not "1.0 KB".
  const digits = unit === 0 ? 0 : value < 100 ? 1 : 0;
  // The display language's decimal separator; no grouping (a value stays below 1024 but in PB).
  // Cheap on purpose: the tree formats a size for every row it draws.
  const number = String(Number(value.toFixed(digits))).replace('.', decimalSeparator());
  return `${number} ${BYTE_UNITS[unit]}`;
}

/** `succeeded`, `in progress`; an unknown status shows the API's raw value when given. */
export function statusLabel(status: NormalizedStatus, rawStatus?: string): string {
  if (status === 'unknown' && rawStatus) return rawStatus;
  switch (status) {
    case 'inProgress':
      return l10n.t('in progress');
    case 'succeeded':
      return l10n.t('succeeded');
    case 'failed':
      return l10n.t('failed');
    case 'expired':
      return l10n.t('expired/deleted');
    case 'waiting':
      return l10n.t('waiting');
    default:
      return l10n.t('unknown');
  }
}

/**
 * What each filter type means, in words every engine's user recognises (an RDS PostgreSQL
 * incremental backup is not a binlog, and "fragment" is only the API's name for a differential).
 */
export function typeDescription(type: Exclude<BackupType, 'unknown'>): string {
  switch (type) {
    case 'auto':
      return l10n.t('scheduled by the backup policy');
    case 'manual':
      return l10n.t('created on demand');
    case 'incremental':
      return l10n.t('only the changes since the previous backup (RDS)');
    case 'differential':
      return l10n.t('a full backup of what changed since the last full one (RDS)');
  }
}

/** `auto`, `differential` (自动备份, 差异备份 in Chinese); an unknown type shows the API's raw value when given. */
export function typeLabel(type: BackupType, rawType?: string): string {
  if (type === 'unknown' && rawType) return rawType;
  // The comment keeps these keys apart from the same words used elsewhere (a CBR row's short "incremental"):
  // the bundles hold them as `auto/backup type`…
  switch (type) {
    case 'auto':
      return l10n.t({ message: 'auto', comment: ['backup type'] });
    case 'manual':
      return l10n.t({ message: 'manual', comment: ['backup type'] });
    case 'incremental':
      return l10n.t({ message: 'incremental', comment: ['backup type'] });
    case 'differential':
      return l10n.t({ message: 'differential', comment: ['backup type'] });
    default:
      return l10n.t('unknown');
  }
}

/** `last 7 days`. */
export function presetLabel(preset: TimeRangePreset): string {
  switch (preset) {
    case 'last24h':
      return l10n.t('last 24 hours');
    case 'last7d':
      return l10n.t('last 7 days');
    case 'last30d':
      return l10n.t('last 30 days');
  }
}

/**
 * `auto, manual · last 7 days · failed · resource: disk`; an empty filter gives ''. A preset range reads "last 7
 * days"; a fixed range is shown as local dates.
 */
export function filterSummary(filter: BackupFilter | undefined): string {
  if (!filter) return '';
  const parts: string[] = [];
  if (filter.types?.length) parts.push(listText(filter.types.map((type) => typeLabel(type))));
  if (filter.timeRange) parts.push(rangeLabel(filter.timeRange));
  if (filter.statuses?.length) parts.push(listText(filter.statuses.map((status) => statusLabel(status))));
  if (filter.resourceTypes?.length) parts.push(l10n.t('resource: {0}', listText(filter.resourceTypes.map(resourceTypeLabel))));
  return parts.join(' · ');
}

/** `a, b, c`; `a、b、c` in Chinese. */
export function listText(items: readonly string[]): string {
  return items.join(l10n.t(', '));
}

/** How the filter summary names a resource type ("resource: disk, file system"). */
export function resourceTypeLabel(type: ResourceType): string {
  switch (type) {
    case 'server':
      return l10n.t('server');
    case 'disk':
      return l10n.t('disk');
    case 'fileSystem':
      return l10n.t('file system');
    case 'bareMetal':
      return l10n.t('bare metal server');
    case 'desktop':
      return l10n.t('desktop');
  }
}

function rangeLabel(range: NonNullable<BackupFilter['timeRange']>): string {
  if (range.preset) return presetLabel(range.preset);
  const format = (instant: number) => formatTime(instant, isLocalMidnight(instant) ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:mm');
  return `${format(range.from)} – ${format(range.to)}`;
}

/**
 * The tree's compact wording (docs/SPEC.md §4): `just now`, `5 min ago`, `2 h ago`, `3 d ago`, `in 2 h`
 * (`刚刚`, `5 分钟前`, `2 小时前`, `2 小时后` in Chinese); the local date beyond a year, where "14 mo ago"
 * says less than the date.
 */
export function formatRelative(instant: number, now: number = Date.now()): string {
  const seconds = Math.round((now - instant) / 1000);
  const magnitude = Math.abs(seconds);
  if (magnitude < 60) return l10n.t('just now');
  if (magnitude >= 365 * 86_400) return formatTime(instant, 'YYYY-MM-DD');
  const past = seconds > 0;
  if (magnitude >= 30 * 86_400) {
    const months = Math.floor(magnitude / (30 * 86_400));
    return past ? l10n.t('{0} mo ago', months) : l10n.t('in {0} mo', months);
  }
  if (magnitude >= 86_400) {
    const days = Math.floor(magnitude / 86_400);
    return past ? l10n.t('{0} d ago', days) : l10n.t('in {0} d', days);
  }
  if (magnitude >= 3600) {
    const hours = Math.floor(magnitude / 3600);
    return past ? l10n.t('{0} h ago', hours) : l10n.t('in {0} h', hours);
  }
  const minutes = Math.floor(magnitude / 60);
  return past ? l10n.t('{0} min ago', minutes) : l10n.t('in {0} min', minutes);
}

/** `3 d`, `5 h`, `12 min`, `45 s` (`3 天`, `5 小时`, `12 分钟`, `45 秒`): one unit of a duration. */
export function durationUnit(count: number, unit: 'd' | 'h' | 'min' | 's'): string {
  switch (unit) {
    case 'd':
      return l10n.t('{0} d', count);
    case 'h':
      return l10n.t('{0} h', count);
    case 'min':
      return l10n.t('{0} min', count);
    default:
      return l10n.t('{0} s', count);
  }
}

/** How long something has been going on, to the minute: `45 s`, `12 min`, `3 h 12 min`, `2 d 5 h`. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return durationUnit(seconds, 's');
  const minutes = Math.floor(seconds / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days) return hours ? `${durationUnit(days, 'd')} ${durationUnit(hours, 'h')}` : durationUnit(days, 'd');
  if (hours) return rest ? `${durationUnit(hours, 'h')} ${durationUnit(rest, 'min')}` : durationUnit(hours, 'h');
  return durationUnit(rest, 'min');
}

/**
 * What a backup that has not finished is doing, from its start to `now`: `running for 3 h 12 min`,
 * `waiting for 5 min`. Undefined for a finished backup, or when its start is unknown.
 */
export function unfinishedText(backup: Pick<Backup, 'status' | 'start'>, now: number): string | undefined {
  if (!isUnfinished(backup.status) || backup.start.instant === undefined) return undefined;
  const elapsed = formatElapsed(now - backup.start.instant);
  return backup.status === 'waiting' ? l10n.t('waiting for {0}', elapsed) : l10n.t('running for {0}', elapsed);
}

/** `42.50 %` for the numeric progress the APIs send ("42.50", "60"); anything else as sent. */
export function progressText(progress: string): string {
  const text = progress.trim();
  return /^\d+(\.\d+)?$/.test(text) ? `${text} %` : progress;
}

/** How the panel and the tooltip name the end time of a MySQL incremental backup (seed 002). */
export function lastCommitLabel(): string {
  return l10n.t('Last transaction committed');
}

export function lastCommitNote(): string {
  return l10n.t('RDS gives the commit time of the last transaction in this incremental backup, not when the backup job ended.');
}

/**
 * What the error-code table says a code means, in both languages, the display language's first:
 * `The backup or restore timed out. (执行超时。)`, under zh-cn `执行超时。（The backup or restore timed out.）`.
 * Undefined for a code it does not know.
 */
export function codeExplanation(errorCode: string | undefined): string | undefined {
  const explanation = explain(errorCode);
  if (!explanation) return undefined;
  const [first, second] = explanationsInOrder(explanation);
  // Full-width brackets after a Chinese sentence, as GLOSSARY.md's punctuation rule asks.
  return first.lang === 'zh' ? `${first.text}（${second.text}）` : `${first.text} (${second.text})`;
}

/**
 * One line for a failure: `dcs.08.0002 — <the API's message> — The backup or restore timed out.
 * (执行超时。)`. The code, the API's own message when it sent one, and the table's explanation when
 * it knows the code; an unknown code stands raw. Empty when there is neither code nor message.
 */
export function errorSummary(errorCode: string | undefined, errorMessage: string | undefined): string {
  return [errorCode, errorMessage, codeExplanation(errorCode)].filter(Boolean).join(' — ');
}
/**
 * Each status's icon (a codicon id) and theme colour, the one table the tree and the panels draw
 * from. The tree spins the in-progress icon; the panels' CSS colours by status class.
 */
export const STATUS_ICONS: Readonly<Record<NormalizedStatus, { readonly icon: string; readonly color?: string }>> = {
  succeeded: { icon: 'pass', color: 'testing.iconPassed' },
  failed: { icon: 'error', color: 'testing.iconFailed' },
  inProgress: { icon: 'sync', color: 'charts.blue' },
  waiting: { icon: 'clock', color: 'charts.yellow' },
  expired: { icon: 'trash', color: 'disabledForeground' },
  unknown: { icon: 'question' },
};
