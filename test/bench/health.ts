// First: the command module imports vscode.
import './fakeVscode';
import { ADAPTERS } from '../../src/cloud/services/registry';
import { HEALTH_CONCURRENCY } from '../../src/commands/healthScan';
import { scanHealth } from '../../src/domain/health';
import { BENCH_NOW, sessionFor, timed } from './harness';
import { withRemoteEmulator } from './remoteEmulator';
import { atMost, type Benchmark, type Figure } from './types';

/**
 * Show Backup Health over the scale data set (300 instances per service) at injected latency: its
 * time against the ideal for the requests it made at its concurrency, and how many backup requests
 * an instance costs (the goal: one; every API here lists newest first, so its newest page is enough).
 */
export const healthBenchmark: Benchmark = {
  name: 'health',
  description: 'Show Backup Health over the scale data set at injected latency (emulator in its own process)',
  run: ({ quick }) =>
    withRemoteEmulator(BENCH_NOW, async (emulator) => {
      const latencyMs = quick ? 10 : 100;
      const maxInstancesPerService = quick ? 10 : 300;
      const session = sessionFor(emulator);
      const scope = { key: `default/${emulator.region}`, label: emulator.region, context: await session.context(), adapters: ADAPTERS };
      const scan = () => scanHealth([scope], { now: BENCH_NOW.getTime(), concurrency: HEALTH_CONCURRENCY, maxInstancesPerService });
      await scan(); // warm-up at zero latency
      for (const adapter of ADAPTERS) await emulator.injectFault({ kind: 'latency', service: adapter.id, latencyMs });
      await emulator.clearRequests();
      let report: Awaited<ReturnType<typeof scan>> | undefined;
      const elapsed = await timed(async () => {
        report = await scan();
      });
      const requests = (await emulator.requests()).filter((request) => !request.path.startsWith('/__emulator'));
      await emulator.clearFaults();

      // Backup-list requests read from the emulator's log (counts included, were any made), per instance scanned.
      const backupRequests = requests.filter((request) => /backups|checkpoint_items/.test(request.path)).length;
      const ideal = Math.ceil(requests.length / HEALTH_CONCURRENCY) * latencyMs;
      const figures: Figure[] = [
        {
          label: `instances scanned (${ADAPTERS.length} services, ≤ ${maxInstancesPerService} each)`,
          value: String(report!.instances.length),
        },
        { label: `requests at ${latencyMs} ms latency (instance lists and backups)`, value: String(requests.length) },
        { label: 'scan time', value: `${elapsed.toFixed(0)} ms` },
        { label: `ideal: ceil(${requests.length} ÷ ${HEALTH_CONCURRENCY}) × ${latencyMs} ms`, value: `${ideal} ms` },
        atMost('scan time ÷ ideal', elapsed / ideal, 1.2, '×', 2),
        atMost(
          `backup requests per instance (${report!.instances.length} instances, from the emulator's log)`,
          backupRequests / Math.max(1, report!.instances.length),
          1,
          '',
          3, // 1.002 is not 1: a rounded "1.00" would hide the instances that took a second request
        ),
      ];
      return figures;
    }),
};
