// First: the tree's modules import vscode.
import './fakeVscode';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { SCALE } from '../emulator';
import { BENCH_NOW, bigInstanceTree, timed } from './harness';
import { withRemoteEmulator } from './remoteEmulator';
import { atMost, type Benchmark } from './types';

setFlagsFromString('--expose-gc');
/** A full collection, so heap readings measure what is retained, not garbage. */
const collect = runInNewContext('gc') as () => void;

export function retainedHeapBytes(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

const MB = 1024 * 1024;

/**
 * What loaded backups cost in memory: Load All of the scale data set's 100,000-backup instance
 * through the real tree and client (the emulator in its own process, so the heap is the client's),
 * and the heap retained per backup: the normalised Backup, its raw record (kept for the detail
 * panel) and its tree node.
 */
export const memoryBenchmark: Benchmark = {
  name: 'memory',
  description: `heap after Load All of ${SCALE.bigInstanceBackups} backups, and retained per backup`,
  run: ({ quick }) =>
    withRemoteEmulator(BENCH_NOW, async (emulator) => {
      const backups = quick ? 1000 : SCALE.bigInstanceBackups;
      const { explorer, node } = await bigInstanceTree(emulator, backups);
      await explorer.getChildren(node);
      const before = retainedHeapBytes();
      const elapsed = await timed(() => explorer.loadAll(node));
      const children = await explorer.getChildren(node);
      const after = retainedHeapBytes();
      if (node.list.items.length !== backups)
        throw new Error(`Load All loaded ${node.list.items.length} of ${backups}: ${String(node.list.error)}`);
      const perBackup = (after - before) / (backups - node.list.pageSize);
      const figures = [
        {
          label: `Load All of ${backups} backups at zero latency (${children.length} tree children)`,
          value: `${(elapsed / 1000).toFixed(1)} s`,
        },
        atMost('retained per loaded backup (Backup, raw record, tree node)', perBackup, 1024, ' B'),
        atMost('heap after Load All (whole process)', after / MB, 250, ' MB'),
      ];
      explorer.dispose();
      return figures;
    }),
};
