/**
 * The live objects `activate()` hands to the real-host test suites, and to nobody else: another
 * extension calling `getExtension(…).exports` gets undefined unless the test runners started the
 * host with this variable set to 1 (test/host/runTests.ts, runElectron.ts).
 */
export const TEST_API_VARIABLE = 'HWC_EXTENSION_TEST_API';

export function apiForTests<T>(api: T, env: NodeJS.ProcessEnv = process.env): T | undefined {
  return env[TEST_API_VARIABLE] === '1' ? api : undefined;
}

/**
 * When this activation happened, in performance.now() milliseconds of the extension host: activate()
 * called and returned, and the tree's first rows handed to the view. Recording them costs nothing;
 * the activation benchmark (test/bench/activation.ts) reads them through the test API.
 */
export interface ActivationMarks {
  called?: number;
  returned?: number;
  firstRows?: number;
}

export const activationMarks: ActivationMarks = {};
