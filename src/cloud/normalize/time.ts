import { formatTime } from '../timeFormat';
import { isUnfinished, type NormalizedStatus, type TimeValue } from '../model';

/**
 * Calendar date and time with an optional fraction and zone. Whitespace is tolerated around
 * every separator because the RDS PostgreSQL sample sends `2018 - 08 - 06 T12: 41: 14 + 0800`.
 * The zone is `Z`, `+hhmm`, `+hh:mm` or absent; absent means UTC (DDS documents its
 * `yyyy-mm-dd hh:mm:ss` as UTC, and GES `startTime` equals its `startTimestamp` read as UTC).
 */
const CALENDAR_DATE = String.raw`(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})`;
const CALENDAR_CLOCK = String.raw`(\d{1,2})\s*:\s*(\d{1,2})(?:\s*:\s*(\d{1,2})(?:[.,](\d+))?)?`;
const CALENDAR_ZONE = String.raw`(Z|[+-]\s*\d{2}\s*:?\s*\d{2})?`;
const CALENDAR_TIME = new RegExp(String.raw`^${CALENDAR_DATE}\s*(?:T|\s)\s*${CALENDAR_CLOCK}\s*${CALENDAR_ZONE}$`, 'i');

/** The DCS request format `yyyyMMddHHmmss`, in case a response ever echoes it. UTC. */
const COMPACT_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** Epoch values: 13 digits are milliseconds (GES), 10 digits seconds. */
const EPOCH_MS_MIN = 1e11;
const EPOCH_S_MIN = 1e9;

/**
 * Reads any time format the five APIs send (docs/SPEC.md §5, seeds 000–004) into an instant.
 * Unparseable values keep only `raw`, so the UI shows them as received; empty values give `{}`.
 */
export function parseApiTime(raw: unknown): TimeValue {
  if (typeof raw === 'number') {
    const instant = epochToMs(raw);
    return instant === undefined ? { raw } : { instant, raw };
  }
  if (typeof raw !== 'string') return {};
  const text = raw.trim();
  if (text === '') return {};
  const instant = /^\d+$/.test(text) && text.length !== 14 ? epochToMs(Number(text)) : parseCalendar(text);
  return instant === undefined ? { raw } : { instant, raw };
}

/**
 * The end time of a backup in `status`: the parsed value once it has finished, nothing while it
 * runs or waits (DCS then sends its last update as `updated_at`, RDS repeats `begin_time`).
 */
export function endTimeOf(status: NormalizedStatus, raw: unknown): TimeValue {
  return isUnfinished(status) ? {} : parseApiTime(raw);
}

function epochToMs(value: number): number | undefined {
  if (!Number.isFinite(value) || value < EPOCH_S_MIN) return undefined;
  return value >= EPOCH_MS_MIN ? Math.trunc(value) : Math.trunc(value * 1000);
}

function parseCalendar(text: string): number | undefined {
  const compact = COMPACT_TIME.exec(text);
  if (compact) {
    const [, y, mo, d, h, mi, s] = compact;
    return utcInstant(+y, +mo, +d, +h, +mi, +s, 0, 0);
  }
  const match = CALENDAR_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone = 'Z'] = match;
  const ms = fraction === '' ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  const offsetMinutes = zoneOffsetMinutes(zone.replace(/\s+/g, ''));
  if (offsetMinutes === undefined) return undefined;
  return utcInstant(+y, +mo, +d, +h, +mi, +s, ms, offsetMinutes);
}

function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone.toUpperCase() === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!match) return undefined;
  const hours = +match[2];
  const minutes = +match[3];
  if (hours > 14 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Date.UTC silently rolls 2018-02-31 over to March; reject fields out of range instead. */
function utcInstant(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offsetMinutes: number,
): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000;
}

/*
 * Request-side formats for the server-side time filters. All are sent in UTC: the RDS and CSBS
 * formats carry the zone, DDS documents UTC, and the DCS page names no zone while its responses
 * are all UTC (`…Z`), so UTC is the only reading that round-trips.
 */

/** RDS `begin_time`/`end_time`: `yyyy-mm-ddThh:mm:ss+0000`. */
export function formatRdsTime(instant: number): string {
  return formatTime(instant, 'YYYY-MM-DD[T]HH:mm:ss[+0000]', 'utc');
}

/**
 * DDS `begin_time`/`end_time`: `yyyy-mm-dd hh:mm:ss` UTC. The page documents end_time as
 * `yyyy-mm-ddThh:mm:ssZ` in one line, but its own request sample (and begin_time) use this format
 * for both, and the two must be comparable.
 */
export function formatDdsTime(instant: number): string {
  return formatTime(instant, 'YYYY-MM-DD HH:mm:ss', 'utc');
}

/** DCS `beginTime`/`endTime`: `yyyyMMddHHmmss`, UTC (see above). */
export function formatDcsTime(instant: number): string {
  return formatTime(instant, 'YYYYMMDDHHmmss', 'utc');
}

/**
 * CSBS `start_time`/`end_time`: seed 004 gives no format; CSBS writes `created_at` as a zone-less
 * ISO date-time in UTC, so the filter uses the same form.
 */
export function formatCsbsTime(instant: number): string {
  return formatTime(instant, 'YYYY-MM-DD[T]HH:mm:ss', 'utc');
}
