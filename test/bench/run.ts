/**
 * `npm run bench`: runs every benchmark in BENCHMARKS and prints what it measured.
 * Benchmarks report numbers; they never pass or fail on timings. To add one, write a module
 * exporting a `Benchmark` and list it below. `node out/test/bench/run.js NAME…` runs only those.
 */
import { explorerPagingBenchmark } from './explorerPaging';
import type { Benchmark } from './types';

const BENCHMARKS: readonly Benchmark[] = [explorerPagingBenchmark];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected = wanted.length ? BENCHMARKS.filter((benchmark) => wanted.includes(benchmark.name)) : BENCHMARKS;
  if (selected.length === 0) throw new Error(`No benchmark named ${wanted.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  for (const benchmark of selected) {
    console.log(`\n## ${benchmark.name}: ${benchmark.description}`);
    const results = await benchmark.run();
    for (const [label, value] of Object.entries(results)) console.log(`  ${label.padEnd(36)} ${value}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
