/**
 * The 'demo' data set: a handful of realistic instances per service covering every status, type,
 * datastore, mode and DCS error code, plus records that reproduce the seed pages' real defects.
 * Deterministic: same `now`, same data.
 */
import { cbrDemo } from './cbr';
import type { EmulatorData, RawRecord, RestoreRange } from './model';
import { Random } from './random';
import {
  checkpointItem,
  CSBS_STATUSES,
  dcsBackup,
  dcsInstance,
  ddsBackup,
  ddsInstance,
  ecsServer,
  gesBackup,
  gesGraph,
  rdsBackup,
  rdsInstance,
  type CheckpointItemSpec,
  type DcsBackupSpec,
  type DcsInstanceSpec,
  type DdsBackupSpec,
  type DdsInstanceSpec,
  type GesBackupSpec,
  type GesGraphSpec,
  type RdsBackupSpec,
  type RdsInstanceSpec,
  type ServerSpec,
} from './records';
import { DAY, HOUR, MINUTE } from './time';

const KB_PER_GB = 1024 * 1024;

/** The ids tests and docs refer to. */
export const DEMO_NAMES = {
  rds: {
    orders: 'orders-mysql',
    billing: 'billing-pg',
    reporting: 'reporting-sqlserver',
    payments: 'payments-mysql',
    legacy: 'legacy-drift',
    staging: 'staging-mysql',
  },
  dds: { catalog: 'catalog-mongo', events: 'events-replica', sandbox: 'sandbox-single' },
  dcs: { sessions: 'sessions-redis', cache: 'cache-redis', ratelimit: 'ratelimit-redis', ledger: 'ledger-redis' },
  ges: { social: 'social-graph', fraud: 'fraud-graph', archive: 'kg-archive' },
  servers: { web1: 'web-01', web2: 'web-02', bastion: 'db-bastion', batch: 'batch-worker' },
} as const;

export const DCS_ERROR_CODES = [
  'dcs.08.0001',
  'dcs.08.0002',
  'dcs.08.0003',
  'dcs.08.0004',
  'dcs.08.0005',
  'dcs.08.0006',
  'dcs.08.0007',
  'dcs.08.0008',
];

/** Times of a daily job at `hourUtc`, newest first, all before `now`. */
function daily(now: number, days: number, hourUtc: number): number[] {
  let t = Math.floor(now / DAY) * DAY + hourUtc * HOUR;
  if (t >= now) t -= DAY;
  return Array.from({ length: days }, (_, d) => t - d * DAY);
}

/** `20261121020000`, UTC: how the services stamp automatic backup names. */
export function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function newestFirst<T>(items: T[], timeOf: (item: T) => number): T[] {
  return [...items].sort((a, b) => timeOf(b) - timeOf(a));
}

/** A backup as the restorable-range model sees it. */
interface RestoreEvent {
  readonly kind: 'full' | 'log' | 'other';
  readonly ok: boolean;
  readonly beginMs: number;
  readonly endMs: number;
}

/**
 * Point-in-time ranges as the services derive them: a range opens when a full backup completes and
 * logs extend it; it closes where the log chain breaks (a failed incremental backup) or where full
 * backups stopped for more than a day and a half; the last range runs to a few minutes before now.
 */
export function restorableRanges(events: readonly RestoreEvent[], now: number): RestoreRange[] {
  const ranges: RestoreRange[] = [];
  let open: RestoreRange | undefined;
  let lastFullBegin: number | undefined;
  const close = () => {
    if (open) ranges.push(open);
    open = undefined;
  };
  for (const event of [...events].sort((a, b) => a.beginMs - b.beginMs)) {
    if (event.kind === 'full' && event.ok) {
      if (lastFullBegin !== undefined && event.beginMs - lastFullBegin > 1.5 * DAY) close();
      open ??= { start_time: event.endMs, end_time: event.endMs };
      open.end_time = Math.max(open.end_time, event.endMs);
      lastFullBegin = event.beginMs;
    } else if (event.kind === 'log') {
      if (!event.ok) close();
      else if (open) open.end_time = Math.max(open.end_time, event.endMs);
    }
  }
  if (open) ranges.push({ ...open, end_time: now - 5 * MINUTE });
  return ranges;
}

