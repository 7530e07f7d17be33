// First: the extension's modules import vscode (quick mode activates it in this process).
import { stub } from './fakeVscode';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { activate, type ExtensionApi } from '../../src/extension';
import { activationMarks, TEST_API_VARIABLE, type ActivationMarks } from '../../src/testAccess';
import { buildProduction } from './bundle';
import { withEmulator } from './harness';
import type { ProbeResult } from './host/activationProbe';
import { atMost, exactly, type Benchmark, type Figure } from './types';

/** The timings of one activation, from its marks. */
function timings(where: string, marks: ActivationMarks): Figure[] {
  const since = (mark: number | undefined) => (mark === undefined || marks.called === undefined ? NaN : mark - marks.called);
  return [
    atMost(`activate(): called → returned (${where})`, since(marks.returned), 20, ' ms', 1),
    { label: 'activate() called → first tree rows', value: `${since(marks.firstRows).toFixed(1)} ms` },
  ];
}

/** The real thing: code-server's extension host, the production bundle, the demo emulator. */
async function inCodeServer(): Promise<Figure[]> {
  // Loaded only here: these modules read HWC_HOST_TOOLS and need the installed host.
  const { assertToolsInstalled } = await import('../host/codeServer');
  const { runExtensionTests } = await import('../host/extensionTests');
  const { emulatorEnvironment, emulatorWorkspaceSettings } = await import('../host/emulatorWiring');
  assertToolsInstalled();
  buildProduction();
  return withEmulator({}, async (emulator) => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-bench-activation-'));
    try {
      const out = path.join(scratch, 'marks.json');
      const workspaceFolder = path.join(scratch, 'workspace');
      fs.mkdirSync(workspaceFolder);
      const code = await runExtensionTests({
        workspaceFolder,
        workspaceSettings: emulatorWorkspaceSettings(emulator),
        env: { ...emulatorEnvironment(emulator), [TEST_API_VARIABLE]: '1', HWC_BENCH_ACTIVATION_OUT: out },
        testsEntry: path.join(__dirname, 'host', 'activationProbe.js'),
      });
      if (code !== 0 || !fs.existsSync(out)) throw new Error(`The activation probe failed (${code}); see test-results/host/`);
      const result = JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeResult;
      return [
        exactly('activated before the view was shown (0 = no)', Number(result.activeBeforeView), 0),
        exactly('requests before the view is shown', result.requestsBeforeView, 0),
        ...timings('code-server', result),
      ];
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
}

/** `--quick`: activate() in this process on the stand-in vscode module; the same code, not the same host. */
async function inProcess(): Promise<Figure[]> {
  process.env[TEST_API_VARIABLE] = '1';
  try {
    const api = activate(stub()) as ExtensionApi;
    await api.explorer.getChildren();
    api.explorer.dispose();
    return timings('plain Node, stand-in vscode', activationMarks);
  } finally {
    delete process.env[TEST_API_VARIABLE];
  }
}

/**
 * Activation in the real host (code-server): activate() must only register things (≤ 20 ms), and
 * nothing is fetched before the view is shown. Marks are taken inside the extension host
 * (src/testAccess.ts). Needs the host tools: `npm run setup:host`, or HWC_HOST_TOOLS pointing at them.
 */
export const activationBenchmark: Benchmark = {
  name: 'activation',
  description: 'activation in the real extension host (code-server), production bundle',
  run: ({ quick }) => (quick ? inProcess() : inCodeServer()),
};
