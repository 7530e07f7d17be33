const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Instants as fixed patterns: `YYYY-MM-DD HH:mm:ss`, `M`/`D` without padding, `MMM` for the
 * English short month (the timeline's axis; Chinese writes `M月D日`), `Z` for the zone offset
 * (`+08:00`), `[text]` kept as written; in the machine's zone or in UTC. Numeric wherever a time is
 * read exactly: the same in every display language, unambiguous in an incident ticket.
 */
export function formatTime(instant: number, pattern: string, zone: 'local' | 'utc' = 'local'): string {
  const date = new Date(instant);
  const utc = zone === 'utc';
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = utc ? 0 : -date.getTimezoneOffset();
  const fields: Record<string, () => string> = {
    YYYY: () => String(utc ? date.getUTCFullYear() : date.getFullYear()).padStart(4, '0'),
    MMM: () => MONTHS[utc ? date.getUTCMonth() : date.getMonth()],
    MM: () => two((utc ? date.getUTCMonth() : date.getMonth()) + 1),
    M: () => String((utc ? date.getUTCMonth() : date.getMonth()) + 1),
    DD: () => two(utc ? date.getUTCDate() : date.getDate()),
    D: () => String(utc ? date.getUTCDate() : date.getDate()),
    HH: () => two(utc ? date.getUTCHours() : date.getHours()),
    mm: () => two(utc ? date.getUTCMinutes() : date.getMinutes()),
    ss: () => two(utc ? date.getUTCSeconds() : date.getSeconds()),
    Z: () => `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`,
  };
  return pattern.replace(/\[([^\]]*)]|YYYY|MMM|MM|M|DD|D|HH|mm|ss|Z/g, (token: string, literal: string | undefined) =>
    literal !== undefined ? literal : fields[token](),
  );
}

/** Whether an instant falls on a local midnight (a date without a time of day). */
export function isLocalMidnight(instant: number): boolean {
  const date = new Date(instant);
  return date.getHours() === 0 && date.getMinutes() === 0;
}
