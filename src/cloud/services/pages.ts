import * as l10n from '@vscode/l10n';
import type * as z from '../schemas/check';
import { CloudError } from '../http/errors';
import type { EndpointService } from '../model';
import type { Page, PageCursor, PageRequest } from '../paging';
import { parseEnvelope, validateRecords, type ResponseOrigin } from '../schemas/records';
import type { AdapterContext } from './adapter';
import type { JsonResponse, Query } from '../http/json';

/*
 * The one implementation of "fetch a page, validate the envelope, validate each record, apply the
 * client-side filter, work out the next cursor" that all five adapters configure.
 */

/** How an offset-style API numbers its pages on the wire; the cursor always counts items from 0. */
export type OffsetStyle =
  /** `offset` = items to skip (RDS, DDS, GES). */
  | 'offset'
  /** `start` = 1-based position of the first item (DCS). */
  | 'start'
  /** `offset` = 1-based page number (ECS). */
  | 'pageNumber';

export interface ListSpec<E extends z.AnySchema, R extends z.AnySchema, T> {
  readonly service: EndpointService;
  readonly path: string;
  /** Query without paging parameters; undefined values are not sent. */
  readonly query: Query;
  readonly envelope: E;
  /** The record array and total of a validated envelope. May throw for errors reported in a 200 body. */
  readonly read: (
    envelope: z.output<E>,
    response: JsonResponse,
    origin: ResponseOrigin,
  ) => { readonly records: readonly unknown[]; readonly total?: number };
  readonly record: R;
  readonly toModel: (record: z.output<R>, raw: unknown) => T;
  /** Client-side filter; records it rejects count as scanned but are not returned. */
  readonly keep?: (item: T) => boolean;
  /** Keys tried for an invalid record's label. */
  readonly hintKeys?: readonly string[];
  /** Largest limit the API accepts (RDS, DDS: 100). */
  readonly maxLimit?: number;
  /**
   * The total may be the page's own count (DCS `total_num`, docs/api-notes.md): it never ends the
   * list, a full page always offers one more. Elsewhere a total ends it, unless it is smaller than
   * what has been read (then it is no total).
   */
  readonly ambiguousTotal?: boolean;
}

export type OffsetListSpec<E extends z.AnySchema, R extends z.AnySchema, T> = ListSpec<E, R, T> & { readonly style: OffsetStyle };

export function invalidRequest(service: EndpointService, message: string): CloudError {
  return new CloudError(message, { service, code: 'INVALID_REQUEST' });
}

export function emptyPage<T>(): Page<T> {
  return { items: [], invalid: [], total: 0, scanned: 0 };
}

/** One page of an offset, start or page-number paged list. */
export async function fetchOffsetPage<E extends z.AnySchema, R extends z.AnySchema, T>(
  ctx: AdapterContext,
  spec: OffsetListSpec<E, R, T>,
  request: PageRequest,
): Promise<Page<T>> {
  const { limit } = request;
  checkLimit(spec, limit);
  const offset = offsetOf(spec.service, request.cursor);
  // A page-number API can only start at a page boundary: fetch the page holding `offset` and skip into it.
  const skip = spec.style === 'pageNumber' ? offset % limit : 0;
  const paging: Query =
    spec.style === 'offset'
      ? { offset, limit }
      : spec.style === 'start'
        ? { start: offset + 1, limit }
        : { offset: Math.floor(offset / limit) + 1, limit };
  const { records, total } = await fetchRecords(ctx, spec, paging, request.signal);
  const pageRecords = records.slice(skip);
  const consumed = offset + pageRecords.length;
  // A total smaller than what was read is no total. An ambiguous one can say there is more, never
  // that the list ended. Without a total to go by, a full page offers one more and an empty next
  // page ends the list cleanly.
  const knownTotal = total !== undefined && total >= consumed ? total : undefined;
  const fullPage = records.length >= limit;
  const more =
    pageRecords.length > 0 &&
    (spec.ambiguousTotal
      ? (knownTotal !== undefined && consumed < knownTotal) || fullPage
      : knownTotal !== undefined
        ? consumed < knownTotal
        : fullPage);
  return buildPage(spec, pageRecords, more ? { kind: 'offset', offset: consumed } : undefined, total);
}

/**
 * One page of a marker-paged list (CSBS): the marker is the id of the last record received.
 * A full page means there may be more; the total is unknown.
 */
export async function fetchMarkerPage<E extends z.AnySchema, R extends z.AnySchema, T>(
  ctx: AdapterContext,
  spec: ListSpec<E, R, T>,
  request: PageRequest,
): Promise<Page<T>> {
  checkLimit(spec, request.limit);
  const cursor = request.cursor;
  if (cursor && cursor.kind !== 'marker' && cursor.offset !== 0) {
    throw invalidRequest(spec.service, l10n.t('{0} pages by marker; an item offset cannot be resumed.', spec.service.toUpperCase()));
  }
  const marker = cursor?.kind === 'marker' ? cursor.marker : undefined;
  const { records } = await fetchRecords(ctx, spec, { limit: request.limit, marker }, request.signal);
  const nextMarker = records.length >= request.limit ? lastId(records) : undefined;
  return buildPage(
    spec,
    records,
    nextMarker !== undefined && nextMarker !== marker ? { kind: 'marker', marker: nextMarker } : undefined,
    undefined,
  );
}

async function fetchRecords<E extends z.AnySchema, R extends z.AnySchema, T>(
  ctx: AdapterContext,
  spec: ListSpec<E, R, T>,
  paging: Query,
  signal: AbortSignal | undefined,
) {
  const response = await ctx.get(spec.service, spec.path, { ...spec.query, ...paging }, signal);
  const origin: ResponseOrigin = { service: spec.service, request: `GET ${spec.path}` };
  return spec.read(parseEnvelope(spec.envelope, response, origin), response, origin);
}

function buildPage<E extends z.AnySchema, R extends z.AnySchema, T>(
  spec: ListSpec<E, R, T>,
  records: readonly unknown[],
  next: PageCursor | undefined,
  total: number | undefined,
): Page<T> {
  const { items, invalid } = validateRecords(records, spec.record, spec.toModel, spec.hintKeys);
  return { items: spec.keep ? items.filter(spec.keep) : items, invalid, next, total, scanned: records.length };
}

function checkLimit(spec: { readonly service: EndpointService; readonly maxLimit?: number }, limit: number): void {
  const max = spec.maxLimit ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    const service = spec.service.toUpperCase();
    const message = spec.maxLimit
      ? l10n.t('{0} page size must be an integer from 1 to {1}; got {2}.', service, spec.maxLimit, limit)
      : l10n.t('{0} page size must be an integer of at least 1; got {1}.', service, limit);
    throw invalidRequest(spec.service, message);
  }
}

function offsetOf(service: EndpointService, cursor: PageCursor | undefined): number {
  if (!cursor) return 0;
  if (cursor.kind !== 'offset') {
    throw invalidRequest(service, l10n.t('{0} pages by offset; a marker cursor cannot be used.', service.toUpperCase()));
  }
  if (!Number.isInteger(cursor.offset) || cursor.offset < 0)
    throw invalidRequest(service, l10n.t('Page offset must be a non-negative integer; got {0}.', cursor.offset));
  return cursor.offset;
}

/** The id of the last record that has one (a malformed last record must not end the list). */
function lastId(records: readonly unknown[]): string | undefined {
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    if (record && typeof record === 'object') {
      const entry = Object.entries(record).find(([key]) => key.trim() === 'id');
      if (typeof entry?.[1] === 'string' && entry[1].trim() !== '') return entry[1].trim();
    }
  }
  return undefined;
}