class DemoBuilder {
  private readonly rng = new Random('hwc-backup-explorer-demo-v1');
  /** For what was added for the health report, so the records before it keep their ids and times. */
  private readonly healthRng = new Random('hwc-backup-explorer-demo-health');
  readonly restoreTimes = new Map<string, RestoreRange[]>();
  readonly forbiddenInstances = new Set<string>();

  constructor(private readonly now: number) {}

  private jitter(maxMinutes: number): number {
    return this.rng.int(0, maxMinutes * 60) * 1000;
  }

  // ---------------- RDS ----------------

  rds(): EmulatorData['rds'] {
    const now = this.now;
    const instance = (
      name: string,
      engine: RdsInstanceSpec['engine'],
      version: string,
      status = 'ACTIVE',
      type: RdsInstanceSpec['type'] = 'Ha',
    ): RdsInstanceSpec => ({
      id: this.rng.hex(32) + 'in01',
      name,
      engine,
      version,
      status,
      type,
      createdMs: now - this.rng.int(200, 900) * DAY,
    });
    const n = DEMO_NAMES.rds;
    const orders = instance(n.orders, 'MySQL', '8.0');
    const billing = instance(n.billing, 'PostgreSQL', '13');
    const reporting = instance(n.reporting, 'SQLServer', '2019_SE', 'ACTIVE', 'Single');
    const payments = instance(n.payments, 'MySQL', '5.7');
    const legacy = instance(n.legacy, 'MySQL', '5.6', 'ACTIVE', 'Single');
    const staging = instance(n.staging, 'MySQL', '8.0', 'BUILD', 'Single');

    const backup = (
      inst: RdsInstanceSpec,
      type: RdsBackupSpec['type'],
      beginMs: number,
      sizeKb: number,
      status: RdsBackupSpec['status'] = 'COMPLETED',
      name?: string,
      databases?: string[],
    ): RdsBackupSpec => ({
      id: this.rng.hex(32) + 'br01',
      name: name ?? `${inst.name}-${stamp(beginMs)}`,
      type,
      status,
      beginMs,
      durationMs: (type === 'incremental' ? 1 : this.rng.int(4, 12)) * MINUTE,
      sizeKb: Math.round(sizeKb),
      instance: inst,
      databases,
    });
    const fullSize = (gb: number, daysAgo: number) => gb * KB_PER_GB * (1 - daysAgo * 0.002) * (0.98 + this.rng.next() * 0.04);

    // orders-mysql: 143 backups (paging at page size 50), every type but fragment, every status.
    const ordersSpecs: RdsBackupSpec[] = daily(now, 120, 18).map((t, d) =>
      backup(
        orders,
        'auto',
        t + this.jitter(5),
        fullSize(1.2, d),
        d === 0 ? 'BUILDING' : d === 17 || d === 55 ? 'FAILED' : d === 119 ? 'DELETING' : 'COMPLETED',
      ),
    );
    const manualNames = [
      'pre-migration',
      'before-upgrade-8.0.32',
      'pre-index-rebuild',
      'quarter-close',
      'schema-v42',
      'pre-partitioning',
      'before-purge',
      'audit-snapshot',
      'pre-failover-test',
      'release-2024.11',
      'release-2024.12',
      'before-charset-change',
      'hotfix-1187',
      'pre-archive',
      'dr-drill',
    ];
    manualNames.forEach((name, i) => {
      const t = now - (3 + i * 7) * DAY - this.rng.int(1, 20) * HOUR;
      ordersSpecs.push(backup(orders, 'manual', t, fullSize(1.2, 3 + i * 7), name === 'pre-migration' ? 'FAILED' : 'COMPLETED', name));
    });
    for (let i = 0; i < 8; i++)
      ordersSpecs.push(backup(orders, 'incremental', now - (i * 5 + 1) * HOUR - this.jitter(20), 20 * 1024 + this.rng.int(0, 60 * 1024)));

    // billing-pg: PostgreSQL with incrementals; one record keeps the seed's spaced timestamps.
    const billingSpecs = daily(now, 21, 19).map((t, d) =>
      backup(billing, 'auto', t + this.jitter(5), fullSize(0.6, d), d === 9 ? 'FAILED' : 'COMPLETED'),
    );
    // The incremental of 14 hours ago failed: the chain after yesterday's full backup is broken there.
    for (let i = 0; i < 6; i++)
      billingSpecs.push(
        backup(billing, 'incremental', now - (i * 4 + 2) * HOUR, 8 * 1024 + this.rng.int(0, 30 * 1024), i === 3 ? 'FAILED' : 'COMPLETED'),
      );
    billingSpecs.push(backup(billing, 'manual', now - 12 * DAY - 3 * HOUR, fullSize(0.6, 12), 'DELETING', 'before-vacuum-full'));

    // reporting-sqlserver: full, differential (fragment) and manual backups listing their databases.
    const databases = ['reporting', 'staging_etl', 'user01', 'user02'];
    const reportingSpecs = daily(now, 14, 17).map((t, d) => backup(reporting, 'auto', t + this.jitter(5), fullSize(3.5, d)));
    for (let i = 0; i < 10; i++)
      reportingSpecs.push(
        backup(
          reporting,
          'fragment',
          now - (i * 12 + 6) * HOUR,
          200 * 1024 + this.rng.int(0, 300 * 1024),
          i === 4 ? 'FAILED' : 'COMPLETED',
          undefined,
          databases.slice(0, 2 + (i % 3)),
        ),
      );
    reportingSpecs.push(
      backup(reporting, 'manual', now - 2 * DAY - 5 * HOUR, fullSize(3.5, 2), 'COMPLETED', 'month-end-close', ['user01', 'user02']),
    );
    reportingSpecs.push(
      backup(reporting, 'manual', now - 9 * DAY - 1 * HOUR, fullSize(3.5, 9), 'COMPLETED', 'pre-cumulative-update', databases),
    );

    // payments-mysql: the timeline case — daily autos with a 5-day gap and a >50 % size drop.
    const paymentsSpecs: RdsBackupSpec[] = [];
    daily(now, 30, 18).forEach((t, d) => {
      if (d >= 10 && d <= 13) return; // the automatic backup job did not run for four days
      paymentsSpecs.push(backup(payments, 'auto', t + this.jitter(5), (d <= 5 ? 0.9 : 2.1) * KB_PER_GB * (0.99 + this.rng.next() * 0.02)));
    });
    paymentsSpecs.push(backup(payments, 'manual', now - 5 * DAY - 20 * HOUR, 2.1 * KB_PER_GB, 'COMPLETED', 'before-ledger-archive'));

    const legacySpecs = daily(now, 8, 16).map((t, d) => backup(legacy, 'auto', t + this.jitter(5), fullSize(0.25, d)));

    const records = (specs: RdsBackupSpec[]) => newestFirst(specs, (s) => s.beginMs).map(rdsBackup);

    const billingRecords = records(billingSpecs);
    const spaced = (time: string) => time.replace(/-/g, ' - ').replace('T', ' T').replace(/:/g, ': ').replace('+', ' + ');
    const defect = billingRecords[7];
    Object.assign(defect, {
      begin_time: spaced(defect.begin_time as string),
      end_time: spaced(defect.end_time as string),
      instance_id: `${billing.id} `,
    });

    const reportingRecords = records(reportingSpecs).map((record, i) => (i === 3 ? renameKey(record, 'id', 'id ') : record));

    const legacyRecords: RawRecord[] = records(legacySpecs);
    legacyRecords.splice(2, 0, {
      ...rdsBackup(backup(legacy, 'auto', now - 1 * DAY - 2 * HOUR, fullSize(0.25, 1))),
      id: 4711,
      size: '262144 kB',
      status: ['COMPLETED'],
    });
    const missingId: RawRecord = rdsBackup(
      backup(legacy, 'manual', now - 4 * DAY - 6 * HOUR, fullSize(0.25, 4), 'COMPLETED', 'hand-made-export'),
    );
    delete missingId.id;
    legacyRecords.splice(5, 0, missingId);

    const rdsEvents = (specs: RdsBackupSpec[]): RestoreEvent[] =>
      specs.map((spec) => ({
        kind: spec.type === 'incremental' ? 'log' : spec.type === 'fragment' ? 'other' : 'full',
        ok: spec.status === 'COMPLETED',
        beginMs: spec.beginMs,
        endMs: spec.beginMs + spec.durationMs,
      }));
    for (const [inst, specs] of [
      [orders, ordersSpecs],
      [billing, billingSpecs],
      [reporting, reportingSpecs],
      [payments, paymentsSpecs],
      [legacy, legacySpecs],
    ] as const)
      this.restoreTimes.set(inst.id, restorableRanges(rdsEvents(specs), now));

    return {
      instances: [orders, billing, reporting, payments, legacy, staging].map(rdsInstance),
      backups: new Map<string, RawRecord[]>([
        [orders.id, records(ordersSpecs)],
        [billing.id, billingRecords],
        [reporting.id, reportingRecords],
        [payments.id, records(paymentsSpecs)],
        [legacy.id, legacyRecords],
        [staging.id, []],
      ]),
    };
  }

