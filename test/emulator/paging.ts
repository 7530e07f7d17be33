/** Selecting and slicing record lists, shared by every service's handler. */
import type { RawRecord, RecordList } from './data/model';

export type RecordFilter = (record: RawRecord) => boolean;

/** The list itself when nothing filters it (so paging a generated list stays O(page)); the matches otherwise. */
export function select(list: RecordList, filters: readonly (RecordFilter | undefined)[]): RecordList {
  const active = filters.filter((f): f is RecordFilter => f !== undefined);
  if (active.length === 0) return list;
  const out: RawRecord[] = [];
  for (let i = 0; i < list.length; i++) {
    const record = list.at(i)!;
    if (active.every((keep) => keep(record))) out.push(record);
  }
  return out;
}

/** Records [start, start + count) of the list. */
export function slice(list: RecordList, start: number, count: number): RawRecord[] {
  const out: RawRecord[] = [];
  for (let i = start; i < Math.min(list.length, start + count); i++) out.push(list.at(i)!);
  return out;
}

/**
 * Several instances' lists merged newest first (project-wide listings). Records whose time cannot be
 * read go last, in their original order.
 */
export function mergeNewestFirst(lists: Iterable<RecordList>, timeOf: (record: RawRecord) => number | undefined): RawRecord[] {
  const all: Array<{ record: RawRecord; time: number; order: number }> = [];
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const record = list.at(i)!;
      all.push({ record, time: timeOf(record) ?? -Infinity, order: all.length });
    }
  }
  all.sort((a, b) => (b.time === a.time ? a.order - b.order : b.time > a.time ? 1 : -1));
  return all.map((entry) => entry.record);
}

/** Keeps records whose time lies in [from, to]; records without a readable time are dropped. */
export function inTimeRange(range: { from: number; to: number } | undefined, timeOf: (record: RawRecord) => number | undefined): RecordFilter | undefined {
  if (!range) return undefined;
  return (record) => {
    const t = timeOf(record);
    return t !== undefined && t >= range.from && t <= range.to;
  };
}

/** Keeps records whose `field` equals `value` (undefined value: no filter). */
export function fieldEquals(field: string, value: string | undefined): RecordFilter | undefined {
  return value === undefined ? undefined : (record) => record[field] === value;
}

/** Finds an instance record by its id field; undefined when absent. */
export function findById(list: RecordList, idField: string, id: string): RawRecord | undefined {
  for (let i = 0; i < list.length; i++) {
    const record = list.at(i)!;
    if (record[idField] === id) return record;
  }
  return undefined;
}
