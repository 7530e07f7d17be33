/**
 * The 'scale' data set: hundreds of instances per service and one RDS instance with 100,000 backups.
 * Every record is generated from its index when asked for (GeneratedList), so memory stays small and
 * a page costs the same whatever its offset.
 */
import { cbrDemo } from './cbr';
import { DCS_ERROR_CODES, iamProject, stamp } from './demo';
import { GeneratedList, type EmulatorData, type InstanceBackups, type RawRecord, type RecordList } from './model';
import { randomFor, type Random } from './random';
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

export const SCALE = {
  instancesPerService: 300,
  /** RDS instance 0, `bulk-history-mysql`: hourly backups for over eleven years. */
  bigInstanceName: 'bulk-history-mysql',
  bigInstanceBackups: 100_000,
  servers: 300,
  checkpointItems: 6000,
} as const;

const PREFIXES = [
  'orders',
  'billing',
  'users',
  'catalog',
  'events',
  'sessions',
  'metrics',
  'audit',
  'search',
  'inventory',
  'payments',
  'ledger',
  'crm',
  'iot',
  'logs',
];
const ENVS = ['prod', 'staging', 'dev'];

function scaledName(rng: Random, kind: string, i: number): string {
  return `${rng.pick(PREFIXES)}-${kind}-${rng.pick(ENVS)}-${String(i).padStart(3, '0')}`;
}

/** Backups j = 0, 1, … at one per `interval` going back from `now`, each jittered within its slot. */
function slotTime(now: number, interval: number, j: number, rng: Random): number {
  return now - (j + 1) * interval + rng.int(0, Math.floor(interval / 2000)) * 1000;
}

function generated<S extends { id: string }>(
  count: number,
  specAt: (i: number) => S,
  instanceRecord: (spec: S) => RawRecord,
  backupCount: (i: number) => number,
  backupAt: (spec: S, i: number, j: number) => RawRecord,
): InstanceBackups {
  const backups = new Map<string, RecordList>();
  for (let i = 0; i < count; i++) {
    const spec = specAt(i);
    backups.set(spec.id, new GeneratedList(backupCount(i), (j) => backupAt(spec, i, j)));
  }
  return { instances: new GeneratedList(count, (i) => instanceRecord(specAt(i))), backups };
}

/** 5–30 backups for ordinary instances. */
const ordinaryCount = (scope: string) => (i: number) => 5 + randomFor(`${scope}-count`, i).int(0, 25);

