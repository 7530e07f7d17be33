export interface BenchOptions {
  /** `--quick`: tiny inputs, so the whole suite runs in seconds (the unit test's mode). */
  readonly quick: boolean;
}

/** One measured figure, with the goal it is held to when it has one. */
export interface Figure {
  readonly label: string;
  /** Already formatted with its unit. */
  readonly value: string;
  /** The goal as the issue states it, e.g. "≤ 50 ms". */
  readonly goal?: string;
  /** Whether the value meets the goal; undefined for figures without one. */
  readonly met?: boolean;
}

export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(options: BenchOptions): Promise<Figure[]>;
}

/** A figure held to an upper bound. */
export function atMost(label: string, value: number, limit: number, unit: string, digits = 0): Figure {
  return { label, value: `${value.toFixed(digits)}${unit}`, goal: `≤ ${limit}${unit}`, met: value <= limit };
}

/** A figure held to a lower bound. */
export function atLeast(label: string, value: number, limit: number, unit: string, digits = 0): Figure {
  return { label, value: `${value.toFixed(digits)}${unit}`, goal: `≥ ${limit}${unit}`, met: value >= limit };
}

/** A figure held to an exact count. */
export function exactly(label: string, value: number, wanted: number, unit = ''): Figure {
  return { label, value: `${value}${unit}`, goal: `= ${wanted}${unit}`, met: value === wanted };
}
