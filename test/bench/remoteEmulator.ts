import { fork } from 'child_process';
import * as path from 'path';
import type { FaultSpec, RateLimitSpec, RecordedRequest } from '../emulator';
import type { Ready } from './emulatorProcess';

/** The emulator of emulatorProcess.ts, driven through its control API (test/emulator/README.md). */
export interface RemoteEmulator extends Ready {
  /** From now on the big RDS instance has its newest `count` backups. */
  resize(count: number): Promise<void>;
  requests(): Promise<RecordedRequest[]>;
  clearRequests(): Promise<void>;
  injectFault(spec: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
  setRateLimit(spec: RateLimitSpec): Promise<void>;
  clearRateLimits(): Promise<void>;
}

export async function withRemoteEmulator<T>(now: Date, body: (emulator: RemoteEmulator) => Promise<T>): Promise<T> {
  const child = fork(path.join(__dirname, 'emulatorProcess.js'), [now.toISOString()], { stdio: 'inherit' });
  const nextMessage = <M>() =>
    new Promise<M>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`The emulator process exited (${code})`));
      child.once('exit', exited);
      child.once('message', (message) => {
        child.off('exit', exited);
        resolve(message as M);
      });
    });
  try {
    const ready = await nextMessage<Ready>();
    const control = async (method: string, what: string, body?: unknown) => {
      const response = await fetch(`${ready.url}/__emulator/${what}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} /__emulator/${what}: ${response.status} ${await response.text()}`);
      return response.status === 200 ? ((await response.json()) as unknown) : undefined;
    };
    const emulator: RemoteEmulator = {
      ...ready,
      async resize(count) {
        const resized = nextMessage<unknown>();
        child.send({ resize: count });
        await resized;
      },
      requests: async () => (await control('GET', 'requests')) as RecordedRequest[],
      clearRequests: () => control('DELETE', 'requests').then(() => undefined),
      injectFault: (spec) => control('POST', 'faults', spec).then(() => undefined),
      clearFaults: () => control('DELETE', 'faults').then(() => undefined),
      setRateLimit: (spec) => control('POST', 'rate-limits', spec).then(() => undefined),
      clearRateLimits: () => control('DELETE', 'rate-limits').then(() => undefined),
    };
    return await body(emulator);
  } finally {
    child.disconnect();
  }
}
