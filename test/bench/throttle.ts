// First: the tree's modules import vscode.
import './fakeVscode';
import { BENCH_NOW, bigInstanceTree, timed } from './harness';
import { withRemoteEmulator } from './remoteEmulator';
import { atMost, exactly, type Benchmark } from './types';

/**
 * Load All under the API gateway's rate limit (the emulator's token bucket: 429 APIGW.0308 with
 * Retry-After beyond the rate), through the real tree and client with the shipped settings
 * (maxRetries 3). The client has to slow down rather than retry into the limit.
 */
export const throttleBenchmark: Benchmark = {
  name: 'throttle',
  description: 'Load All under a rate limit of the gateway (token bucket, 429 + Retry-After)',
  run: ({ quick }) =>
    withRemoteEmulator(BENCH_NOW, async (emulator) => {
      const backups = quick ? 400 : 10_000;
      const ratePerSecond = quick ? 20 : 10;
      const { session, explorer, node } = await bigInstanceTree(emulator, backups);
      await explorer.getChildren(node);
      const pages = Math.ceil(backups / session.settings.pageSize) - 1;

      await emulator.setRateLimit({ service: 'rds', ratePerSecond });
      await emulator.clearRequests();
      const elapsed = await timed(() => explorer.loadAll(node));
      const requests = (await emulator.requests()).filter((r) => r.service === 'rds');
      const succeeded = requests.filter((r) => r.status === 200).length;
      const lost = pages - succeeded;
      explorer.dispose();

      const ideal = (pages / ratePerSecond) * 1000;
      return [
        { label: `Load All of ${backups} backups, ${pages} pages, at ${ratePerSecond} requests/s`, value: `${elapsed.toFixed(0)} ms` },
        { label: 'requests answered 429', value: String(requests.length - succeeded) },
        atMost('requests per successful page', requests.length / succeeded, 1.3, '', 2),
        exactly(`pages lost for good (loaded ${node.list.items.length} of ${backups} backups)`, lost, 0),
        atMost(`time ÷ (pages ÷ rate = ${ideal.toFixed(0)} ms)`, elapsed / ideal, 1.3, '×', 2),
      ];
    }),
};
