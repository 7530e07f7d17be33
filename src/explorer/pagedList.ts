import type { InvalidRecord } from '../cloud/model';
import { fetchMatching, fetchRemaining, type Page, type PageCursor } from '../cloud/paging';

/**
 * The paging state of one lazily loaded list (a service's instances or an instance's backups),
 * kept free of `vscode` so it can be tested and benchmarked on its own. The tree nodes only read it.
 *
 * Rules it keeps:
 * - one request per page: concurrent calls join the load already running instead of fetching
 *   the same page again;
 * - pages stay loaded until the list is thrown away (refresh creates a new list);
 * - a failure keeps everything loaded so far and is retried by the next `loadMore()`;
 * - cancellation is not a failure.
 */

export type FetchPage<T> = (cursor: PageCursor | undefined, signal: AbortSignal) => Promise<Page<T>>;

export interface PagedListOptions<T> {
  readonly fetchPage: FetchPage<T>;
  /** Records per request, as sent in `limit`. */
  readonly pageSize: number;
  /** Stable identity; a record seen on an earlier page (the list shifted between requests) is skipped. */
  readonly keyOf: (item: T) => string;
  /**
   * Set when a filter is active: one "page" is then `pageSize` matches, scanning at most
   * `maxScanPerLoad` raw records per load. Where the server applied the whole filter, the first
   * full page already holds `pageSize` matches, so this costs no extra request.
   */
  readonly clientFilter?: { readonly maxScanPerLoad: number };
  /** A filter applies to this list (on the server, here, or both): an empty list means "no matches". */
  readonly filtered?: boolean;
  /**
   * Called when the list changes, for live descriptions: while a client-side filter scans, and
   * once a load has ended (its pages applied, or it failed) and no longer counts as running, so
   * a redraw never shows a finished load as still loading. Load All reports its pages through
   * its own `onProgress`.
   */
  readonly onProgress?: () => void;
}

/** An invalid record and where it sits among the valid items: it shows before `items[before]`. */
export interface InvalidEntry {
  readonly before: number;
  /** Sequence number of the load that returned it (with `record.index`, a stable key). */
  readonly page: number;
  readonly record: InvalidRecord;
}

export type LoadKind = 'first' | 'more' | 'all';

export interface LoadAllOptions {
  /** Pages fetched at once when the cursors of the remaining pages are known (offset paging). */
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  /** After each applied page: records loaded so far and the total when known. */
  readonly onProgress?: (loaded: number, total: number | undefined) => void;
}

/** What the tree reads of a list to describe it, whatever its record type. */
export interface ListState {
  readonly items: readonly unknown[];
  readonly invalid: readonly InvalidEntry[];
  readonly started: boolean;
  readonly hasMore: boolean;
  readonly total: number | undefined;
  readonly scanned: number;
  readonly filteredOut: number;
  readonly pageSize: number;
  readonly filtersClientSide: boolean;
  readonly filtered: boolean;
  readonly error: unknown;
  readonly loading: LoadKind | undefined;
  readonly scanning: { readonly scanned: number; readonly matches: number } | undefined;
}

export class PagedList<T> implements ListState {
  private readonly loadedItems: T[] = [];
  private readonly invalidEntries: InvalidEntry[] = [];
  private readonly seenKeys = new Set<string>();
  private nextCursor: PageCursor | undefined;
  private pagesApplied = 0;
  private scannedCount = 0;
  private filteredOutCount = 0;
  private totalCount: number | undefined;
  private lastError: unknown;
  private running: { readonly kind: LoadKind; readonly promise: Promise<void> } | undefined;
  private scanProgress: { scanned: number; matches: number } | undefined;
  private readonly lifetime = new AbortController();

  constructor(private readonly options: PagedListOptions<T>) {}

  get items(): readonly T[] {
    return this.loadedItems;
  }
  get invalid(): readonly InvalidEntry[] {
    return this.invalidEntries;
  }
  /** The first page has arrived. */
  get started(): boolean {
    return this.pagesApplied > 0;
  }
  /** More records exist on the server beyond what is loaded. */
  get hasMore(): boolean {
    return this.started && this.nextCursor !== undefined;
  }
  get next(): PageCursor | undefined {
    return this.nextCursor;
  }
  /** Total on the server for this query, when the API says. With a client-side filter: raw records, not matches. */
  get total(): number | undefined {
    return this.totalCount;
  }
  /** Raw records examined so far (valid, invalid and filtered out). */
  get scanned(): number {
    return this.scannedCount;
  }
  /** Raw records a client-side filter left out so far. */
  get filteredOut(): number {
    return this.filteredOutCount;
  }
  get pageSize(): number {
    return this.options.pageSize;
  }
  get filtersClientSide(): boolean {
    return this.options.clientFilter !== undefined;
  }
  get filtered(): boolean {
    return this.options.filtered ?? this.options.clientFilter !== undefined;
  }
  /** Pages applied so far, each the answer to one load (a Load All counts each of its pages). */
  get pagesLoaded(): number {
    return this.pagesApplied;
  }
  /** The last load's failure, until the next load starts. */
  get error(): unknown {
    return this.lastError;
  }
  get loading(): LoadKind | undefined {
    return this.running?.kind;
  }
  /** While a client-side filter scans: raw records scanned and matches found, including what is already loaded. */
  get scanning(): { readonly scanned: number; readonly matches: number } | undefined {
    return this.scanProgress;
  }
  get disposed(): boolean {
    return this.lifetime.signal.aborted;
  }

