/**
 * Every benchmark, and the table they print. To add one, write a module exporting a `Benchmark`
 * (types.ts) and list it in BENCHMARKS. Benchmarks report figures beside their goals; nothing here
 * passes or fails on a timing.
 */
// First, before any module that imports vscode.
import './fakeVscode';
import { activationBenchmark } from './activation';
import { bundleBenchmark } from './bundle';
import { healthBenchmark } from './health';
import { latencyBenchmark } from './loadAll';
import { memoryBenchmark } from './memory';
import { overheadBenchmark } from './overhead';
import { requestsBenchmark } from './requests';
import { throttleBenchmark } from './throttle';
import { treeItemsBenchmark } from './treeItems';
import type { Benchmark, BenchOptions, Figure } from './types';

export const BENCHMARKS: readonly Benchmark[] = [
  requestsBenchmark,
  latencyBenchmark,
  overheadBenchmark,
  throttleBenchmark,
  memoryBenchmark,
  treeItemsBenchmark,
  healthBenchmark,
  bundleBenchmark,
  activationBenchmark,
];

export interface BenchmarkResult {
  readonly benchmark: Benchmark;
  readonly figures: readonly Figure[];
}

/** Runs the named benchmarks (all when none are named), one after another, printing each table as it ends. */
export async function runBenchmarks(
  names: readonly string[],
  options: BenchOptions,
  print: (line: string) => void = console.log,
): Promise<BenchmarkResult[]> {
  const unknown = names.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name));
  if (unknown.length) throw new Error(`No benchmark named ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  const results: BenchmarkResult[] = [];
  for (const benchmark of BENCHMARKS.filter((b) => names.length === 0 || names.includes(b.name))) {
    const figures = await benchmark.run(options);
    results.push({ benchmark, figures });
    print(table(benchmark, figures));
  }
  print(summary(results));
  return results;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** A Markdown table, so docs/BENCHMARKS.md can take it as printed. */
export function table(benchmark: Benchmark, figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const met = f.met === undefined ? '' : f.met ? 'met' : '**not met**';
    return `| ${cell(f.label)} | ${cell(f.value)} | ${cell(f.goal ?? '')} | ${met} |`;
  });
  return [`\n### ${benchmark.name}: ${benchmark.description}\n`, '| figure | value | goal | |', '|---|---:|---|---|', ...rows].join('\n');
}

function summary(results: readonly BenchmarkResult[]): string {
  const goals = results.flatMap((r) => r.figures.filter((f) => f.met !== undefined).map((f) => ({ ...f, name: r.benchmark.name })));
  const missed = goals.filter((g) => !g.met);
  const lines = [`\n${goals.length - missed.length} of ${goals.length} goals met.`];
  for (const goal of missed) lines.push(`  not met: ${goal.name} / ${goal.label}: ${goal.value} (goal ${goal.goal})`);
  return lines.join('\n');
}
