import * as assert from 'assert';
import type { Backup, Instance, InvalidRecord } from '../../src/cloud/model';
import type { Page, PageCursor } from '../../src/cloud/paging';
import type { ServiceAdapter } from '../../src/cloud/services/adapter';
import { emptyListLabel, backupNoun } from '../../src/explorer/labels';
import { BackupNode, EmptyNode, ErrorNode, InstanceNode, InvalidNode, LoadMoreNode, ServiceNode } from '../../src/explorer/nodes';
import { PagedList } from '../../src/explorer/pagedList';
import { fakeRdsBackup, TEST_SCOPE } from '../support/fakeModel';

const adapter = { id: 'rds', label: 'RDS — Relational Database', instanceNoun: { one: 'instance', many: 'instances' } } as ServiceAdapter;

function instance(id: string): Instance {
  return { service: 'rds', id, name: `name-${id}`, raw: {} };
}

/** A tree over fake pages: 3 instances; each instance has 5 backups (page size 2), the second record of page one invalid. */
function fakeTree() {
  const requests: string[] = [];
  let failNext = false;
  const instancePage = async (cursor: PageCursor | undefined): Promise<Page<Instance>> => {
    requests.push(`instances@${cursor?.kind === 'offset' ? cursor.offset : 0}`);
    return { items: ['a', 'b', 'c'].map(instance), invalid: [], scanned: 3, total: 3 };
  };
  const backupPage = async (owner: InstanceNode, cursor: PageCursor | undefined): Promise<Page<Backup>> => {
    const offset = cursor?.kind === 'offset' ? cursor.offset : 0;
    requests.push(`${owner.instance.id}@${offset}`);
    if (failNext) {
      failNext = false;
      throw new Error('HTTP 500');
    }
    const end = Math.min(5, offset + 2);
    const items: Backup[] = [];
    const invalid: InvalidRecord[] = [];
    for (let i = offset; i < end; i++) {
      if (i === 1) invalid.push({ index: i - offset, message: 'status: Required', raw: {} });
      else items.push(fakeRdsBackup(owner.instance.id, i));
    }
    return { items, invalid, scanned: end - offset, total: 5, next: end < 5 ? { kind: 'offset', offset: end } : undefined };
  };
  const service = new ServiceNode(
    adapter,
    TEST_SCOPE,
    undefined,
    () => new PagedList<Instance>({ pageSize: 50, keyOf: (item) => item.id, fetchPage: instancePage }),
    (owner) => new PagedList<Backup>({ pageSize: 2, keyOf: (item) => item.id, fetchPage: (cursor) => backupPage(owner, cursor) }),
  );
  return { service, requests, failNextBackupPage: () => (failNext = true) };
}

function describeChildren(nodes: readonly unknown[]): string[] {
  return nodes.map((node) => {
    if (node instanceof BackupNode) return node.backup.name;
    if (node instanceof InvalidNode) return `invalid#${node.entry.record.index}`;
    if (node instanceof LoadMoreNode) return 'more';
    if (node instanceof ErrorNode) return 'error';
    if (node instanceof InstanceNode) return node.instance.id;
    if (node instanceof EmptyNode) return 'empty';
    return '?';
  });
}