export function scaleDataset(now: number, projectId: string, region: string): EmulatorData {
  const n = SCALE.instancesPerService;

  const rdsSpec = (i: number): RdsInstanceSpec => {
    const rng = randomFor('rds-instance', i);
    const engine = i === 0 ? 'MySQL' : rng.pick(['MySQL', 'MySQL', 'PostgreSQL', 'SQLServer'] as const);
    return {
      id: rng.hex(32) + 'in01',
      name: i === 0 ? SCALE.bigInstanceName : scaledName(rng, engine === 'MySQL' ? 'mysql' : engine === 'PostgreSQL' ? 'pg' : 'mssql', i),
      engine,
      version: engine === 'MySQL' ? rng.pick(['5.7', '8.0']) : engine === 'PostgreSQL' ? rng.pick(['12', '13', '14']) : '2019_SE',
      status: rng.next() < 0.95 ? 'ACTIVE' : 'FAILED',
      type: rng.pick(['Single', 'Ha'] as const),
      createdMs: now - rng.int(100, 3000) * DAY,
    };
  };
  const rds = generated(
    n,
    rdsSpec,
    rdsInstance,
    (i) => (i === 0 ? SCALE.bigInstanceBackups : ordinaryCount('rds')(i)),
    (spec, i, j) => {
      const rng = randomFor(`rds-backup-${i}`, j);
      const interval = i === 0 ? HOUR : DAY;
      const beginMs = slotTime(now, interval, j, rng);
      const partial = spec.engine === 'SQLServer' ? 'fragment' : 'incremental';
      const type = i === 0 ? (j % 24 === 0 ? 'auto' : 'incremental') : j % 7 === 3 ? 'manual' : j % 3 === 1 ? partial : 'auto';
      const status = j === 0 && rng.next() < 0.5 ? 'BUILDING' : rng.next() < 0.03 ? 'FAILED' : 'COMPLETED';
      const sizeKb = type === 'auto' || type === 'manual' ? rng.int(200_000, 5_000_000) : rng.int(5_000, 200_000);
      return rdsBackup({
        id: rng.hex(32) + 'br01',
        name: `${spec.name}-${stamp(beginMs)}`,
        type,
        status,
        beginMs,
        durationMs: rng.int(1, 20) * MINUTE,
        sizeKb,
        instance: spec,
        databases: spec.engine === 'SQLServer' && type !== 'auto' ? ['app', 'reporting'] : undefined,
      });
    },
  );

  const ddsSpec = (i: number): DdsInstanceSpec => {
    const rng = randomFor('dds-instance', i);
    return {
      id: rng.hex(32) + 'in02',
      name: scaledName(rng, 'mongo', i),
      mode: rng.pick(['Sharding', 'ReplicaSet', 'ReplicaSet', 'Single'] as const),
      engine: 'DDS-Community',
      version: rng.pick(['3.4', '4.0']),
      status: 'normal',
      createdMs: now - rng.int(100, 2000) * DAY,
    };
  };
  const dds = generated(n, ddsSpec, ddsInstance, ordinaryCount('dds'), (spec, i, j) => {
    const rng = randomFor(`dds-backup-${i}`, j);
    const beginMs = slotTime(now, DAY, j, rng);
    return ddsBackup({
      id: rng.hex(32) + 'br02',
      name: `${spec.name}-${stamp(beginMs)}`,
      type: j % 6 === 2 ? 'manual' : 'auto',
      status: rng.next() < 0.03 ? 'FAILED' : rng.next() < 0.02 ? 'DISABLED' : 'COMPLETED',
      beginMs,
      durationMs: rng.int(2, 30) * MINUTE,
      sizeKb: rng.int(50_000, 9_000_000),
      instance: spec,
    });
  });

  const dcsSpec = (i: number): DcsInstanceSpec => {
    const rng = randomFor('dcs-instance', i);
    return {
      id: rng.uuid(),
      name: scaledName(rng, 'redis', i),
      engine: 'Redis',
      version: rng.pick(['4.0', '5.0', '6.0']),
      status: rng.next() < 0.95 ? 'RUNNING' : 'ERROR',
      capacityGb: rng.pick([1, 2, 4, 8, 16]),
      createdMs: now - rng.int(30, 1500) * DAY,
    };
  };
  const dcs = generated(n, dcsSpec, dcsInstance, ordinaryCount('dcs'), (spec, i, j) => {
    const rng = randomFor(`dcs-backup-${i}`, j);
    const createdMs = slotTime(now, DAY, j, rng);
    const failed = rng.next() < 0.04;
    return dcsBackup({
      id: rng.uuid(),
      name: `backup_${stamp(createdMs)}`,
      type: j % 5 === 4 ? 'manual' : 'auto',
      status: failed ? 'failed' : j > 20 ? 'expired' : 'succeed',
      createdMs,
      durationMs: rng.int(30, 600) * 1000,
      sizeBytes: rng.int(1e7, spec.capacityGb * 4e8),
      instance: spec,
      errorCode: failed ? rng.pick(DCS_ERROR_CODES) : undefined,
    });
  });

  const gesSpec = (i: number): GesGraphSpec => {
    const rng = randomFor('ges-graph', i);
    return {
      id: rng.uuid(),
      name: scaledName(rng, 'graph', i),
      status: rng.pick(['200', '200', '200', '300']),
      version: '2.3.14',
      sizeTypeIndex: String(rng.int(0, 3)),
      createdMs: now - rng.int(30, 900) * DAY,
    };
  };
  const ges = generated(
    n,
    gesSpec,
    gesGraph,
    (i) => 2 + randomFor('ges-count', i).int(0, 13),
    (spec, i, j) => {
      const rng = randomFor(`ges-backup-${i}`, j);
      const startMs = slotTime(now, DAY, j, rng);
      return gesBackup({
        id: rng.uuid(),
        name: `${spec.name}_${stamp(startMs)}_auto`,
        method: j % 4 === 1 ? 'manual' : 'auto',
        status: rng.next() < 0.05 ? 'failed' : 'success',
        startMs,
        durationMs: rng.int(10, 900) * 1000,
        sizeMb: rng.int(10, 20_000),
        graph: spec,
      });
    },
  );

  const serverSpec = (i: number): ServerSpec => {
    const rng = randomFor('ecs-server', i);
    return {
      id: rng.uuid(),
      name: `${rng.pick(['web', 'api', 'worker', 'batch', 'cache', 'bastion'])}-${String(i).padStart(3, '0')}`,
      status: rng.next() < 0.9 ? 'ACTIVE' : 'SHUTOFF',
      az: rng.pick(['cn-north-4a', 'cn-north-4b', 'cn-north-4c']),
      ip: `10.${Math.floor(i / 250)}.${i % 250}.10`,
      createdMs: now - rng.int(30, 900) * DAY,
    };
  };
  // One item every 10 minutes across the fleet, newest first.
  const checkpointItems = new GeneratedList(SCALE.checkpointItems, (k) => {
    const rng = randomFor('csbs-item', k);
    const failed = rng.next() < 0.04;
    return checkpointItem({
      id: rng.uuid(),
      checkpointId: rng.uuid(),
      name: `autobk_${rng.hex(4)}`,
      status: failed ? 'error' : 'available',
      createdMs: now - (k + 1) * 10 * MINUTE,
      sizeMb: rng.int(5_000, 80_000),
      autoTrigger: k % 9 !== 0,
      server: serverSpec(k % SCALE.servers),
      failure: failed ? { code: 'CSBS.6005', reason: 'The server was being resized when the backup started.' } : undefined,
    });
  });

  return {
    projects: [iamProject(projectId, region)],
    rds,
    dds,
    dcs,
    ges,
    ecs: { servers: new GeneratedList(SCALE.servers, (i) => ecsServer(serverSpec(i))) },
    csbs: { checkpointItems },
    cbr: cbrDemo(now, projectId),
  };
}
