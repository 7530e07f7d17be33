// Entry point loaded by the extension host (extensionTestsPath): runs every compiled host suite,
// out/test/host/suite/**/*.test.js, with mocha. Used by both runners (code-server and test-electron).
// The suites for a workbench in Chinese have their own entry, zh-cn/index.ts.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return testFiles(full);
      return entry.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}

export async function run(): Promise<void> {
  await runSuites(path.join(__dirname, 'suite'));
}

/** Runs every *.test.js under `dir` (HWC_HOST_GREP narrows them); rejects when one fails. */
export async function runSuites(dir: string): Promise<void> {
  // The extension host's console goes to the runner's terminal, which is not a TTY.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  if (process.env.HWC_HOST_GREP) mocha.grep(process.env.HWC_HOST_GREP);
  for (const file of testFiles(dir)) mocha.addFile(file);
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} host test(s) failed`)) : resolve()));
  });
}
