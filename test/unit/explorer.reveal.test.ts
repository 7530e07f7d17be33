import * as assert from 'assert';
import type { Backup, Instance } from '../../src/cloud/model';
import type { Page, PageCursor } from '../../src/cloud/paging';
import type { ServiceAdapter } from '../../src/cloud/services/adapter';
import { BackupNode, ServiceNode, type PagedNode } from '../../src/explorer/nodes';
import { PagedList } from '../../src/explorer/pagedList';
import { fakeRdsBackup, TEST_SCOPE } from '../support/fakeModel';
import { revealBackup, type RevealHost } from '../../src/explorer/reveal';

const adapter = { id: 'rds', label: 'RDS — Relational Database', instanceNoun: { one: 'instance', many: 'instances' } } as ServiceAdapter;
const PAGE_SIZE = 2;
const BACKUPS = 5;
/** The oldest backup, on the last page. */
const target = { service: 'rds', instanceId: 'i1', backupId: 'i1-b4' } as const;

/**
 * The explorer as reveal sees it, over fake pages (instances i0 and i1; five backups each, two a
 * page). Like the real one, `refresh()` disposes the tree and the next `roots()` builds a new one;
 * `onBackupPage` runs as each backup page is fetched, `onShow` as a node is shown.
 */
function fakeExplorer() {
  let roots: ServiceNode[] | undefined;
  let generation = 0;
  const shown: BackupNode[] = [];
  const hooks = { onBackupPage: (_offset: number) => {}, onShow: () => {} };
  const backupPage = async (owner: string, cursor: PageCursor | undefined): Promise<Page<Backup>> => {
    const offset = cursor?.kind === 'offset' ? cursor.offset : 0;
    await Promise.resolve();
    hooks.onBackupPage(offset);
    const end = Math.min(BACKUPS, offset + PAGE_SIZE);
    const items = Array.from({ length: end - offset }, (_, i) => fakeRdsBackup(owner, offset + i));
    return { items, invalid: [], scanned: items.length, total: BACKUPS, next: end < BACKUPS ? { kind: 'offset', offset: end } : undefined };
  };
  const createRoot = () =>
    new ServiceNode(
      adapter,
      TEST_SCOPE,
      undefined,
      () =>
        new PagedList<Instance>({
          pageSize: 50,
          keyOf: (item) => item.id,
          fetchPage: async () => ({
            items: ['i0', 'i1'].map((id): Instance => ({ service: 'rds', id, name: id, raw: {} })),
            invalid: [],
            scanned: 2,
            total: 2,
          }),
        }),
      (owner) =>
        new PagedList<Backup>({
          pageSize: PAGE_SIZE,
          keyOf: (item) => item.id,
          fetchPage: (cursor) => backupPage(owner.instance.id, cursor),
        }),
    );
  const explorer = {
    hooks,
    shown,
    refresh(): void {
      for (const root of roots ?? []) root.dispose();
      roots = undefined;
      generation++;
    },
    /** Whether `node` belongs to the tree the explorer shows now. */
    isCurrent(node: BackupNode): boolean {
      return roots?.includes(node.parent.parent) === true;
    },
    host: {
      services: async (): Promise<readonly ServiceNode[]> => (roots ??= [createRoot()]),
      generation: () => generation,
      loaded: (_node: PagedNode) => {},
      show: async (node: BackupNode) => {
        shown.push(node);
        hooks.onShow();
        return true;
      },
    } satisfies RevealHost,
  };
  return explorer;
}

const limits = { maxPages: 40, maxAttempts: 3 };

describe('explorer reveal', () => {
  it('loads pages until the backup is found and shows its node', async () => {
    const explorer = fakeExplorer();
    assert.strictEqual(await revealBackup(explorer.host, target, limits), true);
    assert.deepStrictEqual(
      explorer.shown.map((node) => node.backup.id),
      ['i1-b4'],
    );
    assert.ok(explorer.isCurrent(explorer.shown[0]));
  });

  it('shows nothing and says false for a backup that is not there', async () => {
    const explorer = fakeExplorer();
    assert.strictEqual(await revealBackup(explorer.host, { ...target, backupId: 'i1-b9' }, limits), false);
    assert.strictEqual(await revealBackup(explorer.host, { ...target, instanceId: 'i9' }, limits), false);
    assert.deepStrictEqual(explorer.shown, []);
  });

  it('a refresh while it loads pages: it looks again in the new tree and shows the node there', async () => {
    const explorer = fakeExplorer();
    let refreshed = false;
    explorer.hooks.onBackupPage = (offset) => {
      if (offset === 2 && !refreshed) {
        refreshed = true;
        explorer.refresh();
      }
    };
    assert.strictEqual(await revealBackup(explorer.host, target, limits), true);
    assert.ok(refreshed);
    assert.strictEqual(explorer.shown.length, 1, 'nothing of the dropped tree is shown');
    assert.strictEqual(explorer.shown[0].backup.id, 'i1-b4');
    assert.ok(explorer.isCurrent(explorer.shown[0]), 'the node shown belongs to the tree the view shows');
  });

  it('a refresh while the view shows the node: it shows the node of the new tree', async () => {
    const explorer = fakeExplorer();
    explorer.hooks.onShow = () => {
      explorer.hooks.onShow = () => {};
      explorer.refresh();
    };
    assert.strictEqual(await revealBackup(explorer.host, target, limits), true);
    assert.strictEqual(explorer.shown.length, 2);
    assert.notStrictEqual(explorer.shown[1], explorer.shown[0]);
    assert.ok(explorer.isCurrent(explorer.shown[1]));
  });

  it('gives up (false) when refreshes keep replacing the tree', async () => {
    const explorer = fakeExplorer();
    let pages = 0;
    explorer.hooks.onBackupPage = () => {
      pages++;
      explorer.refresh();
    };
    assert.strictEqual(await revealBackup(explorer.host, target, limits), false);
    assert.deepStrictEqual(explorer.shown, []);
    assert.strictEqual(pages, limits.maxAttempts, 'a dropped list loads no further pages');
  });
});
