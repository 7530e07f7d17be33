/**
 * The emulator's data set: raw records exactly as each API returns them, so tests can add, alter or
 * break records (wrong types, missing ids) and see what the client makes of them.
 *
 * Every list is kept in API order (newest first). The demo data set uses plain arrays (edit them in
 * place); the scale data set uses GeneratedList, which builds each record from its index on demand so
 * 100,000 backups cost no memory.
 */

export type RawRecord = Record<string, unknown>;

export interface RecordList {
  readonly length: number;
  at(index: number): RawRecord | undefined;
}

/** Lists up to this long keep what they generated: filtering one is then a loop, not thousands of record builds per request. */
const REMEMBERED_LENGTH = 20_000;

/**
 * A read-only list whose records are built from their index when asked for. A short one remembers
 * them, so that the emulator's own work (a project-wide CSBS list filtered per server on every
 * request) does not weigh on a benchmark of the client sharing its cores; a long one (100,000
 * backups) builds each record again, at no memory.
 */
export class GeneratedList implements RecordList {
  private readonly remembered: (RawRecord | undefined)[] | undefined;

  constructor(
    readonly length: number,
    private readonly generate: (index: number) => RawRecord,
  ) {
    this.remembered = length <= REMEMBERED_LENGTH ? new Array<RawRecord | undefined>(length) : undefined;
  }

  at(index: number): RawRecord | undefined {
    if (!(Number.isInteger(index) && index >= 0 && index < this.length)) return undefined;
    if (!this.remembered) return this.generate(index);
    return (this.remembered[index] ??= this.generate(index));
  }
}

/** Instances (or graphs) of one service and each one's backups, keyed by instance id. */
export interface InstanceBackups {
  instances: RecordList;
  backups: Map<string, RecordList>;
}

/** A restorable time range as the restore-time APIs return it (UNIX ms). */
export interface RestoreRange {
  start_time: number;
  end_time: number;
}

export interface EmulatorData {
  /** IAM projects: `{ id, name, … }`; name is the region. */
  projects: RawRecord[];
  rds: InstanceBackups;
  dds: InstanceBackups;
  /** Restorable ranges per RDS / DDS instance id, in time order (restore-time APIs); none when absent. */
  restoreTimes?: Map<string, RestoreRange[]>;
  /**
   * Instance ids whose APIs answer 403 (an IAM policy that denies them): the instance is listed, its
   * backups cannot be read.
   */
  forbiddenInstances?: Set<string>;
  dcs: InstanceBackups;
  /** Instances are graphs. */
  ges: InstanceBackups;
  ecs: { servers: RecordList };
  /** All checkpoint items of the project, newest first; each names its server in `resource_id`. */
  csbs: { checkpointItems: RecordList };
  /** Instances are vaults; each backup names its vault in `vault_id`. */
  cbr: InstanceBackups;
}

export function toArray(list: RecordList): RawRecord[] {
  const out: RawRecord[] = [];
  for (let i = 0; i < list.length; i++) out.push(list.at(i)!);
  return out;
}
