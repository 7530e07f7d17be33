/**
 * Small data sets for the emulator's other projects (test/emulator/README.md, "Accounts and
 * regions"): account A's second region and account B's project. A few instances per service with
 * backups, one failed backup per database service (so Show Failed finds something), every id and
 * name distinct from the demo data set's. Deterministic: same seed and `now`, same data.
 */
import type { EmulatorData, RawRecord } from './model';
import { Random } from './random';
import {
  checkpointItem,
  dcsBackup,
  dcsInstance,
  ddsBackup,
  ddsInstance,
  ecsServer,
  gesBackup,
  gesGraph,
  rdsBackup,
  rdsInstance,
  type DcsInstanceSpec,
  type DdsInstanceSpec,
  type GesGraphSpec,
  type RdsInstanceSpec,
  type ServerSpec,
} from './records';
import { DAY, HOUR, MINUTE } from './time';
import { iamProject } from './demo';

/** The names of a small data set: `${prefix}-orders-mysql`, …; tests find records by them. */
export function regionalNames(prefix: string) {
  return {
    rds: { orders: `${prefix}-orders-mysql`, billing: `${prefix}-billing-pg` },
    dds: { catalog: `${prefix}-catalog-mongo` },
    dcs: { sessions: `${prefix}-sessions-redis` },
    ges: { social: `${prefix}-social-graph` },
    servers: { web: `${prefix}-web-01` },
  } as const;
}

export interface RegionalSpec {
  readonly projectId: string;
  readonly region: string;
  /** Prefix of every instance name, e.g. 'hk' → hk-orders-mysql. */
  readonly prefix: string;
  /** The account's domain id (IAM `domain_id`). */
  readonly domainId: string;
}

const withRegion = (record: RawRecord, region: string): RawRecord => ('region' in record ? { ...record, region } : record);

export function regionalDataset(now: number, spec: RegionalSpec): EmulatorData {
  const rng = new Random(`hwc-backup-explorer-regional-${spec.prefix}-${spec.projectId}`);
  const names = regionalNames(spec.prefix);
  const az = `${spec.region}a`;
  const created = () => now - rng.int(60, 400) * DAY;
  const day = (d: number, hourUtc: number) => Math.floor(now / DAY) * DAY - d * DAY + hourUtc * HOUR;

  // RDS: orders-mysql with five daily backups, the newest failed; billing-pg with three.
  const orders: RdsInstanceSpec = {
    id: `${rng.hex(32)}in01`,
    name: names.rds.orders,
    engine: 'MySQL',
    version: '8.0',
    status: 'ACTIVE',
    type: 'Ha',
    createdMs: created(),
  };
  const billing: RdsInstanceSpec = {
    id: `${rng.hex(32)}in03`,
    name: names.rds.billing,
    engine: 'PostgreSQL',
    version: '15',
    status: 'ACTIVE',
    type: 'Single',
    createdMs: created(),
  };
  const rdsBackups = (instance: RdsInstanceSpec, count: number, failedNewest: boolean) =>
    Array.from({ length: count }, (_, d) =>
      rdsBackup({
        id: `${rng.hex(32)}br01`,
        name: `${instance.name}-${new Date(day(d, 1)).toISOString().slice(0, 10).replace(/-/g, '')}`,
        type: 'auto',
        status: failedNewest && d === 0 ? 'FAILED' : 'COMPLETED',
        beginMs: day(d, 1),
        durationMs: 9 * MINUTE,
        sizeKb: 2_000_000 + rng.int(0, 500_000),
        instance,
      }),
    );

  // DDS: one replica set, two backups, the older one failed.
  const catalog: DdsInstanceSpec = {
    id: `${rng.hex(32)}in02`,
    name: names.dds.catalog,
    mode: 'ReplicaSet',
    engine: 'DDS-Community',
    version: '4.4',
    status: 'normal',
    createdMs: created(),
  };
  const ddsBackups = [0, 1].map((d) =>
    ddsBackup({
      id: `${rng.hex(32)}br02`,
      name: `${catalog.name}-auto-${d}`,
      type: 'auto',
      status: d === 1 ? 'FAILED' : 'COMPLETED',
      beginMs: day(d, 2),
      durationMs: 6 * MINUTE,
      sizeKb: 800_000 + rng.int(0, 100_000),
      instance: catalog,
    }),
  );

  // DCS: one Redis instance, three backups, one failed with dcs.08.0002.
  const sessions: DcsInstanceSpec = {
    id: rng.uuid(),
    name: names.dcs.sessions,
    engine: 'Redis',
    version: '6.0',
    status: 'RUNNING',
    capacityGb: 4,
    createdMs: created(),
  };
  const dcsBackups = [0, 1, 2].map((d) =>
    dcsBackup({
      id: rng.uuid(),
      name: `backup_${spec.prefix}_${d}`,
      type: d === 2 ? 'manual' : 'auto',
      status: d === 1 ? 'failed' : 'succeed',
      createdMs: day(d, 3),
      durationMs: 2 * MINUTE,
      sizeBytes: 300_000_000 + rng.int(0, 10_000_000),
      instance: sessions,
      ...(d === 1 ? { errorCode: 'dcs.08.0002' } : {}),
    }),
  );

  // GES: one graph, two backups.
  const social: GesGraphSpec = {
    id: rng.uuid(),
    name: names.ges.social,
    status: '200',
    version: '2.3.14',
    sizeTypeIndex: '1',
    createdMs: created(),
  };
  const gesBackups = [0, 1].map((d) =>
    gesBackup({
      id: rng.uuid(),
      name: `${social.name}_${d}`,
      method: 'auto',
      status: 'success',
      startMs: day(d, 4),
      durationMs: 3 * MINUTE,
      sizeMb: 120 + d,
      graph: social,
    }),
  );

  // ECS/CSBS: one server, two checkpoint items, the newer one in error.
  const web: ServerSpec = { id: rng.uuid(), name: names.servers.web, status: 'ACTIVE', az, ip: '192.168.10.11', createdMs: created() };
  const items = [0, 1].map((d) =>
    checkpointItem({
      id: rng.uuid(),
      checkpointId: rng.uuid(),
      name: `autobk_${web.name}_${d}`,
      status: d === 0 ? 'error' : 'available',
      createdMs: day(d, 5),
      sizeMb: 20_000,
      autoTrigger: true,
      server: web,
      ...(d === 0
        ? { failure: { code: 'CSBS.6005', reason: 'Failed to create a snapshot of volume system-disk: the disk is being expanded.' } }
        : {}),
    }),
  );

  return {
    projects: [iamProject(spec.projectId, spec.region, spec.domainId)],
    rds: {
      instances: [withRegion(rdsInstance(orders), spec.region), withRegion(rdsInstance(billing), spec.region)],
      backups: new Map([
        [orders.id, rdsBackups(orders, 5, true)],
        [billing.id, rdsBackups(billing, 3, false)],
      ]),
    },
    dds: { instances: [withRegion(ddsInstance(catalog), spec.region)], backups: new Map([[catalog.id, ddsBackups]]) },
    dcs: { instances: [{ ...dcsInstance(sessions), az_codes: [az] }], backups: new Map([[sessions.id, dcsBackups]]) },
    ges: { instances: [gesGraph(social)], backups: new Map([[social.id, gesBackups]]) },
    ecs: { servers: [ecsServer(web)] },
    csbs: { checkpointItems: items },
    cbr: { instances: [], backups: new Map() },
  };
}
