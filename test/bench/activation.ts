// First: the extension's modules import vscode (quick mode activates it in this process).
import { stub } from './fakeVscode';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { activate, type ExtensionApi } from '../../src/extension';
import { activationMarks, TEST_API_VARIABLE, type ActivationMarks } from '../../src/testAccess';
import { buildProduction } from './bundle';
import { median, withEmulator } from './harness';
import type { ProbeResult } from './host/activationProbe';
import { atMost, exactly, type Benchmark, type Figure } from './types';

/** Milliseconds from activate() being called to `mark`; NaN when either is missing. */
const since = (marks: ActivationMarks, mark: number | undefined) =>
  mark === undefined || marks.called === undefined ? NaN : mark - marks.called;

/** The timings of activations (the median of several: a starting workbench is busy with much else), from their marks. */
function timings(where: string, runs: readonly ActivationMarks[]): Figure[] {
  const returned = runs.map((marks) => since(marks, marks.returned));
  const firstRows = runs.map((marks) => since(marks, marks.firstRows));
  const all = (values: number[]) => (values.length > 1 ? ` (each: ${values.map((v) => v.toFixed(1)).join(', ')})` : '');
  return [
    atMost(`activate(): called → returned, ${where}, median of ${runs.length}${all(returned)}`, median(returned), 20, ' ms', 1),
    { label: `activate() called → first tree rows${all(firstRows)}`, value: `${median(firstRows).toFixed(1)} ms` },
  ];
}

/** The real thing: a fresh code-server each time, its extension host, the production bundle, the demo emulator. */
async function inCodeServer(): Promise<Figure[]> {
  // Loaded only here: these modules read HWC_HOST_TOOLS and need the installed host.
  const { assertToolsInstalled } = await import('../host/codeServer');
  const { runExtensionTests } = await import('../host/extensionTests');
  const { emulatorEnvironment, emulatorWorkspaceSettings } = await import('../host/emulatorWiring');
  assertToolsInstalled();
  buildProduction();
  const probe = () =>
    withEmulator({}, async (emulator) => {
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
        return JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeResult;
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    });
  const runs: ProbeResult[] = [];
  for (let i = 0; i < ACTIVATIONS; i++) runs.push(await probe());
  return [
    exactly('activated before the view was shown, in any run', runs.filter((run) => run.activeBeforeView).length, 0),
    exactly('requests before the view is shown, in all runs', sum(runs.map((run) => run.requestsBeforeView)), 0),
    ...timings('code-server', runs),
  ];
}

const ACTIVATIONS = 3;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** `--quick`: activate() in this process on the stand-in vscode module; the same code, not the same host. */
async function inProcess(): Promise<Figure[]> {
  process.env[TEST_API_VARIABLE] = '1';
  // The benchmarks before this one ran trees of their own in this process.
  activationMarks.firstRows = undefined;
  try {
    const api = activate(stub()) as ExtensionApi;
    await api.explorer.getChildren();
    api.explorer.dispose();
    return timings('plain Node, stand-in vscode', [activationMarks]);
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
