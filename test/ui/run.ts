// `npm run test:ui`: runs the compiled UI specs (test/ui/**/*.ui.ts) with mocha. Each spec drives
// a real workbench through test/ui/harness.ts. HWC_UI_GREP narrows the run.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { installShutdownHandlers, shutdown } from '../host/lifecycle';

const TIMEOUT_MS = Number(process.env.HWC_UI_TIMEOUT_SECONDS ?? 1800) * 1000;

function specFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return specFiles(full);
      return entry.name.endsWith('.ui.js') ? [full] : [];
    })
    .sort();
}

async function main(): Promise<void> {
  installShutdownHandlers('test:ui', TIMEOUT_MS);
  // A workbench takes a few seconds to start; one spec may open several. A spec gets one more try
  // (HWC_UI_RETRIES), because a browser driving a workbench on a loaded machine now and then loses
  // a click; a retry is printed with what failed, so a pattern is visible, and twice fails the run.
  const retries = Number(process.env.HWC_UI_RETRIES ?? 1);
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 180_000, retries });
  if (process.env.HWC_UI_GREP) mocha.grep(process.env.HWC_UI_GREP);
  for (const file of specFiles(__dirname)) mocha.addFile(file);
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on(Mocha.Runner.constants.EVENT_TEST_RETRY, (test: Mocha.Test, error: Error) =>
      console.log(`    ↻ retrying "${test.title}" after:\n${error.message.replace(/^/gm, '      ')}`),
    );
  });
  await shutdown(failures > 0 ? 1 : 0);
}

main().catch((error: unknown) => shutdown(1, `test:ui: ${error instanceof Error ? error.stack : String(error)}`));
