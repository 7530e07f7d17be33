// First: the tree's modules import vscode.
import './fakeVscode';
import { BENCH_NOW, bigInstanceTree, median, timed } from './harness';
import { withRemoteEmulator } from './remoteEmulator';
import { atMost, type Benchmark } from './types';

/**
 * What the view asks of the tree once an instance holds many backups: its children, then a
 * TreeItem for each (BackupExplorer.getChildren + getTreeItem, the real treeItems.ts on the
 * stand-in vscode classes). The first call also creates the backups' nodes.
 */
export const treeItemsBenchmark: Benchmark = {
  name: 'tree-items',
  description: 'building the tree items of 10,000 loaded backups',
  run: ({ quick }) =>
    withRemoteEmulator(BENCH_NOW, async (emulator) => {
      const backups = quick ? 500 : 10_000;
      const repeats = quick ? 3 : 10;
      const { explorer, node } = await bigInstanceTree(emulator, backups);
      const build = async () => {
        for (const child of await explorer.getChildren(node)) explorer.getTreeItem(child);
      };

      // Once before measuring, as an extension host that has shown a tree has compiled this code.
      await explorer.loadAll(node);
      await build();
      // The first build, several times over from a freshly loaded list: one timing alone says more
      // about the garbage the benchmarks before it left than about building nodes.
      const firsts: number[] = [];
      for (let i = 0; i < repeats; i++) {
        node.reset();
        await explorer.loadAll(node);
        firsts.push(await timed(build));
      }
      const again: number[] = [];
      for (let i = 0; i < repeats; i++) again.push(await timed(build));
      explorer.dispose();
      return [
        atMost(
          `getChildren + getTreeItem × ${backups}, first time (creates the nodes; median of ${repeats})`,
          median(firsts),
          50,
          ' ms',
          1,
        ),
        atMost(`the same again (median of ${repeats})`, median(again), 50, ' ms', 1),
      ];
    }),
};
