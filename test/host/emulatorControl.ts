// What the host suites share: the extension under test, and the control API of the emulator the
// runner started (its URL comes in HWC_EMULATOR_URL): the requests it received and fault injection.
import * as assert from 'assert';
import type { RecordedRequest } from '../emulator/types';

export type { RecordedRequest };

export const EXTENSION_ID = 'backup-explorer.hwc-backup-explorer';

export function emulatorUrl(): string {
  const url = process.env.HWC_EMULATOR_URL;
  assert.ok(url, 'HWC_EMULATOR_URL is not set: the runner passes it in the environment');
  return url;
}

/** Every request the emulator received since the last clearRequests(), oldest first. */
export async function requests(): Promise<RecordedRequest[]> {
  const response = await fetch(`${emulatorUrl()}/__emulator/requests`);
  return (await response.json()) as RecordedRequest[];
}

export async function clearRequests(): Promise<void> {
  await fetch(`${emulatorUrl()}/__emulator/requests`, { method: 'DELETE' });
}

export async function injectFault(spec: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${emulatorUrl()}/__emulator/faults`, { method: 'POST', body: JSON.stringify(spec) });
  assert.strictEqual(response.status, 201, await response.text());
}

export async function clearFaults(): Promise<void> {
  await fetch(`${emulatorUrl()}/__emulator/faults`, { method: 'DELETE' });
}
