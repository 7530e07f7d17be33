import { forEachConcurrently } from './concurrency';
import type { InvalidRecord } from './model';

/**
 * The paging engine: one cursor abstraction, and the three ways the extension walks a list (the
 * pages left to fetch, a bounded scan for matches, and Load All). Every list in the extension, the
 * tree's PagedList, export, scans and the panels, pages through these.
 *
 * One cursor abstraction over the four paging styles of the APIs:
 * offset/limit (RDS, DDS, GES), 1-based start/limit (DCS), page-number offset (ECS) and
 * marker (CSBS). Offset-style cursors count items from 0 whatever the wire format is, so a
 * caller that knows the total can compute every remaining page and fetch them in parallel.
 */
export type PageCursor = { readonly kind: 'offset'; readonly offset: number } | { readonly kind: 'marker'; readonly marker: string };

export const FIRST_PAGE: PageCursor = { kind: 'offset', offset: 0 };

export interface PageRequest {
  /** Undefined: the first page. */
  readonly cursor?: PageCursor;
  readonly limit: number;
  readonly signal?: AbortSignal;
  /** The caller never reads `total`: an API that costs a request for it (CSBS's count) is not asked. */
  readonly skipTotal?: boolean;
}

export interface Page<T> {
  /** Valid records that match the request (and its client-side filter), in API order. */
  readonly items: readonly T[];
  /** Records the schema rejected; their siblings are still in `items`. */
  readonly invalid: readonly InvalidRecord[];
  /** Cursor of the next page; undefined when the list has ended. */
  readonly next?: PageCursor;
  /** Total number of records on the server for this query, when the API says. */
  readonly total?: number;
  /** Raw records examined for this page (before client-side filtering). */
  readonly scanned: number;
}

/**
 * The cursors of every page after `first`, for offset paging with a known total, so the caller can
 * fetch them in parallel (Load All, export). Undefined when that cannot be known up front (marker
 * paging, unknown total); an empty list when the list has already ended.
 */
export function remainingCursors(first: Page<unknown>, limit: number): PageCursor[] | undefined {
  const next = first.next;
  if (!next) return [];
  if (next.kind !== 'offset' || first.total === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Page size must be a positive integer; got ${limit}`);
  const cursors: PageCursor[] = [];
  for (let offset = next.offset; offset < first.total; offset += limit) cursors.push({ kind: 'offset', offset });
  return cursors;
}

/**
 * Fetches pages from `start` until it holds `want` items, the list ends, or `maxScan` raw records
 * have been examined, and merges them. Used where a client-side filter thins pages out: the result
 * says how far it scanned (`scanned`) and where to resume (`next`). Invalid records are kept, their
 * `index` counted from the first record scanned.
 */
export async function fetchMatching<T>(
  fetchPage: (cursor: PageCursor | undefined) => Promise<Page<T>>,
  start: PageCursor | undefined,
  want: number,
  maxScan: number,
  onProgress?: (scanned: number) => void,
): Promise<Page<T>> {
  const items: T[] = [];
  const invalid: InvalidRecord[] = [];
  let scanned = 0;
  let cursor = start;
  let total: number | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    invalid.push(...page.invalid.map((record) => ({ ...record, index: record.index + scanned })));
    scanned += page.scanned;
    total = page.total;
    cursor = page.next;
    onProgress?.(scanned);
    // A page that examined nothing cannot move the scan forward; stop rather than loop.
    if (page.scanned === 0) break;
  } while (cursor && items.length < want && scanned < maxScan);
  return { items, invalid, next: cursor, total, scanned };
}

export interface FetchRemainingOptions<T> {
  /** Where the list goes on; undefined when it has ended. */
  readonly next: PageCursor | undefined;
  /** Total on the server when the API says. */
  readonly total: number | undefined;
  readonly pageSize: number;
  /** Pages fetched at once when the remaining pages are known up front. */
  readonly concurrency: number;
  /** One page after another even when they could be known up front (a client-side filter thins pages out). */
  readonly sequential?: boolean;
  /** Raw records to fetch at most, counted from `next` (export's bound). */
  readonly maxRecords?: number;
  readonly fetchPage: (cursor: PageCursor) => Promise<Page<T>>;
  /** Each page, in list order, as soon as the pages before it have been handed over. */
  readonly onPage: (page: Page<T>) => void;
  readonly signal?: AbortSignal;
}

/**
 * Load All: fetches every page after `next` and hands them over in list order, so what the caller
 * holds is always a prefix of the list. With offset paging and a known total the remaining pages
 * are fetched `concurrency` at a time; otherwise (marker paging, unknown total, `sequential`) one
 * after another. The first failure stops it (the pages before it are handed over) and is thrown;
 * an abort just stops. Resolves with `cut`: the bound stopped it before the list ended.
 */
export async function fetchRemaining<T>(options: FetchRemainingOptions<T>): Promise<{ readonly cut: boolean }> {
  const { next, signal } = options;
  const maxRecords = options.maxRecords ?? Infinity;
  const cursors =
    next && !options.sequential
      ? remainingCursors({ items: [], invalid: [], next, total: options.total, scanned: 0 }, options.pageSize)
      : undefined;
  let cursor = next;
  let scanned = 0;
  if (cursors) {
    const start = next?.kind === 'offset' ? next.offset : 0;
    const allowed = cursors.filter((candidate) => candidate.kind === 'offset' && candidate.offset - start < maxRecords);
    const arrived = new Map<number, Page<T>>();
    let nextToHand = 0;
    await forEachConcurrently(
      allowed.map((page, position) => ({ page, position })),
      options.concurrency,
      async ({ page: pageCursor, position }) => {
        arrived.set(position, await options.fetchPage(pageCursor));
        for (let page = arrived.get(nextToHand); page && !signal?.aborted; page = arrived.get(nextToHand)) {
          arrived.delete(nextToHand++);
          options.onPage(page);
          scanned += page.scanned;
          cursor = page.next;
        }
      },
      signal,
    );
    if (allowed.length < cursors.length) return { cut: true };
    // A total is not trusted to end the list (docs/api-notes.md: DCS total_num): whatever the last
    // page says comes next is fetched one page at a time below.
  }
  while (cursor && !signal?.aborted && scanned < maxRecords) {
    const page = await options.fetchPage(cursor);
    if (signal?.aborted) break;
    options.onPage(page);
    scanned += page.scanned;
    cursor = page.next;
    // A page that examined nothing cannot move the list forward; stop rather than loop.
    if (page.scanned === 0) break;
  }
  return { cut: cursor !== undefined && !signal?.aborted && scanned >= maxRecords };
}
