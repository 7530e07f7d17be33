import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** `2026-11-21 14:02:11 (UTC+08:00)` in the machine's zone. */
export function localTime(instant: number): string {
  return dayjs(instant).format('YYYY-MM-DD HH:mm:ss [(UTC]Z[)]');
}

/** `2026-11-21 06:02:11 UTC`. */
export function utcTime(instant: number): string {
  return dayjs.utc(instant).format('YYYY-MM-DD HH:mm:ss [UTC]');
}

/** Clock time only, for "fetched 14:02:11". */
export function clockTime(instant: number): string {
  return dayjs(instant).format('HH:mm:ss');
}

/** `1 h 2 min 3 s`, `54 s`, `0 s`. */
export function formatDuration(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const parts: string[] = [];
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (seconds || parts.length === 0) parts.push(`${seconds} s`);
  return (ms < 0 ? '−' : '') + parts.join(' ');
}
