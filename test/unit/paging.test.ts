import * as assert from 'assert';
import { fetchMatching, fetchRemaining, remainingCursors, type Page, type PageCursor } from '../../src/cloud/paging';

const page = <T>(items: T[], extra: Partial<Page<T>> = {}): Page<T> => ({ items, invalid: [], scanned: items.length, ...extra });

describe('remainingCursors', () => {
  it('lists every remaining offset page when the total is known', () => {
    const first = page([1, 2, 3], { next: { kind: 'offset', offset: 3 }, total: 10 });
    assert.deepStrictEqual(remainingCursors(first, 3), [
      { kind: 'offset', offset: 3 },
      { kind: 'offset', offset: 6 },
      { kind: 'offset', offset: 9 },
    ]);
  });

  it('is empty when the list has ended', () => {
    assert.deepStrictEqual(remainingCursors(page([1], { total: 1 }), 50), []);
  });

  it('is undefined for marker paging and for an unknown total', () => {
    assert.strictEqual(remainingCursors(page([1], { next: { kind: 'marker', marker: 'x' } }), 1), undefined);
    assert.strictEqual(remainingCursors(page([1], { next: { kind: 'offset', offset: 1 } }), 1), undefined);
  });
});

/** A fake list of `size` numbered records, `limit` per page, keeping only those `keep` accepts. */
function fakeList(size: number, limit: number, keep: (n: number) => boolean, cursorKind: 'offset' | 'marker' = 'offset') {
  const requested: (PageCursor | undefined)[] = [];
  const fetchPage = async (cursor: PageCursor | undefined): Promise<Page<number>> => {
    requested.push(cursor);
    const from = !cursor ? 0 : cursor.kind === 'offset' ? cursor.offset : Number(cursor.marker) + 1;
    const raw = Array.from({ length: Math.max(0, Math.min(limit, size - from)) }, (_, i) => from + i);
    const end = from + raw.length;
    const next: PageCursor | undefined =
      end >= size ? undefined : cursorKind === 'offset' ? { kind: 'offset', offset: end } : { kind: 'marker', marker: String(end - 1) };
    return {
      items: raw.filter(keep),
      invalid: raw.includes(from) && from % 7 === 0 ? [{ index: 0, message: 'bad', raw: from }] : [],
      scanned: raw.length,
      next,
      total: cursorKind === 'offset' ? size : undefined,
    };
  };
  return { fetchPage, requested };
}

describe('fetchMatching', () => {
  it('keeps fetching until it has the wanted number of matches', async () => {
    const list = fakeList(100, 10, (n) => n % 5 === 0);
    const result = await fetchMatching(list.fetchPage, undefined, 4, 1000);
    assert.deepStrictEqual(result.items, [0, 5, 10, 15]);
    assert.strictEqual(result.scanned, 20);
    assert.deepStrictEqual(result.next, { kind: 'offset', offset: 20 });
    assert.strictEqual(result.total, 100);
    assert.strictEqual(list.requested.length, 2);
  });

  it('stops at the end of the list with no next cursor', async () => {
    const list = fakeList(25, 10, (n) => n === 3);
    const result = await fetchMatching(list.fetchPage, undefined, 10, 1000);
    assert.deepStrictEqual(result.items, [3]);
    assert.strictEqual(result.scanned, 25);
    assert.strictEqual(result.next, undefined);
  });

  it('stops after maxScan raw records and says where to resume', async () => {
    const progress: number[] = [];
    const list = fakeList(1000, 10, () => false, 'marker');
    const result = await fetchMatching(list.fetchPage, undefined, 5, 30, (scanned) => progress.push(scanned));
    assert.deepStrictEqual(result.items, []);
    assert.strictEqual(result.scanned, 30);
    assert.deepStrictEqual(result.next, { kind: 'marker', marker: '29' });
    assert.deepStrictEqual(progress, [10, 20, 30]);
  });

  it('resumes from the given cursor', async () => {
    const list = fakeList(100, 10, () => true);
    const result = await fetchMatching(list.fetchPage, { kind: 'offset', offset: 40 }, 10, 1000);
    assert.deepStrictEqual(list.requested, [{ kind: 'offset', offset: 40 }]);
    assert.strictEqual(result.items[0], 40);
  });

  it('keeps invalid records with indexes counted across the merged pages', async () => {
    const list = fakeList(30, 7, () => false);
    const result = await fetchMatching(list.fetchPage, undefined, 1, 1000);
    // Pages start at 0, 7, 14, 21, 28; those at multiples of 7 carry one invalid record at their index 0.
    assert.deepStrictEqual(
      result.invalid.map((record) => record.index),
      [0, 7, 14, 21, 28],
    );
  });

  it('stops rather than loops when a page examines nothing', async () => {
    let calls = 0;
    const stuck = async (): Promise<Page<number>> => {
      calls++;
      return { items: [], invalid: [], scanned: 0, next: { kind: 'offset', offset: 0 } };
    };
    const result = await fetchMatching(stuck, undefined, 5, 100);
    assert.strictEqual(calls, 1);
    assert.deepStrictEqual(result.next, { kind: 'offset', offset: 0 });
  });

  it('passes fetch errors through', async () => {
    await assert.rejects(
      fetchMatching(async () => Promise.reject(new Error('boom')), undefined, 1, 10),
      /boom/,
    );
  });
});

