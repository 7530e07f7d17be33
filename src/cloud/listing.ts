import type { InvalidRecord } from './model';
import type { Page, PageCursor } from './paging';

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