  // ---------------- DDS ----------------

  dds(): EmulatorData['dds'] {
    const now = this.now;
    const n = DEMO_NAMES.dds;
    const instance = (
      name: string,
      mode: DdsInstanceSpec['mode'],
      engine: DdsInstanceSpec['engine'],
      version: string,
    ): DdsInstanceSpec => ({
      id: this.rng.hex(32) + 'in02',
      name,
      mode,
      engine,
      version,
      status: 'normal',
      createdMs: now - this.rng.int(100, 700) * DAY,
    });
    const catalog = instance(n.catalog, 'Sharding', 'DDS-Community', '4.0');
    const events = instance(n.events, 'ReplicaSet', 'DDS-Community', '3.4');
    const sandbox = instance(n.sandbox, 'Single', 'DDS-Enhanced', '3.4');
    const backup = (
      inst: DdsInstanceSpec,
      type: DdsBackupSpec['type'],
      beginMs: number,
      sizeKb: number,
      status: DdsBackupSpec['status'] = 'COMPLETED',
      name?: string,
    ): DdsBackupSpec => ({
      id: this.rng.hex(32) + 'br02',
      name: name ?? `${inst.name}-${stamp(beginMs)}`,
      type,
      status,
      beginMs,
      durationMs: this.rng.int(3, 25) * MINUTE,
      sizeKb: Math.round(sizeKb),
      instance: inst,
      description: type === 'manual' ? 'manual backup before maintenance' : '',
    });
    const series = (inst: DdsInstanceSpec, days: number, gb: number, statusAt: (d: number) => DdsBackupSpec['status']) =>
      daily(now, days, 20).map((t, d) =>
        backup(inst, 'auto', t + this.jitter(8), gb * KB_PER_GB * (0.97 + this.rng.next() * 0.06), statusAt(d)),
      );

    const catalogSpecs = series(catalog, 30, 4.5, (d) =>
      d === 0 ? 'BUILDING' : d === 6 || d === 21 ? 'FAILED' : d === 29 ? 'DISABLED' : 'COMPLETED',
    );
    ['pre-reshard', 'before-index-build', 'catalog-import-2024', 'pre-upgrade-4.0'].forEach((name, i) =>
      catalogSpecs.push(
        backup(catalog, 'manual', now - (2 + i * 6) * DAY - 7 * HOUR, 4.4 * KB_PER_GB, i === 2 ? 'FAILED' : 'COMPLETED', name),
      ),
    );
    const eventsSpecs = series(events, 14, 1.1, (d) => (d === 4 ? 'FAILED' : 'COMPLETED'));
    eventsSpecs.push(backup(events, 'manual', now - 3 * DAY - 2 * HOUR, 1.1 * KB_PER_GB, 'COMPLETED', 'pre-ttl-change'));
    const sandboxSpecs = series(sandbox, 5, 0.05, (d) => (d === 4 ? 'DISABLED' : 'COMPLETED'));

    const records = (specs: DdsBackupSpec[]) => newestFirst(specs, (s) => s.beginMs).map(ddsBackup);
    for (const [inst, specs] of [
      [catalog, catalogSpecs],
      [events, eventsSpecs],
      [sandbox, sandboxSpecs],
    ] as const) {
      const events = specs.map((spec): RestoreEvent => ({
        kind: 'full',
        ok: spec.status === 'COMPLETED',
        beginMs: spec.beginMs,
        endMs: spec.beginMs + spec.durationMs,
      }));
      this.restoreTimes.set(inst.id, restorableRanges(events, now));
    }
    return {
      instances: [catalog, events, sandbox].map(ddsInstance),
      backups: new Map([
        [catalog.id, records(catalogSpecs)],
        [events.id, records(eventsSpecs)],
        [sandbox.id, records(sandboxSpecs)],
      ]),
    };
  }