describe('explorer nodes', () => {
  it('shows records with the invalid one in place, then "load more"', async () => {
    const { service } = fakeTree();
    await service.list.ensureFirstPage();
    const [first] = service.childNodes();
    await first.list.ensureFirstPage();
    assert.deepStrictEqual(describeChildren(first.visibleChildren()), ['b0', 'invalid#1', 'more']);
    await first.list.loadMore();
    assert.deepStrictEqual(describeChildren(first.visibleChildren()), ['b0', 'invalid#1', 'b2', 'b3', 'more']);
    await first.list.loadMore();
    assert.deepStrictEqual(describeChildren(first.visibleChildren()), ['b0', 'invalid#1', 'b2', 'b3', 'b4']);
  });

  it('keeps node objects stable across redraws (reveal and expansion state depend on it)', async () => {
    const { service } = fakeTree();
    await service.list.ensureFirstPage();
    const first = service.childNodes()[0];
    await first.list.ensureFirstPage();
    const before = first.visibleChildren();
    await first.list.loadMore();
    const after = first.visibleChildren();
    assert.strictEqual(after[0], before[0]);
    assert.strictEqual(after[1], before[1]);
    assert.strictEqual(after[after.length - 1], before[before.length - 1], 'the same load-more node');
    assert.strictEqual(service.childNodes()[0], first);
  });

  it('shows an error node in place of "load more" after a failed page, and the records stay', async () => {
    const { service, failNextBackupPage } = fakeTree();
    await service.list.ensureFirstPage();
    const first = service.childNodes()[0];
    await first.list.ensureFirstPage();
    failNextBackupPage();
    await first.list.loadMore();
    assert.deepStrictEqual(describeChildren(first.visibleChildren()), ['b0', 'invalid#1', 'error']);
    assert.match(String((first.visibleChildren()[2] as ErrorNode).error), /HTTP 500/);
  });

  it('gives every node a distinct id under its parent', async () => {
    const { service } = fakeTree();
    await service.list.ensureFirstPage();
    const first = service.childNodes()[0];
    await first.list.loadAll({ concurrency: 2 });
    const ids = [service, ...service.childNodes(), ...first.visibleChildren()].map((node) => node.id);
    assert.strictEqual(new Set(ids).size, ids.length, ids.join(', '));
    assert.ok(ids.every((id) => id.startsWith('hwc/rds')));
  });

  it('refreshing one instance drops only its pages; its siblings keep theirs', async () => {
    const { service, requests } = fakeTree();
    await service.list.ensureFirstPage();
    const [a, b] = service.childNodes();
    await a.list.ensureFirstPage();
    await a.list.loadMore();
    await b.list.ensureFirstPage();
    const bList = b.list;
    a.reset();
    assert.strictEqual(a.list.started, false);
    assert.strictEqual(a.childNodes().length, 0);
    assert.strictEqual(b.list, bList);
    assert.strictEqual(b.childNodes().length, 1);
    await a.list.ensureFirstPage();
    assert.deepStrictEqual(requests, ['instances@0', 'a@0', 'a@2', 'b@0', 'a@0']);
  });

  it('refreshing a service drops its instances and everything under them', async () => {
    const { service, requests } = fakeTree();
    await service.list.ensureFirstPage();
    const oldA = service.childNodes()[0];
    await oldA.list.ensureFirstPage();
    service.reset();
    assert.strictEqual(oldA.list.disposed, true, 'loads under the old children are aborted');
    await service.list.ensureFirstPage();
    const newA = service.childNodes()[0];
    assert.notStrictEqual(newA, oldA);
    assert.strictEqual(newA.list.started, false);
    await newA.list.ensureFirstPage();
    assert.deepStrictEqual(requests, ['instances@0', 'a@0', 'instances@0', 'a@0']);
  });

  it('dropping a service node stops its count requests and forgets its counts', () => {
    const { service } = fakeTree();
    service.counts = { total: 10, failed: 2 };
    const beforeRefresh = service.countsSignal;
    service.reset();
    assert.strictEqual(beforeRefresh.aborted, true, 'counts in flight are aborted by a refresh of the node');
    assert.strictEqual(service.counts, undefined);
    assert.strictEqual(service.countsSignal.aborted, false, 'the next count may run');
    const current = service.countsSignal;
    service.dispose();
    assert.strictEqual(current.aborted, true, 'and by a refresh of the whole tree');
  });

  it('backup nodes expose backup, instance and service for commands', async () => {
    const { service } = fakeTree();
    await service.list.ensureFirstPage();
    const first = service.childNodes()[0];
    await first.list.ensureFirstPage();
    const node = first.childNodes()[0];
    assert.strictEqual(node.backup.id, 'a-b0');
    assert.strictEqual(node.instance.id, 'a');
    assert.strictEqual(node.service, 'rds');
    assert.strictEqual(first.instance.id, 'a');
    assert.strictEqual(first.service, 'rds');
  });

  it('says so when a list ends with nothing in it, instead of showing nothing', async () => {
    const emptyPage = async (): Promise<Page<Backup>> => ({ items: [], invalid: [], scanned: 0, total: 0 });
    const service = new ServiceNode(
      adapter,
      TEST_SCOPE,
      undefined,
      () =>
        new PagedList<Instance>({
          pageSize: 50,
          keyOf: (item) => item.id,
          fetchPage: async () => ({ items: [instance('a')], invalid: [], scanned: 1, total: 1 }),
        }),
      () => new PagedList<Backup>({ pageSize: 2, keyOf: (item) => item.id, fetchPage: emptyPage }),
    );
    await service.list.ensureFirstPage();
    const [only] = service.childNodes();
    assert.deepStrictEqual(describeChildren(only.visibleChildren()), [], 'nothing before the first page');
    await only.list.ensureFirstPage();
    assert.deepStrictEqual(describeChildren(only.visibleChildren()), ['empty']);
    assert.strictEqual(emptyListLabel(only.list, backupNoun()), 'No backups');
  });

  it('words an empty list under a filter as "no matches", with how much was scanned', () => {
    assert.strictEqual(emptyListLabel({ filtered: true, scanned: 143 }, backupNoun()), 'No matches in 143 scanned');
    assert.strictEqual(emptyListLabel({ filtered: true, scanned: 0 }, backupNoun()), 'No matches');
    assert.strictEqual(emptyListLabel({ filtered: false, scanned: 0 }, { one: 'graph', many: 'graphs' }), 'No graphs');
  });

  it('after a Refresh, loads as many pages as the list had, one request each, the first one first', async () => {
    const { service, requests } = fakeTree();
    await service.list.ensureFirstPage();
    const [first] = service.childNodes();
    await first.list.ensureFirstPage();
    await first.list.loadMore();
    assert.strictEqual(first.pagesLoaded, 2);
    first.reset();
    requests.length = 0;
    await first.list.ensurePages(2);
    assert.ok(first.pagesLoaded >= 1, 'resolves once the first page is in');
    for (let waited = 0; first.pagesLoaded < 2 && waited < 1000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepStrictEqual(requests, ['a@0', 'a@2'], 'the first page, then the second, and no more');
    assert.deepStrictEqual(describeChildren(first.visibleChildren()), ['b0', 'invalid#1', 'b2', 'b3', 'more']);
  });
});
