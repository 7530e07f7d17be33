/**
 * The live objects `activate()` hands to the real-host test suites, and to nobody else: another
 * extension calling `getExtension(…).exports` gets undefined unless the test runners started the
 * host with this variable set to 1 (test/host/runTests.ts, runElectron.ts).
 */
export const TEST_API_VARIABLE = 'HWC_EXTENSION_TEST_API';

export function apiForTests<T>(api: T, env: NodeJS.ProcessEnv = process.env): T | undefined {
  return env[TEST_API_VARIABLE] === '1' ? api : undefined;
}
