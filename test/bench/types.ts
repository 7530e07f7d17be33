export interface Benchmark {
  readonly name: string;
  readonly description: string;
  /** Measured values by label, already formatted with their unit. */
  run(): Promise<Record<string, string>>;
}