  // ---------------- DCS ----------------

  dcs(): EmulatorData['dcs'] {
    const now = this.now;
    const n = DEMO_NAMES.dcs;
    const instance = (name: string, version: string, capacityGb: number, status = 'RUNNING'): DcsInstanceSpec => ({
      id: this.rng.uuid(),
      name,
      engine: 'Redis',
      version,
      status,
      capacityGb,
      createdMs: now - this.rng.int(60, 500) * DAY,
    });
    const sessions = instance(n.sessions, '5.0', 8);
    const cache = instance(n.cache, '6.0', 4);
    const ratelimit = instance(n.ratelimit, '4.0', 1, 'FROZEN');
    const backup = (
      inst: DcsInstanceSpec,
      type: DcsBackupSpec['type'],
      createdMs: number,
      sizeBytes: number,
      status: DcsBackupSpec['status'],
      errorCode?: string,
      name?: string,
    ): DcsBackupSpec => ({
      id: this.rng.uuid(),
      name: name ?? `backup_${stamp(createdMs)}`,
      type,
      status,
      createdMs,
      durationMs: this.rng.int(40, 300) * 1000,
      sizeBytes: Math.round(sizeBytes),
      instance: inst,
      errorCode,
      remark: type === 'manual' ? 'before config change' : undefined,
    });

    // sessions-redis: every status, and one failed backup per dcs.08.000x error code.
    const sessionsSpecs = daily(now, 32, 22).map((t, d) => {
      const failedIndex = [3, 6, 9, 12, 15, 18, 21, 24].indexOf(d);
      const status: DcsBackupSpec['status'] =
        d === 0 ? 'waiting' : d === 1 ? 'backuping' : failedIndex >= 0 ? 'failed' : d >= 27 ? 'expired' : 'succeed';
      return backup(
        sessions,
        'auto',
        t + this.jitter(1),
        2.6e9 * (0.95 + this.rng.next() * 0.1),
        status,
        failedIndex >= 0 ? DCS_ERROR_CODES[failedIndex] : undefined,
      );
    });
    sessionsSpecs.push(backup(sessions, 'manual', now - 2 * DAY - 3 * HOUR, 2.5e9, 'succeed', undefined, 'pre-failover-drill'));
    sessionsSpecs.push(backup(sessions, 'manual', now - 8 * DAY - 1 * HOUR, 2.4e9, 'deleted', undefined, 'scratch-copy'));
    const cacheSpecs = daily(now, 10, 21).map((t, d) =>
      backup(
        cache,
        'auto',
        t + this.jitter(1),
        9.5e8 * (0.9 + this.rng.next() * 0.2),
        d === 7 ? 'failed' : 'succeed',
        d === 7 ? 'dcs.08.0002' : undefined,
      ),
    );
    const ratelimitSpecs = daily(now, 3, 23).map((t) => backup(ratelimit, 'auto', t, 3.2e7, 'succeed'));

    // ledger-redis: listed, but an IAM policy denies reading its backups (403): the health scan cannot scan it.
    // Built from healthRng so that every record after it keeps its ids and times.
    const ledger: DcsInstanceSpec = {
      id: this.healthRng.uuid(),
      name: n.ledger,
      engine: 'Redis',
      version: '6.0',
      status: 'RUNNING',
      capacityGb: 2,
      createdMs: now - 90 * DAY,
    };
    const ledgerSpecs = daily(now, 5, 22).map((t): DcsBackupSpec => ({
      id: this.healthRng.uuid(),
      name: `backup_${stamp(t)}`,
      type: 'auto',
      status: 'succeed',
      createdMs: t,
      durationMs: 90_000,
      sizeBytes: 1.2e8,
      instance: ledger,
    }));
    this.forbiddenInstances.add(ledger.id);

    const records = (specs: DcsBackupSpec[]) => newestFirst(specs, (s) => s.createdMs).map(dcsBackup);
    return {
      instances: [sessions, cache, ratelimit, ledger].map(dcsInstance),
      backups: new Map([
        [sessions.id, records(sessionsSpecs)],
        [cache.id, records(cacheSpecs)],
        [ratelimit.id, records(ratelimitSpecs)],
        [ledger.id, records(ledgerSpecs)],
      ]),
    };
  }

