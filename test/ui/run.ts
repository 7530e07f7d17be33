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
  // A workbench takes a few seconds to start; one spec may open several.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 180_000 });
  if (process.env.HWC_UI_GREP) mocha.grep(process.env.HWC_UI_GREP);
  for (const file of specFiles(__dirname)) mocha.addFile(file);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  await shutdown(failures > 0 ? 1 : 0);
}

main().catch((error: unknown) => shutdown(1, `test:ui: ${error instanceof Error ? error.stack : String(error)}`));
