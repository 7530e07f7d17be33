import { durationUnit } from '../../cloud/format';
import { formatTime } from '../../cloud/timeFormat';

/** `2026-11-21 14:02:11 (UTC+08:00)` in the machine's zone: numeric, so the same in every language. */
export function localTime(instant: number): string {
  return formatTime(instant, 'YYYY-MM-DD HH:mm:ss [(UTC]Z[)]');
}

/** `2026-11-21 06:02:11 UTC`. */
export function utcTime(instant: number): string {
  return formatTime(instant, 'YYYY-MM-DD HH:mm:ss [UTC]', 'utc');
}

/** Clock time only, for "fetched 14:02:11". */
export function clockTime(instant: number): string {
  return formatTime(instant, 'HH:mm:ss');
}

/** `1 h 2 min 3 s`, `54 s`, `0 s` (`1 小时 2 分钟 3 秒` in Chinese). */
export function formatDuration(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const parts: string[] = [];
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days) parts.push(durationUnit(days, 'd'));
  if (hours) parts.push(durationUnit(hours, 'h'));
  if (minutes) parts.push(durationUnit(minutes, 'min'));
  if (seconds || parts.length === 0) parts.push(durationUnit(seconds, 's'));
  return (ms < 0 ? '−' : '') + parts.join(' ');
}
