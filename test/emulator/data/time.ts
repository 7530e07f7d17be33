/** The time formats each API writes in its records (seeds 000–004). */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parts(ms: number, offsetMinutes = 0) {
  const d = new Date(ms + offsetMinutes * 60_000);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    millis: d.getUTCMilliseconds(),
  };
}

/** RDS: `2018-08-06T12:41:14+0800` (written in Beijing time, like the console does). */
export function rdsTime(ms: number): string {
  const p = parts(ms, 480);
  return `${p.date}T${p.time}+0800`;
}

/** DDS: `2018-08-06 12:41:14`, UTC. */
export function ddsTime(ms: number): string {
  const p = parts(ms);
  return `${p.date} ${p.time}`;
}

/** DCS: `2018-04-15T22:00:00.780Z`. */
export function dcsTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** GES: `2021-06-08T13:55:13` (UTC, no zone); the record also carries epoch-ms timestamps. */
export function gesTime(ms: number): string {
  const p = parts(ms);
  return `${p.date}T${p.time}`;
}

/** CSBS: `2017-04-18T01:21:52.701973` (UTC, microseconds, no zone). */
export function csbsTime(ms: number): string {
  const p = parts(ms);
  return `${p.date}T${p.time}.${pad(p.millis, 3)}${pad((ms * 7) % 1000, 3)}`;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
