import * as assert from 'assert';
import type { InvalidRecord } from '../../src/cloud/model';
import type { Page, PageCursor } from '../../src/cloud/paging';
import { PagedList, type PagedListOptions } from '../../src/explorer/pagedList';

interface Row {
  readonly id: string;
  readonly matches: boolean;
}

/**
 * A small fake API over `count` rows. Offset paging reports the total; marker paging does not.
 * Every call is recorded; `gate` holds responses until released, to create concurrency.
 */
class FakeApi {
  readonly calls: (PageCursor | undefined)[] = [];
  inFlight = 0;
  maxInFlight = 0;
  failAt = new Set<number>();
  /** Offset → index within that page that is an invalid record. */
  invalidAt = new Map<number, number>();
  private gates: (() => void)[] = [];
  gated = false;

  constructor(
    private readonly count: number,
    private readonly limit: number,
    private readonly paging: 'offset' | 'marker' = 'offset',
    private readonly isMatch: (index: number) => boolean = () => true,
  ) {}

  readonly fetchPage = async (cursor: PageCursor | undefined, signal: AbortSignal): Promise<Page<Row>> => {
    this.calls.push(cursor);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.gated) await new Promise<void>((resolve) => this.gates.push(resolve));
      await Promise.resolve();
      if (signal.aborted) throw new Error('aborted');
      const start = cursor === undefined ? 0 : cursor.kind === 'offset' ? cursor.offset : Number(cursor.marker.slice(1)) + 1;
      if (this.failAt.has(start)) throw new Error(`boom at ${start}`);
      const end = Math.min(this.count, start + this.limit);
      const items: Row[] = [];
      const invalid: InvalidRecord[] = [];
      for (let i = start; i < end; i++) {
        if (this.invalidAt.get(start) === i - start)
          invalid.push({ index: i - start, hint: `r${i}`, message: 'status: Expected string', raw: { id: `r${i}` } });
        else if (this.isMatch(i)) items.push({ id: `r${i}`, matches: true });
      }
      const next: PageCursor | undefined =
        end >= this.count
          ? undefined
          : this.paging === 'offset'
            ? { kind: 'offset', offset: end }
            : { kind: 'marker', marker: `r${end - 1}` };
      return { items, invalid, next, total: this.paging === 'offset' ? this.count : undefined, scanned: end - start };
    } finally {
      this.inFlight--;
    }
  };

  /** Lets every held response through (and those that arrive later, until gated again). */
  release(): void {
    this.gated = false;
    this.gates.splice(0).forEach((open) => open());
  }

  /** Lets the held response at `position` (0 = oldest) through and waits for it to settle. */
  async releaseOne(position = 0): Promise<void> {
    const [open] = this.gates.splice(position, 1);
    open?.();
    await flush();
  }

  get waiting(): number {
    return this.gates.length;
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

function listOver(api: FakeApi, pageSize: number, extra: Partial<PagedListOptions<Row>> = {}): PagedList<Row> {
  return new PagedList<Row>({ fetchPage: api.fetchPage, pageSize, keyOf: (row) => row.id, ...extra });
}

describe('explorer PagedList', () => {
  it('makes exactly one request for the first page, however often it is asked for', async () => {
    const api = new FakeApi(143, 50);
    const list = listOver(api, 50);
    await Promise.all([list.ensureFirstPage(), list.ensureFirstPage(), list.ensureFirstPage()]);
    await list.ensureFirstPage();
    assert.strictEqual(api.calls.length, 1);
    assert.deepStrictEqual(api.calls[0], undefined);
    assert.strictEqual(list.items.length, 50);
    assert.strictEqual(list.total, 143);
    assert.strictEqual(list.hasMore, true);
    assert.deepStrictEqual(list.next, { kind: 'offset', offset: 50 });
  });

  it('loads the next page with one request, and concurrent load-more calls never fetch a page twice', async () => {
    const api = new FakeApi(143, 50);
    const list = listOver(api, 50);
    await list.ensureFirstPage();
    api.gated = true;
    const clicks = [list.loadMore(), list.loadMore(), list.loadMore()];
    await flush();
    assert.strictEqual(list.loading, 'more');
    api.release();
    await Promise.all(clicks);
    assert.deepStrictEqual(api.calls, [undefined, { kind: 'offset', offset: 50 }]);
    assert.strictEqual(list.items.length, 100);
    assert.strictEqual(list.loading, undefined);
  });

  it('announces a load once it has ended, so a redraw never shows a finished load as loading', async () => {
    const api = new FakeApi(6, 50);
    const seen: string[] = [];
    const list = listOver(api, 50, { onProgress: () => seen.push(`${list.items.length} ${list.loading ?? 'idle'}`) });
    await list.ensureFirstPage();
    assert.deepStrictEqual(seen, ['6 idle']);

    const longer = new FakeApi(143, 50);
    const states: string[] = [];
    const paged = listOver(longer, 50, { onProgress: () => states.push(`${paged.items.length} ${paged.loading ?? 'idle'}`) });
    await paged.ensureFirstPage();
    await paged.loadMore();
    assert.deepStrictEqual(states, ['50 idle', '100 idle']);
  });

  it('stops asking once the list has ended', async () => {
    const api = new FakeApi(30, 50);
    const list = listOver(api, 50);
    await list.ensureFirstPage();
    await list.loadMore();
    assert.strictEqual(api.calls.length, 1);
    assert.strictEqual(list.hasMore, false);
  });

  it('loads all remaining offset pages in parallel, never more than the concurrency bound, in list order', async () => {
    const api = new FakeApi(1000, 50);
    const list = listOver(api, 50);
    await list.ensureFirstPage();
    api.gated = true;
    const progress: number[] = [];
    const done = list.loadAll({ concurrency: 3, onProgress: (loaded) => progress.push(loaded) });
    await flush();
    assert.strictEqual(api.waiting, 3, 'three requests start at once');
    // Answer out of order: a later page waits until the earlier ones are applied.
    await api.releaseOne(2);
    assert.strictEqual(list.items.length, 50, 'page 4 is held back until pages 2 and 3 arrive');
    api.release();
    await done;
    assert.strictEqual(api.maxInFlight, 3);
    assert.strictEqual(list.items.length, 1000);
    assert.deepStrictEqual(
      list.items.map((row) => row.id),
      Array.from({ length: 1000 }, (_, i) => `r${i}`),
    );
    const offsets = api.calls.slice(1).map((cursor) => (cursor?.kind === 'offset' ? cursor.offset : -1));
    assert.deepStrictEqual(
      [...offsets].sort((a, b) => a - b),
      Array.from({ length: 19 }, (_, i) => (i + 1) * 50),
    );
    assert.strictEqual(new Set(offsets).size, offsets.length, 'no page fetched twice');
    assert.strictEqual(progress[progress.length - 1], 1000);
    assert.strictEqual(list.hasMore, false);
  });

  it('lets a redraw read the pages loaded so far while load all runs, instead of waiting for the last page', async () => {
    const api = new FakeApi(300, 50);
    const list = listOver(api, 50);
    await list.ensureFirstPage();
    api.gated = true;
    const done = list.loadAll({ concurrency: 2 });
    await flush();
    await api.releaseOne(); // offset 50 arrives and is applied; the others are held
    let redrawn = false;
    void list.ensureFirstPage().then(() => (redrawn = true));
    await flush();
    assert.ok(redrawn, 'the first page is in: nothing to wait for');
    assert.strictEqual(list.items.length, 100);
    assert.strictEqual(list.loading, 'all');
    api.release();
    await done;
    assert.strictEqual(list.items.length, 300);
  });

  it('loads all marker pages one after another', async () => {
    const api = new FakeApi(120, 50, 'marker');
    const list = listOver(api, 50);
    await list.loadAll({ concurrency: 4 });
    assert.strictEqual(api.maxInFlight, 1);
    assert.strictEqual(api.calls.length, 3);
    assert.deepStrictEqual(api.calls[1], { kind: 'marker', marker: 'r49' });
    assert.strictEqual(list.items.length, 120);
    assert.strictEqual(list.total, undefined);
  });

  it('waits for a running load-more before loading all, so that page is not fetched again', async () => {
    const api = new FakeApi(200, 50);
    const list = listOver(api, 50);
    await list.ensureFirstPage();
    api.gated = true;
    const more = list.loadMore();
    const all = list.loadAll({ concurrency: 4 });
    api.release();
    await Promise.all([more, all]);
    const offsets = api.calls.map((cursor) => (cursor?.kind === 'offset' ? cursor.offset : 0));
    assert.deepStrictEqual(
      [...offsets].sort((a, b) => a - b),
      [0, 50, 100, 150],
    );
    assert.strictEqual(list.items.length, 200);
  });

  it('cancels load all: keeps the pages applied so far and resumes from the first missing one', async () => {
    const api = new FakeApi(500, 50);
    const list = listOver(api, 50);
    await list.ensureFirstPage();
    api.gated = true;
    const cancel = new AbortController();
    const done = list.loadAll({ concurrency: 2, signal: cancel.signal });
    await flush();
    await api.releaseOne(); // offset 50 arrives and is applied
    cancel.abort();
    api.release();
    await done;
    assert.strictEqual(list.error, undefined, 'cancellation is not an error');
    assert.strictEqual(list.items.length, 100);
    assert.deepStrictEqual(list.next, { kind: 'offset', offset: 100 });
    const before = api.calls.length;
    await list.loadMore();
    assert.deepStrictEqual(api.calls[before], { kind: 'offset', offset: 100 });
    assert.strictEqual(list.items.length, 150);
  });

  it('keeps what loaded when a page fails; the next load-more retries that page', async () => {
    const api = new FakeApi(150, 50);
    api.failAt.add(50);
    const list = listOver(api, 50);
    await list.ensureFirstPage();
    await list.loadMore();
    assert.match(String(list.error), /boom at 50/);
    assert.strictEqual(list.items.length, 50);
    api.failAt.clear();
    await list.loadMore();
    assert.strictEqual(list.error, undefined);
    assert.deepStrictEqual(api.calls.slice(1), [
      { kind: 'offset', offset: 50 },
      { kind: 'offset', offset: 50 },
    ]);
    assert.strictEqual(list.items.length, 100);
  });

  it('does not retry a failed first page by itself; load-more does', async () => {
    const api = new FakeApi(10, 50);
    api.failAt.add(0);
    const list = listOver(api, 50);
    await list.ensureFirstPage();
    await list.ensureFirstPage();
    assert.strictEqual(api.calls.length, 1);
    assert.strictEqual(list.started, false);
    api.failAt.clear();
    await list.loadMore();
    assert.strictEqual(api.calls.length, 2);
    assert.strictEqual(list.items.length, 10);
  });

  it('stops load all at the first failing page and keeps the prefix before it', async () => {
    const api = new FakeApi(400, 50);
    api.failAt.add(200);
    const list = listOver(api, 50);
    await list.loadAll({ concurrency: 2 });
    assert.match(String(list.error), /boom at 200/);
    assert.strictEqual(list.items.length, 200);
    assert.deepStrictEqual(list.next, { kind: 'offset', offset: 200 });
  });

  it('keeps invalid records next to their valid siblings', async () => {
    const api = new FakeApi(100, 50);
    api.invalidAt.set(0, 2);
    api.invalidAt.set(50, 0);
    const list = listOver(api, 50);
    await list.loadAll({ concurrency: 2 });
    assert.strictEqual(list.items.length, 98);
    assert.deepStrictEqual(
      list.invalid.map((entry) => [entry.before, entry.record.hint]),
      [
        [2, 'r2'],
        [49, 'r50'],
      ],
    );
    assert.notStrictEqual(list.invalid[0].page, list.invalid[1].page);
  });

  it('skips a record seen on an earlier page (the list shifted between requests)', async () => {
    let shifted = false;
    const api = new FakeApi(100, 50);
    const list = new PagedList<Row>({
      pageSize: 50,
      keyOf: (row) => row.id,
      fetchPage: async (cursor, signal) => {
        const page = await api.fetchPage(cursor, signal);
        // A new backup arrived at the top: the second page starts with the first page's last record.
        if (shifted) return { ...page, items: [{ id: 'r49', matches: true }, ...page.items.slice(0, -1)] };
        shifted = true;
        return page;
      },
    });
    await list.loadAll({ concurrency: 1 });
    assert.strictEqual(new Set(list.items.map((row) => row.id)).size, list.items.length);
  });

  it('with a client-side filter, one load keeps fetching until it has a page of matches', async () => {
    const api = new FakeApi(1000, 50, 'offset', (index) => index % 10 === 0);
    const progress: (number | undefined)[] = [];
    const list = listOver(api, 20, {
      clientFilter: { maxScanPerLoad: 1000 },
      onProgress: () => progress.push(list.scanning?.matches),
    });
    // The fake's page size is 50 while the list wants 20 matches: 5 matches per page, 4 pages.
    await list.ensureFirstPage();
    assert.strictEqual(api.calls.length, 4);
    assert.strictEqual(list.items.length, 20);
    assert.strictEqual(list.scanned, 200);
    assert.strictEqual(list.filteredOut, 180);
    assert.ok(progress.includes(5) && progress.includes(20), `scan progress reported: ${progress.join(',')}`);
    assert.strictEqual(list.scanning, undefined, 'scan progress cleared when done');
  });

  it('with a client-side filter, a load stops at the scan bound and says where to resume', async () => {
    const api = new FakeApi(1000, 50, 'offset', (index) => index === 999);
    const list = listOver(api, 20, { clientFilter: { maxScanPerLoad: 150 } });
    await list.ensureFirstPage();
    assert.strictEqual(api.calls.length, 3);
    assert.strictEqual(list.items.length, 0);
    assert.strictEqual(list.hasMore, true);
    assert.deepStrictEqual(list.next, { kind: 'offset', offset: 150 });
  });

  it('dispose aborts a running load and discards its result', async () => {
    const api = new FakeApi(100, 50);
    api.gated = true;
    const list = listOver(api, 50);
    const first = list.ensureFirstPage();
    await flush();
    list.dispose();
    api.release();
    await first;
    assert.strictEqual(list.items.length, 0);
    assert.strictEqual(list.error, undefined);
  });
});
