import * as assert from 'assert';
import type { Backup, Instance } from '../../src/cloud/model';
import type { PageCursor } from '../../src/cloud/paging';
import type { JsonResponse, Query } from '../../src/cloud/http/json';
import type { AdapterContext } from '../../src/cloud/services/adapter';
import { dcsAdapter } from '../../src/cloud/services/dcs';
import { rdsAdapter } from '../../src/cloud/services/rds';
import { factsOf, listSummary, loadMoreLabel, backupNoun } from '../../src/explorer/labels';
import { PagedList } from '../../src/explorer/pagedList';

/*
 * Issue 9, item 7: DCS total_num is "the number of records returned" on its page. Paging must work
 * whether it is that or the grand total: a full page offers more, an empty next page ends cleanly,
 * and a total smaller than what is loaded is not shown as the total.
 */

const LIMIT = 10;
const RECORDS = 25;

function record(index: number): Record<string, unknown> {
  return {
    backup_id: `b${index}`,
    backup_name: `b${index}`,
    backup_type: 'auto',
    status: 'succeed',
    size: 1,
    created_at: new Date(Date.UTC(2026, 10, 20) - index * 3_600_000).toISOString(),
    updated_at: new Date(Date.UTC(2026, 10, 20) - index * 3_600_000 + 60_000).toISOString(),
  };
}

/** DCS answering with total_num = the number of records on the page (the page's own reading). */
function pageCountingDcs(count = RECORDS): AdapterContext & { starts: number[] } {
  const starts: number[] = [];
  return {
    projectId: 'p1',
    starts,
    async get(_service, _path, query: Query): Promise<JsonResponse> {
      const start = Number(query.start);
      starts.push(start);
      const records = Array.from({ length: Math.max(0, Math.min(Number(query.limit), count - (start - 1))) }, (_, i) =>
        record(start - 1 + i),
      );
      return { status: 200, body: { backup_record_response: records, total_num: records.length } };
    },
  };
}

const instance: Instance = { service: 'dcs', id: 'i1', name: 'cache', raw: {} };

function list(ctx: AdapterContext): PagedList<Backup> {
  return new PagedList<Backup>({
    pageSize: LIMIT,
    keyOf: (backup) => backup.id,
    fetchPage: (cursor: PageCursor | undefined, signal) => dcsAdapter.listBackups(ctx, instance, { cursor, limit: LIMIT, signal }),
  });
}

describe('ambiguous totals (issue 9, item 7)', () => {
  it('DCS: a full page whose total_num says "10" still offers the next page', async () => {
    const page = await dcsAdapter.listBackups(pageCountingDcs(), instance, { limit: LIMIT });
    assert.strictEqual(page.items.length, LIMIT);
    assert.deepStrictEqual(page.next, { kind: 'offset', offset: LIMIT });
  });

  it('DCS: every record is reached, and the list ends cleanly when the next page is empty', async () => {
    const ctx = pageCountingDcs(20);
    const backups = list(ctx);
    await backups.loadAll({ concurrency: 4 });
    assert.strictEqual(backups.error, undefined);
    assert.strictEqual(backups.items.length, 20);
    assert.strictEqual(backups.hasMore, false);
    assert.deepStrictEqual(ctx.starts, [1, 11, 21], 'one extra request finds the empty page, then stops');
  });

  it('the tree does not call the page count a total: "10 backups shown, more available"', async () => {
    const backups = list(pageCountingDcs());
    await backups.loadMore();
    assert.strictEqual(backups.total, undefined);
    const facts = factsOf(backups);
    assert.strictEqual(listSummary(facts, backupNoun()), '10 backups shown, more available');
    assert.strictEqual(loadMoreLabel(facts), 'Load 10 more… (10 loaded)');
    await backups.loadMore();
    await backups.loadMore();
    assert.strictEqual(listSummary(factsOf(backups), backupNoun()), '25 backups');
  });

  it('a total smaller than what is already loaded is dropped; a real total is kept', async () => {
    const shrinking = new PagedList<{ id: string }>({
      pageSize: 2,
      keyOf: (row) => row.id,
      fetchPage: async (cursor) => {
        const offset = cursor?.kind === 'offset' ? cursor.offset : 0;
        return {
          items: [{ id: `r${offset}` }, { id: `r${offset + 1}` }],
          invalid: [],
          scanned: 2,
          total: offset === 0 ? 6 : 3,
          next: { kind: 'offset', offset: offset + 2 },
        };
      },
    });
    await shrinking.loadMore();
    assert.strictEqual(shrinking.total, 6);
    await shrinking.loadMore();
    assert.strictEqual(shrinking.total, undefined, '3 is less than the 4 already loaded');
  });

  it('elsewhere a total ends the list: a full last page at the total makes no extra request', async () => {
    const offsets: number[] = [];
    const rds: AdapterContext = {
      projectId: 'p1',
      async get(_service, _path, query: Query): Promise<JsonResponse> {
        offsets.push(Number(query.offset));
        const backups = Array.from({ length: Number(query.limit) }, (_, i) => ({
          id: `r${Number(query.offset) + i}`,
          status: 'COMPLETED',
        }));
        return { status: 200, body: { backups, total_count: 20 } };
      },
    };
    const rdsInstance: Instance = { service: 'rds', id: 'i1', name: 'orders', raw: {} };
    const last = await rdsAdapter.listBackups(rds, rdsInstance, { limit: LIMIT, cursor: { kind: 'offset', offset: 10 } });
    assert.strictEqual(last.items.length, LIMIT);
    assert.strictEqual(last.next, undefined);
    assert.deepStrictEqual(offsets, [10]);
  });
});
