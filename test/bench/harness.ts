/** What the benchmarks share: an emulator with a signed session on it, and the real tree over that session. */
import { performance } from 'perf_hooks';
// First: backupExplorer imports vscode.
import { stub } from './fakeVscode';
import { BackupExplorer, type ExplorerConnection } from '../../src/explorer/backupExplorer';
import { ServiceNode } from '../../src/explorer/nodes';
import { createCloudSession, type CloudSession } from '../../src/cloud/session';
import { DEFAULT_SETTINGS, type CloudSettings, type RequestLogEntry } from '../../src/cloud/settings';
import type { HttpTuning } from '../../src/cloud/http/client';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator';
import type { RemoteEmulator } from './remoteEmulator';

/** The data sets' time anchor, so every run sees the same records. */
export const BENCH_NOW = new Date('2026-11-21T12:00:00Z');

export async function withEmulator<T>(options: EmulatorOptions, body: (emulator: Emulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ now: BENCH_NOW, ...options });
  try {
    return await body(emulator);
  } finally {
    await emulator.close();
  }
}

export interface SessionOptions {
  readonly settings?: Partial<CloudSettings>;
  readonly tuning?: Partial<HttpTuning>;
  readonly onRequest?: (entry: RequestLogEntry) => void;
}

/** Where a session goes: an emulator in this process or in its own (remoteEmulator.ts). */
export type Target = Pick<Emulator, 'endpointTemplate' | 'region' | 'projectId' | 'credentials'>;

/** A session as the extension builds one, pointed at the emulator with its demo keys. */
export function sessionFor(emulator: Target, options: SessionOptions = {}): CloudSession {
  return createCloudSession({
    settings: {
      ...DEFAULT_SETTINGS,
      endpointTemplate: emulator.endpointTemplate,
      region: emulator.region,
      projectId: emulator.projectId,
      ...options.settings,
    },
    credentials: emulator.credentials,
    onRequest: options.onRequest,
    tuning: options.tuning,
  });
}

/** The extension's tree (BackupExplorer) on a session, as activate() wires it, minus the view. */
export function explorerFor(session: CloudSession): BackupExplorer {
  const never = () => ({ dispose: () => undefined });
  const connection: ExplorerConnection = {
    onDidChange: never,
    settings: () => session.settings,
    credentialSource: async () => 'environment',
    scopes: async () => [
      {
        key: `default/${session.settings.region}`,
        connectionId: 'default',
        connectionName: 'default',
        region: session.settings.region,
        adapterContext: (signal) => session.context(signal),
        project: (signal) => session.project(signal),
      },
    ],
  };
  return new BackupExplorer(connection, { onDidChange: never, get: () => undefined }, stub());
}

/**
 * The tree on the remote emulator's big RDS instance, cut to its newest `backups`: the RDS service
 * expanded (one request), the instance node not yet.
 */
export async function bigInstanceTree(emulator: RemoteEmulator, backups: number) {
  await emulator.resize(backups);
  const session = sessionFor(emulator);
  const explorer = explorerFor(session);
  const rds = (await explorer.getChildren()).find((node): node is ServiceNode => node instanceof ServiceNode && node.service === 'rds')!;
  await explorer.getChildren(rds);
  const node = rds.childNodes().find((child) => child.instance.id === emulator.bigInstance.id);
  if (!node) throw new Error(`RDS instance ${emulator.bigInstance.id} is not on the first page of instances`);
  return { session, explorer, node };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds `body` took. */
export async function timed(body: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await body();
  return performance.now() - started;
}
