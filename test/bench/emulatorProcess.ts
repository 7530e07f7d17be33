/**
 * The emulator in a process of its own (started by remoteEmulator.ts), so that timing and heap
 * benchmarks measure the client alone, as the extension host would run it against the cloud.
 * Serves the scale data set; the parent resizes its big RDS instance over IPC.
 */
import type { Instance } from '../../src/cloud/model';
import { startEmulator } from '../emulator';
import { bigRdsInstance } from '../support/bigInstance';

export interface Ready {
  readonly url: string;
  readonly endpointTemplate: string;
  readonly projectId: string;
  readonly region: string;
  readonly credentials: { accessKey: string; secretKey: string };
  readonly bigInstance: Instance;
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ dataset: 'scale', now: new Date(process.argv[2]) });
  const big = bigRdsInstance(emulator);
  process.on('message', (message: { resize: number }) => {
    big.resize(message.resize);
    process.send!({ resized: message.resize });
  });
  process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
  const { url, endpointTemplate, projectId, region, credentials } = emulator;
  process.send!({ url, endpointTemplate, projectId, region, credentials, bigInstance: big.instance } satisfies Ready);
}

void main();
