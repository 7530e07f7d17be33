import * as assert from 'assert';
import type { Backup, Instance } from '../../src/cloud/model';
import type { Page, PageCursor, PageRequest } from '../../src/cloud/paging';
import type { AdapterContext, ServiceAdapter } from '../../src/cloud/services/adapter';
import { listInstanceBackups, refetchBackup } from '../../src/details/fetching';
import { autoBackup } from './detailsFixtures';

const T0 = Date.UTC(2026, 10, 1);
const ctx: AdapterContext = {
  projectId: 'p',
  get: () => Promise.reject(new Error('the fake adapter makes no HTTP calls')),
};

/** An offset-paged fake over `records`, recording each request. */
function fakeAdapter(records: readonly Backup[], withFindById = false) {
  const requests: { instance: Instance; request: PageRequest & { filter?: unknown } }[] = [];
  const adapter: ServiceAdapter = {
    id: 'dcs',
    label: 'DCS',
    instanceNoun: { one: 'instance', many: 'instances' },
    icons: { service: 'database', instance: 'database' },
    rawStatuses: {},
    extraLabels: {},
    listInstances: () => Promise.reject(new Error('not used')),
    async listBackups(_ctx, instance, request): Promise<Page<Backup>> {
      requests.push({ instance, request });
      const offset = request.cursor?.kind === 'offset' ? request.cursor.offset : 0;
      const range = (request.filter as { timeRange?: { from: number; to: number } } | undefined)?.timeRange;
      const slice = records.slice(offset, offset + request.limit);
      const items = range ? slice.filter((b) => b.start.instant! >= range.from && b.start.instant! <= range.to) : slice;
      const nextOffset = offset + slice.length;
      const next: PageCursor | undefined = nextOffset < records.length ? { kind: 'offset', offset: nextOffset } : undefined;
      return { items, invalid: [], next, total: records.length, scanned: slice.length };
    },
  };
  if (withFindById) {
    adapter.findBackupById = async (_ctx, _instance, backupId) => records.find((b) => b.id === backupId);
  }
  return { adapter, requests };
}

const RECORDS = Array.from({ length: 25 }, (_, i) => autoBackup(`b${i}`, T0 - i * 86_400_000, 1000 + i));
const location = { service: 'dcs' as const, instanceId: 'orders-mysql-id', instanceName: 'orders', backupId: 'b23' };

describe('detail panel fetching', () => {
  describe('refetchBackup', () => {
    it('uses the look-up by id when the adapter has one', async () => {
      const { adapter, requests } = fakeAdapter(RECORDS, true);
      const outcome = await refetchBackup(adapter, ctx, location, { pageSize: 10, maxPages: 5 });
      assert.deepStrictEqual(outcome, { kind: 'found', backup: RECORDS[23] });
      assert.strictEqual(requests.length, 0);
    });

    it('pages through the instance list otherwise, stopping at the backup', async () => {
      const { adapter, requests } = fakeAdapter(RECORDS);
      const outcome = await refetchBackup(adapter, ctx, location, { pageSize: 10, maxPages: 5 });
      assert.strictEqual(outcome.kind, 'found');
      assert.strictEqual(requests.length, 3);
      assert.strictEqual(requests[0].instance.id, 'orders-mysql-id');
      assert.strictEqual(requests[0].instance.name, 'orders');
    });

    it('says the backup is missing after reading the whole list', async () => {
      const { adapter } = fakeAdapter(RECORDS);
      const outcome = await refetchBackup(adapter, ctx, { ...location, backupId: 'gone' }, { pageSize: 10, maxPages: 5 });
      assert.deepStrictEqual(outcome, { kind: 'missing', scanned: 25, complete: true });
    });

    it('stops after maxPages and says the search was incomplete', async () => {
      const { adapter, requests } = fakeAdapter(RECORDS);
      const outcome = await refetchBackup(adapter, ctx, location, { pageSize: 5, maxPages: 2 });
      assert.deepStrictEqual(outcome, { kind: 'missing', scanned: 10, complete: false });
      assert.strictEqual(requests.length, 2);
    });
  });

  describe('listInstanceBackups', () => {
    it('reads every page of the range, with the range as filter', async () => {
      const { adapter, requests } = fakeAdapter(RECORDS);
      const range = { from: T0 - 9.5 * 86_400_000, to: T0 };
      const result = await listInstanceBackups(adapter, ctx, { service: 'dcs', id: 'i', name: 'i', raw: undefined }, range, {
        pageSize: 10,
        maxBackups: 100,
      });
      assert.deepStrictEqual(
        result.backups.map((b) => b.id),
        ['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9'],
      );
      assert.strictEqual(result.truncatedAt, undefined);
      assert.deepStrictEqual(requests[0].request.filter, { timeRange: range });
    });

    it('keeps the newest maxBackups and says it cut the list off', async () => {
      const { adapter } = fakeAdapter(RECORDS);
      const range = { from: T0 - 100 * 86_400_000, to: T0 };
      const result = await listInstanceBackups(adapter, ctx, { service: 'dcs', id: 'i', name: 'i', raw: undefined }, range, {
        pageSize: 10,
        maxBackups: 15,
      });
      assert.strictEqual(result.backups.length, 15);
      assert.strictEqual(result.backups[0].id, 'b0');
      assert.strictEqual(result.truncatedAt, 15);
    });
  });
});
