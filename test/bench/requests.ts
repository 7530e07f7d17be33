// First: the modules below import vscode.
import { stub } from './fakeVscode';
import { DEFAULT_SCAN_LIMITS, findBackupById, scanMatchingBackups } from '../../src/domain/backupScan';
import { DetailsPanels, REFRESH_MAX_PAGES } from '../../src/details/detailsPanel';
import { refetchBackup } from '../../src/details/fetching';
import type { Backup } from '../../src/cloud/model';
import { ADAPTERS, adapterFor } from '../../src/cloud/services/registry';
import { InstanceNode, ServiceNode } from '../../src/explorer/nodes';
import { DEMO_NAMES, type Emulator } from '../emulator';
import { explorerFor, sessionFor, withEmulator } from './harness';
import { exactly, type Benchmark, type Figure } from './types';

/** Waits until `done()` holds (background loads such as the service counts), at most 10 s. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 10_000) throw new Error('Timed out waiting for the background loads');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Requests the emulator received while `action` ran. */
async function requestsOf(emulator: Emulator, action: () => Promise<unknown>): Promise<number> {
  emulator.clearRequests();
  await action();
  return emulator.requests.length;
}

/**
 * Requests per user action, counted in the emulator's request log, over the demo data. The tree's
 * actions go through BackupExplorer exactly as the view and its commands call it; the panel and
 * the palette commands through the vscode-free functions they call.
 */
export const requestsBenchmark: Benchmark = {
  name: 'requests',
  description: 'requests per user action (emulator request log, demo data)',
  run: () =>
    withEmulator({}, async (emulator) => {
      const session = sessionFor(emulator);
      const explorer = explorerFor(session);
      const figures: Figure[] = [];
      const count = async (label: string, action: () => Promise<unknown>, goal?: number) => {
        const requests = await requestsOf(emulator, action);
        figures.push(goal === undefined ? { label, value: String(requests) } : exactly(label, requests, goal));
      };

      const countsLoaded = (roots: readonly unknown[]) =>
        roots.every((root) => !(root instanceof ServiceNode) || !root.adapter.countBackups || root.counts !== undefined);
      const showView = async () => {
        const roots = await explorer.getChildren();
        await until(() => countsLoaded(roots));
        return roots.filter((root): root is ServiceNode => root instanceof ServiceNode);
      };
      const ordersOf = (rds: ServiceNode): InstanceNode => rds.childNodes().find((node) => node.instance.name === DEMO_NAMES.rds.orders)!;

      let rds!: ServiceNode;
      await count('show the view (CSBS, CBR service counts)', async () => (rds = (await showView()).find((r) => r.service === 'rds')!));
      await count('expand a service (RDS)', () => explorer.getChildren(rds), 1);
      const orders = ordersOf(rds);
      await count('expand an instance (orders-mysql)', () => explorer.getChildren(orders), 1);
      await count('re-expand a cached instance', () => explorer.getChildren(orders), 0);
      await count(
        'Refresh one node (one page shown)',
        async () => {
          explorer.refreshNode(orders);
          await explorer.getChildren(orders);
        },
        1,
      );
      await count('Load more', () => explorer.loadMore(orders.loadMoreNode), 1);
      // A refreshed node loads as many pages as it showed: the first, then the rest behind it.
      const shown = async (node: InstanceNode) => {
        await explorer.getChildren(node);
        await until(() => node.list.loading === undefined);
      };
      await count('Refresh one node (two pages shown)', async () => {
        explorer.refreshNode(orders);
        await shown(orders);
      });
      await count('Refresh the view (RDS, orders-mysql expanded)', async () => {
        explorer.refresh({ keepPages: true });
        const again = (await showView()).find((r) => r.service === 'rds')!;
        await explorer.getChildren(again);
        await shown(ordersOf(again));
      });

      const ctx = await session.context();
      const backupIn = async (service: 'rds' | 'dcs', instanceName: string): Promise<Backup> => {
        const adapter = adapterFor(service);
        const instance = (await adapter.listInstances(ctx, { limit: 100 })).items.find((i) => i.name === instanceName)!;
        return (await adapter.listBackups(ctx, instance, { limit: 100 })).items.at(-1)!;
      };
      const rdsBackup = await backupIn('rds', DEMO_NAMES.rds.payments);
      const dcsBackup = await backupIn('dcs', DEMO_NAMES.dcs.ratelimit);
      // The panel renders the record the tree holds; its Refresh button fetches it again.
      const panels = new DetailsPanels(stub(), { connection: stub(), revealInTree: async () => true });
      await count('open a detail panel', async () => panels.open(rdsBackup));
      for (const [backup, how] of [
        [rdsBackup, 'by id'],
        [dcsBackup, "reads the instance's list"],
      ] as const) {
        const location = { service: backup.service, instanceId: backup.instanceId, instanceName: backup.instanceName, backupId: backup.id };
        await count(`detail panel Refresh (${backup.service.toUpperCase()}: ${how})`, () =>
          refetchBackup(adapterFor(backup.service), ctx, location, { pageSize: session.settings.pageSize, maxPages: REFRESH_MAX_PAGES }),
        );
      }
      await count('Find by ID: RDS (server look-up per instance)', () =>
        findBackupById(ctx, [adapterFor('rds')], rdsBackup.id, DEFAULT_SCAN_LIMITS),
      );
      await count('Find by ID: DCS (scans instance lists)', () =>
        findBackupById(ctx, [adapterFor('dcs')], dcsBackup.id, DEFAULT_SCAN_LIMITS),
      );
      await count('Show Failed, any time, every service', () =>
        scanMatchingBackups(ctx, ADAPTERS, { statuses: ['failed'] }, DEFAULT_SCAN_LIMITS),
      );
      explorer.dispose();
      return figures;
    }),
};
