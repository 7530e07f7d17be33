import type { InvalidRecord } from './model';

/**
 * One cursor abstraction over the four paging styles of the APIs:
 * offset/limit (RDS, DDS, GES), 1-based start/limit (DCS), page-number offset (ECS) and
 * marker (CSBS). Offset-style cursors count items from 0 whatever the wire format is, so a
 * caller that knows the total can compute every remaining page and fetch them in parallel.
 */
export type PageCursor =
  | { readonly kind: 'offset'; readonly offset: number }
  | { readonly kind: 'marker'; readonly marker: string };

export const FIRST_PAGE: PageCursor = { kind: 'offset', offset: 0 };

export interface PageRequest {
  /** Undefined: the first page. */
  readonly cursor?: PageCursor;
  readonly limit: number;
  readonly signal?: AbortSignal;
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