  // ---------------- GES ----------------

  ges(): EmulatorData['ges'] {
    const now = this.now;
    const n = DEMO_NAMES.ges;
    const graph = (name: string, status: string, version: string, sizeTypeIndex: string): GesGraphSpec => ({
      id: this.rng.uuid(),
      name,
      status,
      version,
      sizeTypeIndex,
      createdMs: now - this.rng.int(30, 400) * DAY,
    });
    const social = graph(n.social, '200', '2.3.14', '2');
    const fraud = graph(n.fraud, '200', '2.3.14', '1');
    const archive = graph(n.archive, '300', '2.2.23', '0');
    const backup = (
      g: GesGraphSpec,
      method: GesBackupSpec['method'],
      startMs: number,
      sizeMb: number,
      status: GesBackupSpec['status'] = 'success',
      name?: string,
    ): GesBackupSpec => ({
      id: this.rng.uuid(),
      name: name ?? (method === 'auto' ? `${g.name}_${stamp(startMs)}_auto` : `${g.name}-${stamp(startMs)}`),
      method,
      status,
      startMs,
      durationMs: this.rng.int(20, 400) * 1000,
      sizeMb: Math.round(sizeMb),
      graph: g,
    });
    const socialSpecs = daily(now, 8, 1).map((t, d) =>
      backup(social, 'auto', t + this.jitter(2), 3100 + this.rng.int(-80, 80), d === 0 ? 'backing_up' : d === 3 ? 'failed' : 'success'),
    );
    for (let i = 0; i < 4; i++)
      socialSpecs.push(backup(social, 'manual', now - (i * 2 + 1) * DAY - 9 * HOUR, 3050, i === 2 ? 'failed' : 'success'));
    const fraudSpecs = daily(now, 8, 2).map((t) => backup(fraud, 'auto', t + this.jitter(2), 820 + this.rng.int(-20, 20)));
    const archiveSpecs = [
      backup(archive, 'manual', now - 40 * DAY, 12_400, 'success', 'kg-archive-final'),
      ...daily(now - 41 * DAY, 3, 1).map((t) => backup(archive, 'auto', t, 12_300)),
    ];

    const records = (specs: GesBackupSpec[]) => newestFirst(specs, (s) => s.startMs).map(gesBackup);
    return {
      instances: [social, fraud, archive].map(gesGraph),
      backups: new Map([
        [social.id, records(socialSpecs)],
        [fraud.id, records(fraudSpecs)],
        [archive.id, records(archiveSpecs)],
      ]),
    };
  }

