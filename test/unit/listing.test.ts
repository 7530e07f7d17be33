import * as assert from 'assert';
import { fetchMatching, remainingCursors } from '../../src/cloud/listing';
import type { Page, PageCursor } from '../../src/cloud/paging';

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
    assert.deepStrictEqual(result.invalid.map((record) => record.index), [0, 7, 14, 21, 28]);
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
