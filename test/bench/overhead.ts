import { performance } from 'perf_hooks';
import type { AdapterContext } from '../../src/cloud/services/adapter';
import { rdsAdapter } from '../../src/cloud/services/rds';
import { signRequest } from '../../src/cloud/signing/signer';
import { BENCH_NOW, median, sessionFor } from './harness';
import { withRemoteEmulator } from './remoteEmulator';
import type { Benchmark } from './types';

/** CPU milliseconds this process spent in `body` (user + system): the client's work, whatever else the machine runs. */
export async function cpuMs(body: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await body();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * What the client spends per request at zero latency: the whole round trip (the emulator runs in
 * its own process, so this process's CPU time is the client's alone), and its parts measured on
 * their own: signing, and validating and normalising a page of records.
 */
export const overheadBenchmark: Benchmark = {
  name: 'overhead',
  description: 'per-request client overhead at zero latency (RDS pages of 50 backups)',
  run: ({ quick }) =>
    withRemoteEmulator(BENCH_NOW, async (emulator) => {
      const requests = quick ? 5 : 200;
      const pageSize = 50;
      await emulator.resize(requests * pageSize);
      const ctx = await sessionFor(emulator).context();
      const page = (i: number) =>
        rdsAdapter.listBackups(ctx, emulator.bigInstance, { limit: pageSize, cursor: { kind: 'offset', offset: i * pageSize } });
      await page(0); // warm-up: connection, first compilations

      const roundTrips: number[] = [];
      const cpu = await cpuMs(async () => {
        for (let i = 0; i < requests; i++) {
          const started = performance.now();
          await page(i);
          roundTrips.push(performance.now() - started);
        }
      });

      const url = `${emulator.endpointTemplate.replace('{service}', 'rds')}/v3/${emulator.projectId}/backups?offset=0&limit=50`;
      const signing = await cpuMs(async () => {
        for (let i = 0; i < requests; i++)
          signRequest({ method: 'GET', url, headers: { 'content-type': 'application/json' } }, emulator.credentials);
      });

      // The body of one page as the client receives it, then validated and normalised without HTTP.
      const { body } = await ctx.get('rds', `/v3/${emulator.projectId}/backups`, {
        instance_id: emulator.bigInstance.id,
        offset: 0,
        limit: pageSize,
      });
      const offline: AdapterContext = {
        projectId: ctx.projectId,
        get: async () => ({ status: 200, body: JSON.parse(JSON.stringify(body)) }),
      };
      const parsing = await cpuMs(async () => {
        for (let i = 0; i < requests; i++) await rdsAdapter.listBackups(offline, emulator.bigInstance, { limit: pageSize });
      });

      const per = (ms: number) => `${(ms / requests).toFixed(2)} ms`;
      return [
        { label: `round trip, wall time (median of ${requests})`, value: `${median(roundTrips).toFixed(1)} ms` },
        { label: 'client CPU per request, all of it', value: per(cpu) },
        { label: '… of which signing (SDK-HMAC-SHA256)', value: per(signing) },
        { label: `… of which validation + normalisation of ${pageSize} records`, value: per(parsing) },
      ];
    }),
};
