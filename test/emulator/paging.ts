/** Selecting and slicing record lists, shared by every service's handler. */
import { GeneratedList, type RawRecord, type RecordList } from './data/model';

export type RecordFilter = (record: RawRecord) => boolean;

/** Records of `source` at the given indices, built only when asked for. */
class IndexedView implements RecordList {
  constructor(
    private readonly source: (list: number, index: number) => RawRecord,
    private readonly lists: Int32Array,
    private readonly indices: Int32Array,
  ) {}

  get length(): number {
    return this.indices.length;
  }

  at(i: number): RawRecord | undefined {
    return i >= 0 && i < this.indices.length ? this.source(this.lists[i], this.indices[i]) : undefined;
  }
}

/**
 * Generated lists never change, so what a filter or merge found in one is remembered (as indices,
 * not records) for the next page of the same query. Editable arrays are never cached.
 */
const viewCache = new WeakMap<object, Map<string, RecordList>>();
const MAX_VIEWS_PER_SOURCE = 32;

function cached(owner: object | undefined, key: string, compute: () => RecordList): RecordList {
  if (!owner) return compute();
  const views = viewCache.get(owner) ?? new Map<string, RecordList>();
  viewCache.set(owner, views);
  let view = views.get(key);
  if (!view) {
    if (views.size >= MAX_VIEWS_PER_SOURCE) views.clear();
    view = compute();
    views.set(key, view);
  }
  return view;
}

/**
 * The list itself when nothing filters it (so paging a generated list stays O(page)); the matches
 * otherwise. `queryKey` identifies the filter (the request's non-paging parameters).
 */
export function select(list: RecordList, filters: readonly (RecordFilter | undefined)[], queryKey: string): RecordList {
  const active = filters.filter((f): f is RecordFilter => f !== undefined);
  if (active.length === 0) return list;
  const filter = () => {
    const matches: number[] = [];
    for (let i = 0; i < list.length; i++) {
      const record = list.at(i)!;
      if (active.every((keep) => keep(record))) matches.push(i);
    }
    return matches;
  };
  if (!(list instanceof GeneratedList)) return filter().map((i) => list.at(i)!);
  return cached(list, queryKey, () => {
    const indices = Int32Array.from(filter());
    return new IndexedView((_, i) => list.at(i)!, new Int32Array(indices.length), indices);
  });
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
export function mergeNewestFirst(byInstance: Map<string, RecordList>, timeOf: (record: RawRecord) => number | undefined): RecordList {
  const lists = [...byInstance.values()];
  const merge = () => {
    const all: Array<{ list: number; index: number; time: number; order: number }> = [];
    lists.forEach((list, l) => {
      for (let i = 0; i < list.length; i++) all.push({ list: l, index: i, time: timeOf(list.at(i)!) ?? -Infinity, order: all.length });
    });
    all.sort((a, b) => (b.time === a.time ? a.order - b.order : b.time > a.time ? 1 : -1));
    return new IndexedView(
      (l, i) => lists[l].at(i)!,
      Int32Array.from(all, (e) => e.list),
      Int32Array.from(all, (e) => e.index),
    );
  };
  if (!lists.every((list) => list instanceof GeneratedList)) return merge();
  // Keyed by the map and its lists, so replacing an instance's list invalidates the merge.
  return cached(byInstance, lists.map((list) => list.length).join(',') + '|' + [...byInstance.keys()].join(','), merge);
}

/** Keeps records whose time lies in [from, to]; records without a readable time are dropped. */
export function inTimeRange(
  range: { from: number; to: number } | undefined,
  timeOf: (record: RawRecord) => number | undefined,
): RecordFilter | undefined {
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

/**
 * Keeps the record whose id is `value`, wherever its key has stray spaces (the RDS SQL Server sample
 * keys it `"id "`), as the service finds it by `backup_id` (undefined value: no filter).
 */
export function idEquals(value: string | undefined): RecordFilter | undefined {
  return value === undefined ? undefined : (record) => Object.entries(record).some(([key, id]) => key.trim() === 'id' && id === value);
}

/** Keeps records whose `name` contains `part`, as the services' name filters do (undefined part: no filter). */
export function nameContains(part: string | undefined): RecordFilter | undefined {
  return part === undefined ? undefined : (record) => typeof record.name === 'string' && record.name.includes(part);
}

/** Finds an instance record by its id field; undefined when absent. */
export function findById(list: RecordList, idField: string, id: string): RawRecord | undefined {
  for (let i = 0; i < list.length; i++) {
    const record = list.at(i)!;
    if (record[idField] === id) return record;
  }
  return undefined;
}
