import type { Instance } from '../../src/cloud/model';
import { GeneratedList, SCALE, type Emulator } from '../emulator';

export interface BigInstance {
  readonly instance: Instance;
  /** From now on the instance has its newest `count` backups (at most the data set's 100,000). */
  resize(count: number): void;
}

/**
 * The scale data set's big RDS instance (bulk-history-mysql, RDS instance 0), whose list can be cut
 * to any length: built from the index like the rest of that data set.
 */
export function bigRdsInstance(emulator: Emulator): BigInstance {
  const raw = emulator.data.rds.instances.at(0)!;
  if (raw.name !== SCALE.bigInstanceName) throw new Error(`Expected the scale data set, found RDS instance ${String(raw.name)}`);
  const id = String(raw.id);
  const full = emulator.data.rds.backups.get(id)!;
  return {
    instance: { service: 'rds', id, name: SCALE.bigInstanceName, raw },
    resize(count) {
      if (count > full.length) throw new Error(`${SCALE.bigInstanceName} has ${full.length} backups, not ${count}`);
      emulator.data.rds.backups.set(id, new GeneratedList(count, (j) => full.at(j)!));
    },
  };
}

/** The most attempts that were in flight at once, from when each started and ended. */
export function maxInFlight(attempts: readonly { readonly start: number; readonly end: number }[]): number {
  const edges = attempts.flatMap((a) => [
    { t: a.start, d: 1 },
    { t: a.end, d: -1 },
  ]);
  // At equal times, ends come first: an attempt that starts as another ends does not overlap it.
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let current = 0;
  let most = 0;
  for (const edge of edges) most = Math.max(most, (current += edge.d));
  return most;
}
