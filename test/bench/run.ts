/**
 * `npm run bench [-- --quick] [NAME…]`: runs the benchmarks (all, or those named) and prints each
 * one's table of figures beside their goals (suite.ts). `--quick` runs them on tiny inputs.
 */
import { runBenchmarks } from './suite';

const args = process.argv.slice(2);
runBenchmarks(
  args.filter((arg) => arg !== '--quick'),
  { quick: args.includes('--quick') },
).then(
  // Servers and timers of a benchmark must not keep the process alive once all have printed.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
