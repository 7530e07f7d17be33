// How every real-host run (host tests, UI tests, the demo) points the extension at the emulator:
// workspace settings for the endpoints, the demo keys in the environment variables Huawei's SDKs
// read (the extension falls back to them when SecretStorage is empty).
import type { Emulator } from '../emulator';

/** The data set's time anchor for tests, so that relative times in the demo data are stable. */
export const FIXED_NOW = new Date('2026-03-02T09:30:00.000Z');

export function emulatorWorkspaceSettings(emulator: Emulator): Record<string, unknown> {
  return {
    'hwcBackups.endpointTemplate': emulator.endpointTemplate,
    'hwcBackups.region': emulator.region,
    'hwcBackups.projectId': emulator.projectId,
  };
}

/**
 * What the test runners add to the emulator's settings: no health badges, so the tree makes no
 * probe requests the suites that count requests would see. The health suites turn them on.
 */
export const TEST_RUN_SETTINGS: Readonly<Record<string, unknown>> = { 'hwcBackups.health.decorateTree': false };

export function emulatorEnvironment(emulator: Emulator, now?: Date): Record<string, string> {
  return {
    HUAWEICLOUD_SDK_AK: emulator.credentials.accessKey,
    HUAWEICLOUD_SDK_SK: emulator.credentials.secretKey,
    HWC_EMULATOR_URL: emulator.url,
    ...(now ? { HWC_EMULATOR_NOW: now.toISOString() } : {}),
  };
}