  /**
   * Loads the first page unless it is loaded, loading, or failed (a failure waits for an explicit
   * `loadMore()`, so redrawing an error never fires requests by itself). Never rejects: see `error`.
   * Once the first page is in, it resolves at once even while later pages load: the tree redraws
   * what is loaded so far (and "loading…") instead of waiting for a whole Load All.
   */
  ensureFirstPage(): Promise<void> {
    if (this.started) return Promise.resolve();
    if (this.running) return this.running.promise;
    if (this.lastError !== undefined) return Promise.resolve();
    return this.run('first', (signal) => this.fetchNext(signal));
  }

  /**
   * Like ensureFirstPage, then goes on in the background, one load per page, until `count` pages
   * are in (Refresh keeps how far a list was loaded). Resolves once the first page is in.
   */
  ensurePages(count: number): Promise<void> {
    const first = this.ensureFirstPage();
    void first.then(async () => {
      while (!this.disposed && this.pagesApplied < count && this.nextCursor && this.lastError === undefined) await this.loadMore();
    });
    return first;
  }

  /**
   * Loads the next page (the first one when nothing is loaded, so it is also "retry").
   * Joins the load already running instead of starting another. Never rejects: see `error`.
   */
  loadMore(): Promise<void> {
    if (this.running) return this.running.promise;
    if (this.started && !this.nextCursor) return Promise.resolve();
    return this.run(this.started ? 'more' : 'first', (signal) => this.fetchNext(signal));
  }

  /**
   * Loads every remaining page through the paging engine's Load All (`fetchRemaining`): pages
   * applied in list order, `concurrency` at a time where they are known up front. Stops at the
   * first failure or when `signal` aborts, keeping everything applied so far. Never rejects: see
   * `error`.
   */
  async loadAll(options: LoadAllOptions): Promise<void> {
    // Let a running load finish first, so no page is requested twice.
    while (this.running) {
      if (options.signal?.aborted) return;
      await this.running.promise;
    }
    if (this.started && !this.nextCursor) return;
    await this.run(
      'all',
      async (signal) => {
        if (!this.started) {
          await this.fetchNext(signal);
          options.onProgress?.(this.scannedCount, this.totalCount);
        }
        await fetchRemaining({
          next: this.nextCursor,
          total: this.totalCount,
          pageSize: this.options.pageSize,
          concurrency: options.concurrency,
          // Under a client-side filter the total counts raw records, and pages are walked in order.
          sequential: this.options.clientFilter !== undefined,
          fetchPage: (cursor) => this.options.fetchPage(cursor, signal),
          onPage: (page) => {
            this.apply(page, signal);
            options.onProgress?.(this.scannedCount, this.totalCount);
          },
          signal,
        });
      },
      options.signal,
    );
  }

  /** Aborts any running load; the list must not be used afterwards (refresh creates a new one). */
  dispose(): void {
    this.lifetime.abort();
  }

  private run(kind: LoadKind, load: (signal: AbortSignal) => Promise<void>, external?: AbortSignal): Promise<void> {
    const signal = external ? AbortSignal.any([this.lifetime.signal, external]) : this.lifetime.signal;
    this.lastError = undefined;
    const promise = load(signal)
      .catch((error: unknown) => {
        if (!signal.aborted) this.lastError = error;
      })
      .finally(() => {
        this.running = undefined;
        this.scanProgress = undefined;
        if (!this.disposed) this.options.onProgress?.();
      });
    this.running = { kind, promise };
    return promise;
  }

  /** One page, or with a client-side filter, pages until `pageSize` matches (bounded scan). */
  private async fetchNext(signal: AbortSignal): Promise<void> {
    const cursor = this.nextCursor;
    const page = this.options.clientFilter
      ? await this.scanForMatches(cursor, this.options.clientFilter.maxScanPerLoad, signal)
      : await this.options.fetchPage(cursor, signal);
    this.apply(page, signal);
  }

  private scanForMatches(cursor: PageCursor | undefined, maxScan: number, signal: AbortSignal): Promise<Page<T>> {
    const progress = { scanned: this.scannedCount, matches: this.loadedItems.length };
    this.scanProgress = progress;
    const fetchCounting = async (next: PageCursor | undefined): Promise<Page<T>> => {
      const page = await this.options.fetchPage(next, signal);
      progress.scanned += page.scanned;
      progress.matches += page.items.length;
      this.options.onProgress?.();
      return page;
    };
    return fetchMatching(fetchCounting, cursor, this.options.pageSize, maxScan);
  }

  private apply(page: Page<T>, signal: AbortSignal): void {
    if (signal.aborted) return;
    const before = this.loadedItems.length;
    const pageNumber = this.pagesApplied++;
    for (const item of page.items) {
      const key = this.options.keyOf(item);
      if (this.seenKeys.has(key)) continue;
      this.seenKeys.add(key);
      this.loadedItems.push(item);
    }
    const added = this.loadedItems.length - before;
    // Place each invalid record where it was among the page's records (valid ones before it).
    const sorted = [...page.invalid].sort((a, b) => a.index - b.index);
    sorted.forEach((record, invalidBefore) => {
      const validBefore = Math.max(0, Math.min(record.index - invalidBefore, added));
      this.invalidEntries.push({ before: before + validBefore, page: pageNumber, record });
    });
    this.scannedCount += page.scanned;
    this.filteredOutCount += Math.max(0, page.scanned - page.items.length - page.invalid.length);
    this.nextCursor = page.next;
    // A total smaller than what is already loaded, or no bigger while there is more, is not a
    // total (DCS total_num may be the page's own count): the list is then described without one.
    const total = page.total ?? this.totalCount;
    this.totalCount =
      total !== undefined && (total > this.scannedCount || (total === this.scannedCount && !this.nextCursor)) ? total : undefined;
  }
}