  // ---------------- ECS + CSBS ----------------

  servers(): { servers: ServerSpec[]; items: CheckpointItemSpec[] } {
    const now = this.now;
    const n = DEMO_NAMES.servers;
    const server = (name: string, status: ServerSpec['status'], az: string, i: number): ServerSpec => ({
      id: this.rng.uuid(),
      name,
      status,
      az,
      ip: `192.168.10.${11 + i}`,
      createdMs: now - this.rng.int(50, 600) * DAY,
    });
    const servers = [
      server(n.web1, 'ACTIVE', 'cn-north-4a', 0),
      server(n.web2, 'ACTIVE', 'cn-north-4b', 1),
      server(n.bastion, 'ACTIVE', 'cn-north-4a', 2),
      server(n.batch, 'SHUTOFF', 'cn-north-4c', 3),
    ];
    // Codes from the CSBS error table whose meaning fits each reason.
    const failures = [
      { code: 'CSBS.6005', reason: 'Failed to create a snapshot of volume system-disk: the disk is being expanded.' },
      { code: 'CSBS.6010', reason: 'Disk data-shared-01 is shared with server web-02; servers with shared disks cannot be backed up.' },
      { code: 'CSBS.6001', reason: 'The server was stopped while the backup was running.' },
    ];
    // Which items get the non-available statuses: [server index, day] -> status.
    const special = new Map<string, (typeof CSBS_STATUSES)[number]>([
      ['0:0', 'protecting'],
      ['1:0', 'waiting_protect'],
      ['2:1', 'restoring'],
      ['3:1', 'waiting_restore'],
      ['0:3', 'error'],
      ['1:5', 'error'],
      ['3:2', 'error'],
      ['2:6', 'waiting_delete'],
      ['0:7', 'deleting'],
      ['1:7', 'deleted'],
    ]);
    let failureCount = 0;
    const items: CheckpointItemSpec[] = [];
    servers.forEach((srv, s) => {
      daily(now, 8, 2).forEach((t, d) => {
        const status = special.get(`${s}:${d}`) ?? 'available';
        items.push({
          id: this.rng.uuid(),
          checkpointId: this.rng.uuid(),
          name: `autobk_${this.rng.hex(4)}`,
          status,
          createdMs: t + s * 7 * MINUTE + this.jitter(3),
          // Steady sizes, so the health report finds no size drop here (the same draw as before keeps the records after it).
          sizeMb: 10_240 + this.rng.int(0, 30_000) / 10,
          autoTrigger: true,
          server: srv,
          failure: status === 'error' ? failures[failureCount++ % failures.length] : undefined,
        });
      });
      items.push({
        id: this.rng.uuid(),
        checkpointId: this.rng.uuid(),
        name: `manualbk_${srv.name}_before_patch`,
        status: 'available',
        createdMs: now - (s + 1) * 30 * HOUR,
        sizeMb: 12_000 + this.rng.int(0, 10_000),
        autoTrigger: false,
        server: srv,
      });
    });
    return { servers, items: newestFirst(items, (i) => i.createdMs) };
  }
}

