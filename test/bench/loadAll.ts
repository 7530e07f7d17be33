// First: the tree's modules import vscode.
import './fakeVscode';
import { LOAD_ALL_CONCURRENCY } from '../../src/explorer/backupExplorer';
import { BENCH_NOW, bigInstanceTree, median, timed } from './harness';
import { withRemoteEmulator } from './remoteEmulator';
import { atLeast, atMost, type Benchmark, type Figure } from './types';

/**
 * What latency costs: Load All of a long list (shipped concurrency against one page at a time and
 * against its ideal), and what the client adds to the first rows of an expansion. The emulator runs
 * in its own process and adds the latency to every request; the tree is the real BackupExplorer.
 */
export const latencyBenchmark: Benchmark = {
  name: 'latency',
  description: 'Load All and first rows at injected latency (emulator in its own process)',
  run: ({ quick }) =>
    withRemoteEmulator(BENCH_NOW, async (emulator) => {
      const backups = quick ? 400 : 10_000;
      const latencyMs = quick ? 20 : 100;
      const samples = quick ? 3 : 15;
      const { session, explorer, node } = await bigInstanceTree(emulator, backups);
      const pageSize = session.settings.pageSize;
      const pages = Math.ceil(backups / pageSize) - 1; // after the first, which the expansion loaded
      // As if never expanded: Refresh would load again every page the node showed.
      const fresh = async () => {
        node.reset();
        await explorer.getChildren(node);
      };

      // Warm-up at zero latency, so neither measured run pays for the first compilations.
      await fresh();
      await explorer.loadAll(node);
      await emulator.injectFault({ kind: 'latency', service: 'rds', latencyMs });

      const firstRows: number[] = [];
      for (let i = 0; i < samples; i++) {
        node.reset();
        firstRows.push((await timed(() => explorer.getChildren(node))) - latencyMs);
      }
      await fresh();
      const oneAtATime = await timed(() => node.list.loadAll({ concurrency: 1 }));
      await fresh();
      const shipped = await timed(() => explorer.loadAll(node));
      if (node.list.items.length !== backups) throw new Error(`Load All loaded ${node.list.items.length} of ${backups}`);
      const ideal = Math.ceil(pages / LOAD_ALL_CONCURRENCY) * latencyMs;
      explorer.dispose();

      const figures: Figure[] = [
        atMost(`first rows of an instance expansion − ${latencyMs} ms latency (median of ${samples})`, median(firstRows), 15, ' ms', 1),
        {
          label: `Load All of ${backups} backups at ${latencyMs} ms, one page at a time (${pages} pages)`,
          value: `${oneAtATime.toFixed(0)} ms`,
        },
        { label: `Load All, shipped concurrency (${LOAD_ALL_CONCURRENCY})`, value: `${shipped.toFixed(0)} ms` },
        atLeast('speed-up: one at a time ÷ shipped', oneAtATime / shipped, 3.5, '×', 2),
        { label: `ideal: ceil(${pages} pages ÷ ${LOAD_ALL_CONCURRENCY}) × ${latencyMs} ms`, value: `${ideal} ms` },
        atMost('shipped ÷ ideal', shipped / ideal, 1.15, '×', 2),
      ];
      return figures;
    }),
};
