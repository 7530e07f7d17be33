import * as l10n from '@vscode/l10n';
/**
 * Parsing of the times a user types into Filter Backups… and Show Failed Backups…. Pure.
 * Accepted: `2026-11-01`, `2026-11-01 08:00`, `2026-11-01 08:00:30`, `2026-11-01T08:00`, and full ISO
 * 8601 with `Z` or an offset. Values without a zone are local time, as the user reads the clock.
 */

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const ZONED_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

export const timeInputHint = (): string => l10n.t('e.g. 2026-11-01, 2026-11-01 08:00 (local time) or 2026-11-01T08:00:00Z');

/**
 * Epoch ms of the typed time, or undefined when it is not a valid time. A date without a time
 * means the start of that day for `edge: 'start'` and its last millisecond for `edge: 'end'`,
 * so "2026-11-01 to 2026-11-01" covers the whole day.
 */
export function parseTimeInput(text: string, edge: 'start' | 'end'): number | undefined {
  const value = text.trim();
  if (ZONED_PATTERN.test(value)) {
    const instant = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(instant) ? undefined : instant;
  }
  const m = LOCAL_PATTERN.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const [hour, minute, second] = hasTime ? [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)] : edge === 'start' ? [0, 0, 0] : [23, 59, 59];
  const date = new Date(year, month - 1, day, hour, minute, second, !hasTime && edge === 'end' ? 999 : 0);
  // Date rolls 2026-02-30 over into March; reject instead of silently moving the day.
  const exact =
    date.getFullYear() === year &&
    date.getMonth() === month - 1 &&
    date.getDate() === day &&
    date.getHours() === hour &&
    date.getMinutes() === minute &&
    date.getSeconds() === second;
  return exact ? date.getTime() : undefined;
}

/** Validation message for an input box, or undefined when valid. `after` is the start time, when checking an end. */
export function validateTimeInput(text: string, edge: 'start' | 'end', after?: number): string | undefined {
  if (!text.trim())
    return edge === 'start' ? l10n.t('Enter the start time ({0}).', timeInputHint()) : l10n.t('Enter the end time ({0}).', timeInputHint());
  const instant = parseTimeInput(text, edge);
  if (instant === undefined) return l10n.t('"{0}" is not a valid time ({1}).', text.trim(), timeInputHint());
  if (after !== undefined && instant <= after) return l10n.t('The end must be after the start ({0}).', formatTimeInput(after));
  return undefined;
}

/** Local `YYYY-MM-DD HH:mm`, the format the input boxes are pre-filled with. */
export function formatTimeInput(instant: number): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
