import dayjs from 'dayjs';
import { explain } from './errorCodes';
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
 * unless the caller leaves `now` out.
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
  if (unit === 0) return `${bytes} B`;
  // One decimal below 100 (1.2 GB), none above (143 MB); 1024 B is "1 KB", not "1.0 KB".
  const digits = value < 100 ? 1 : 0;
  return `${Number(value.toFixed(digits))} ${BYTE_UNITS[unit]}`;
}

const STATUS_LABELS: Readonly<Record<NormalizedStatus, string>> = {
  inProgress: 'in progress',
  succeeded: 'succeeded',
  failed: 'failed',
  expired: 'expired/deleted',
  waiting: 'waiting',
  unknown: 'unknown',
};

/** `succeeded`, `in progress`; an unknown status shows the API's raw value when given. */
export function statusLabel(status: NormalizedStatus, rawStatus?: string): string {
  return status === 'unknown' && rawStatus ? rawStatus : STATUS_LABELS[status];
}

/**
 * What each filter type means, in words every engine's user recognises (an RDS PostgreSQL
 * incremental backup is not a binlog, and "fragment" is only the API's name for a differential).
 */
export const TYPE_DESCRIPTIONS: Readonly<Record<Exclude<BackupType, 'unknown'>, string>> = {
  auto: 'scheduled by the backup policy',
  manual: 'created on demand',
  incremental: 'only the changes since the previous backup (RDS)',
  differential: 'a full backup of what changed since the last full one (RDS)',
};

/** `auto`, `differential`; an unknown type shows the API's raw value when given. */
export function typeLabel(type: BackupType, rawType?: string): string {
  return type === 'unknown' && rawType ? rawType : type;
}

const PRESET_LABELS: Readonly<Record<TimeRangePreset, string>> = {
  last24h: 'last 24 hours',
  last7d: 'last 7 days',
  last30d: 'last 30 days',
};

/**
 * `auto, manual · last 7 days · failed · resource: disk`; an empty filter gives ''. A preset range reads "last 7
 * days"; a fixed range is shown as local dates.
 */
export function filterSummary(filter: BackupFilter | undefined): string {
  if (!filter) return '';
  const parts: string[] = [];
  if (filter.types?.length) parts.push(filter.types.map((type) => typeLabel(type)).join(', '));
  if (filter.timeRange) parts.push(rangeLabel(filter.timeRange));
  if (filter.statuses?.length) parts.push(filter.statuses.map((status) => statusLabel(status)).join(', '));
  if (filter.resourceTypes?.length) parts.push(`resource: ${filter.resourceTypes.map((type) => RESOURCE_TYPE_LABELS[type]).join(', ')}`);
  return parts.join(' · ');
}

/** How the filter summary names a resource type ("resource: disk, file system"). */
export const RESOURCE_TYPE_LABELS: Readonly<Record<ResourceType, string>> = {
  server: 'server',
  disk: 'disk',
  fileSystem: 'file system',
  bareMetal: 'bare metal server',
  desktop: 'desktop',
};

function rangeLabel(range: NonNullable<BackupFilter['timeRange']>): string {
  if (range.preset) return PRESET_LABELS[range.preset];
  const format = (instant: number) => {
    const time = dayjs(instant);
    return time.format(time.hour() === 0 && time.minute() === 0 ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:mm');
  };
  return `${format(range.from)} – ${format(range.to)}`;
}

const RELATIVE_UNITS: readonly { readonly seconds: number; readonly unit: string }[] = [
  { seconds: 30 * 86_400, unit: 'mo' },
  { seconds: 86_400, unit: 'd' },
  { seconds: 3600, unit: 'h' },
  { seconds: 60, unit: 'min' },
];

/**
 * The tree's compact wording (docs/SPEC.md §4): `just now`, `5 min ago`, `2 h ago`, `3 d ago`, `in 2 h`;
 * the local date beyond a year, where "14 mo ago" says less than the date.
 */
export function formatRelative(instant: number, now: number = Date.now()): string {
  const seconds = Math.round((now - instant) / 1000);
  const magnitude = Math.abs(seconds);
  if (magnitude < 60) return 'just now';
  if (magnitude >= 365 * 86_400) return dayjs(instant).format('YYYY-MM-DD');
  const { seconds: size, unit } = RELATIVE_UNITS.find((candidate) => magnitude >= candidate.seconds)!;
  const text = `${Math.floor(magnitude / size)} ${unit}`;
  return seconds > 0 ? `${text} ago` : `in ${text}`;
}

/** How long something has been going on, to the minute: `45 s`, `12 min`, `3 h 12 min`, `2 d 5 h`. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days) return hours ? `${days} d ${hours} h` : `${days} d`;
  if (hours) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/**
 * What a backup that has not finished is doing, from its start to `now`: `running for 3 h 12 min`,
 * `waiting for 5 min`. Undefined for a finished backup, or when its start is unknown.
 */
export function unfinishedText(backup: Pick<Backup, 'status' | 'start'>, now: number): string | undefined {
  if (!isUnfinished(backup.status) || backup.start.instant === undefined) return undefined;
  return `${backup.status === 'waiting' ? 'waiting' : 'running'} for ${formatElapsed(now - backup.start.instant)}`;
}

/** `42.50 %` for the numeric progress the APIs send ("42.50", "60"); anything else as sent. */
export function progressText(progress: string): string {
  const text = progress.trim();
  return /^\d+(\.\d+)?$/.test(text) ? `${text} %` : progress;
}

/** How the panel and the tooltip name the end time of a MySQL incremental backup (seed 002). */
export const LAST_COMMIT_LABEL = 'Last transaction committed';
export const LAST_COMMIT_NOTE =
  'RDS gives the commit time of the last transaction in this incremental backup, not when the backup job ended.';

/**
 * What the error-code table says a code means, in English and Chinese:
 * `The backup or restore timed out. (执行超时。)`. Undefined for a code it does not know.
 */
export function codeExplanation(errorCode: string | undefined): string | undefined {
  const explanation = explain(errorCode);
  return explanation && `${explanation.en} (${explanation.zh})`;
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