describe('fetchRemaining (Load All)', () => {
  /** Offset pages of `size` records; page `slowAt` answers last, `failAt` fails. */
  function offsetList(size: number, limit: number, options: { slowAt?: number; failAt?: number } = {}) {
    let running = 0;
    const seen = { maxRunning: 0, requested: [] as number[] };
    const fetchPage = async (cursor: PageCursor): Promise<Page<number>> => {
      const from = cursor.kind === 'offset' ? cursor.offset : 0;
      seen.requested.push(from);
      running++;
      seen.maxRunning = Math.max(seen.maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, from === options.slowAt ? 30 : 1));
      running--;
      if (from === options.failAt) throw new Error(`page at ${from} failed`);
      const items = Array.from({ length: Math.min(limit, size - from) }, (_, i) => from + i);
      return {
        items,
        invalid: [],
        scanned: items.length,
        total: size,
        next: from + limit < size ? { kind: 'offset', offset: from + limit } : undefined,
      };
    };
    return { fetchPage, seen };
  }

  it('hands pages over in list order although they arrive out of order, at most `concurrency` at once', async () => {
    const { fetchPage, seen } = offsetList(100, 10, { slowAt: 10 });
    const handed: number[] = [];
    const result = await fetchRemaining({
      next: { kind: 'offset', offset: 10 },
      total: 100,
      pageSize: 10,
      concurrency: 3,
      fetchPage,
      onPage: (page) => handed.push(...page.items),
    });
    assert.deepStrictEqual(
      handed,
      Array.from({ length: 90 }, (_, i) => i + 10),
    );
    assert.strictEqual(seen.maxRunning, 3);
    assert.strictEqual(result.cut, false);
  });

  it('stops at the first failure, handing over only the pages before it, and throws it', async () => {
    const { fetchPage } = offsetList(100, 10, { failAt: 40 });
    const handed: number[] = [];
    await assert.rejects(
      fetchRemaining({
        next: { kind: 'offset', offset: 10 },
        total: 100,
        pageSize: 10,
        concurrency: 2,
        fetchPage,
        onPage: (page) => handed.push(page.items[0]),
      }),
      /page at 40 failed/,
    );
    assert.deepStrictEqual(handed, [10, 20, 30]);
  });

  it('bounds what it fetches by maxRecords and says it was cut, in parallel and one page at a time', async () => {
    for (const sequential of [false, true]) {
      const { fetchPage, seen } = offsetList(100, 10);
      const result = await fetchRemaining({
        next: { kind: 'offset', offset: 10 },
        total: 100,
        pageSize: 10,
        concurrency: 4,
        sequential,
        maxRecords: 30,
        fetchPage,
        onPage: () => undefined,
      });
      assert.deepStrictEqual(
        seen.requested.sort((a, b) => a - b),
        [10, 20, 30],
        `sequential: ${sequential}`,
      );
      assert.strictEqual(result.cut, true);
    }
  });

  it('walks marker pages one after another', async () => {
    const { fetchPage, requested } = fakeList(25, 10, () => true, 'marker');
    const handed: number[] = [];
    await fetchRemaining({
      next: { kind: 'marker', marker: '9' },
      total: undefined,
      pageSize: 10,
      concurrency: 4,
      fetchPage,
      onPage: (page) => handed.push(...page.items),
    });
    assert.deepStrictEqual(
      handed,
      Array.from({ length: 15 }, (_, i) => i + 10),
    );
    assert.strictEqual(requested.length, 2);
  });
});
