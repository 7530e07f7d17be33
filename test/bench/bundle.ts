import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { atMost, type Benchmark, type Figure } from './types';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const OUTFILE = 'dist/extension.js';

interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

/** `node_modules/zod/v3/types.cjs` → `zod`; `src/cloud/http/client.ts` → `src/cloud`. */
function contributor(input: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return dependency ? dependency[1] : input.split('/').slice(0, 2).join('/');
}

/** `npm run build:prod` (esbuild.mjs): dist/extension.js as it ships; with `metafile`, esbuild's account of it there. */
export function buildProduction(metafile?: string): void {
  const args = ['esbuild.mjs', '--production', ...(metafile ? ['--metafile', metafile] : [])];
  execFileSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'ignore' });
}

/** The production bundle, and what fills it, from esbuild's metafile. */
export const bundleBenchmark: Benchmark = {
  name: 'bundle',
  description: 'size of the production bundle (dist/extension.js) and its biggest contributors',
  async run() {
    const metafilePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-bundle-')), 'meta.json');
    buildProduction(metafilePath);
    const output = (JSON.parse(fs.readFileSync(metafilePath, 'utf8')) as Metafile).outputs[OUTFILE];
    fs.rmSync(path.dirname(metafilePath), { recursive: true, force: true });
    const bySource = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      bySource.set(contributor(input), (bySource.get(contributor(input)) ?? 0) + bytesInOutput);
    }
    const biggest = [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 8);
    const figures: Figure[] = [atMost(`${OUTFILE}, minified`, output.bytes / 1000, 250, ' kB', 1)];
    for (const [source, bytes] of biggest) figures.push({ label: `… ${source}`, value: `${(bytes / 1000).toFixed(1)} kB` });
    return figures;
  },
};