function renameKey(record: RawRecord, from: string, to: string): RawRecord {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

export function demoDataset(now: number, projectId: string, region: string): EmulatorData {
  const builder = new DemoBuilder(now);
  const rds = builder.rds();
  const dds = builder.dds();
  const dcs = builder.dcs();
  const ges = builder.ges();
  const { servers, items } = builder.servers();
  return {
    projects: [iamProject(projectId, region)],
    rds,
    dds,
    dcs,
    ges,
    ecs: { servers: servers.map(ecsServer) },
    csbs: { checkpointItems: items.map(checkpointItem) },
    cbr: cbrDemo(now, projectId),
    restoreTimes: builder.restoreTimes,
    forbiddenInstances: builder.forbiddenInstances,
  };
}

/** Account A's domain (account) id; account B has its own (server.ts). */
export const DEMO_DOMAIN_ID = 'd2e4f6a8b0c24e6f8a0b2c4d6e8f0a1b';

export function iamProject(projectId: string, region: string, domainId = DEMO_DOMAIN_ID): RawRecord {
  return {
    id: projectId,
    name: region,
    domain_id: domainId,
    parent_id: domainId,
    is_domain: false,
    enabled: true,
    description: '',
    links: { self: `https://iam.myhuaweicloud.com/v3/projects/${projectId}` },
  };
}
