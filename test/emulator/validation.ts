/**
 * Query-parameter rules shared by every service. Each rule that fails throws the service's own 400
 * (ErrorStyle), with a message naming the parameter and what it expected.
 */
import type { ErrorStyle } from './http';

export interface IntRule {
  readonly min: number;
  readonly max?: number;
  readonly fallback: number;
}

/** Parses a time parameter into epoch ms; undefined when the value is not in the format. */
export type TimeParser = (raw: string) => number | undefined;

export interface TimeFormat {
  readonly label: string;
  readonly parse: TimeParser;
}

export interface TimeRangeRule {
  readonly begin: string;
  readonly end: string;
  readonly beginFormat: TimeFormat;
  readonly endFormat: TimeFormat;
  /** RDS and DDS: one without the other is a 400. */
  readonly bothOrNeither: boolean;
}

export class QueryReader {
  constructor(
    private readonly query: URLSearchParams,
    private readonly errors: ErrorStyle,
  ) {}

  /** Identifies the query's filter: every parameter except the paging ones, in a stable order. */
  filterKey(...pagingParameters: string[]): string {
    const pairs = [...this.query.entries()].filter(([name]) => !pagingParameters.includes(name));
    return JSON.stringify(pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** The value, or undefined when absent or empty. A repeated parameter is a 400. */
  string(name: string): string | undefined {
    const values = this.query.getAll(name);
    if (values.length > 1) throw this.errors.badRequest(`Parameter ${name} must be given at most once.`);
    return values[0] === undefined || values[0] === '' ? undefined : values[0];
  }

  int(name: string, rule: IntRule): number {
    const raw = this.string(name);
    if (raw === undefined) return rule.fallback;
    const range = rule.max === undefined ? `an integer >= ${rule.min}` : `an integer from ${rule.min} to ${rule.max}`;
    if (!/^-?\d{1,15}$/.test(raw)) throw this.errors.badRequest(`Invalid parameter ${name}: "${raw}" is not ${range}.`);
    const value = Number(raw);
    if (value < rule.min || (rule.max !== undefined && value > rule.max)) {
      throw this.errors.badRequest(`Invalid parameter ${name}: ${value} is out of range, expected ${range}.`);
    }
    return value;
  }

  /** One of `allowed`; returns the allowed spelling. */
  oneOf<T extends string>(name: string, allowed: readonly T[], options: { caseInsensitive?: boolean } = {}): T | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const match = allowed.find((value) => (options.caseInsensitive ? value.toLowerCase() === raw.toLowerCase() : value === raw));
    if (!match) throw this.errors.badRequest(`Invalid parameter ${name}: "${raw}" is not one of ${allowed.join(', ')}.`);
    return match;
  }

  boolean(name: string): boolean | undefined {
    const value = this.oneOf(name, ['true', 'false'] as const, { caseInsensitive: true });
    return value === undefined ? undefined : value === 'true';
  }

  time(name: string, format: TimeFormat): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const ms = format.parse(raw);
    if (ms === undefined) throw this.errors.badRequest(`Invalid parameter ${name}: "${raw}" is not in the format ${format.label}.`);
    return ms;
  }

  /** Inclusive [from, to] in epoch ms; either end may be open unless `bothOrNeither`. End must be after begin. */
  timeRange(rule: TimeRangeRule): { from: number; to: number } | undefined {
    const from = this.time(rule.begin, rule.beginFormat);
    const to = this.time(rule.end, rule.endFormat);
    if (from === undefined && to === undefined) return undefined;
    if (rule.bothOrNeither && (from === undefined || to === undefined)) {
      throw this.errors.badRequest(`Parameters ${rule.begin} and ${rule.end} must be given together.`);
    }
    if (from !== undefined && to !== undefined && to <= from) {
      throw this.errors.badRequest(`Invalid parameter ${rule.end}: it must be later than ${rule.begin}.`);
    }
    return { from: from ?? -Infinity, to: to ?? Infinity };
  }
}

function utc(y: string, mo: string, d: string, h: string, mi: string, s: string): number | undefined {
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  const back = new Date(ms);
  // Reject calendar overflow such as 2024-02-31 or 25:00:00.
  return back.getUTCMonth() === +mo - 1 && back.getUTCDate() === +d && back.getUTCHours() === +h && +mi < 60 && +s < 60 ? ms : undefined;
}

/** `yyyy-mm-ddThh:mm:ss+0800` (RDS; DDS end_time as its table documents it). */
export const OFFSET_TIME: TimeFormat = {
  label: 'yyyy-mm-ddThh:mm:ssZ with a zone offset such as +0800',
  parse(raw) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2})(\d{2})$/.exec(raw);
    if (!m) return undefined;
    const local = utc(m[1], m[2], m[3], m[4], m[5], m[6]);
    if (local === undefined || +m[8] > 14 || +m[9] > 59) return undefined;
    const offset = (m[7] === '+' ? 1 : -1) * (+m[8] * 60 + +m[9]) * 60_000;
    return local - offset;
  },
};

/** `yyyy-mm-dd hh:mm:ss`, UTC (DDS). */
export const SPACED_UTC_TIME: TimeFormat = {
  label: 'yyyy-mm-dd hh:mm:ss (UTC)',
  parse(raw) {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(raw);
    return m ? utc(m[1], m[2], m[3], m[4], m[5], m[6]) : undefined;
  },
};

/** `yyyyMMddHHmmss` (DCS), read as UTC. */
export const COMPACT_TIME: TimeFormat = {
  label: 'yyyyMMddHHmmss',
  parse(raw) {
    const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(raw);
    return m ? utc(m[1], m[2], m[3], m[4], m[5], m[6]) : undefined;
  },
};

/** `2017-04-18T01:21:52.701973` (CSBS), UTC; fraction and a trailing Z optional. */
export const ISO_LOCAL_TIME: TimeFormat = {
  label: 'yyyy-mm-ddThh:mm:ss[.ffffff] (UTC)',
  parse(raw) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?Z?$/.exec(raw);
    if (!m) return undefined;
    const ms = utc(m[1], m[2], m[3], m[4], m[5], m[6]);
    return ms === undefined ? undefined : ms + Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  },
};

/** Either format, for parameters whose documentation contradicts itself (DDS end_time). */
export function eitherFormat(a: TimeFormat, b: TimeFormat): TimeFormat {
  return { label: `${a.label} or ${b.label}`, parse: (raw) => a.parse(raw) ?? b.parse(raw) };
}
