/**
 * Builders of raw records in each API's exact shape (seeds 000–004 and the instance APIs of docs/SPEC.md §6).
 * The demo and scale data sets both build through these, so the shapes live in one place.
 */
import type { RawRecord } from './model';
import { csbsTime, dcsTime, ddsTime, gesTime, rdsTime } from './time';

// ---- RDS (seed 002; size in kB) ----

export type RdsEngine = 'MySQL' | 'PostgreSQL' | 'SQLServer';

export interface RdsInstanceSpec {
  id: string;
  name: string;
  engine: RdsEngine;
  version: string;
  status: string;
  type: 'Single' | 'Ha' | 'Replica';
  createdMs: number;
}

export function rdsInstance(spec: RdsInstanceSpec): RawRecord {
  return {
    id: spec.id,
    name: spec.name,
    status: spec.status,
    private_ips: ['192.168.0.' + ((spec.id.charCodeAt(0) % 200) + 10)],
    public_ips: [],
    port: spec.engine === 'MySQL' ? 3306 : spec.engine === 'PostgreSQL' ? 5432 : 1433,
    type: spec.type,
    region: 'cn-north-4',
    datastore: { type: spec.engine, version: spec.version },
    created: rdsTime(spec.createdMs),
    updated: rdsTime(spec.createdMs),
    volume: { type: 'CLOUDSSD', size: 100 },
    flavor_ref: 'rds.mysql.n1.large.2',
    time_zone: 'UTC+08:00',
    enterprise_project_id: '0',
  };
}

export interface RdsBackupSpec {
  id: string;
  name: string;
  type: 'auto' | 'manual' | 'fragment' | 'incremental';
  status: 'BUILDING' | 'COMPLETED' | 'FAILED' | 'DELETING';
  beginMs: number;
  durationMs: number;
  sizeKb: number;
  instance: RdsInstanceSpec;
  /** SQL Server backups list their databases. */
  databases?: string[];
}

export function rdsBackup(spec: RdsBackupSpec): RawRecord {
  return {
    id: spec.id,
    name: spec.name,
    type: spec.type,
    size: spec.sizeKb,
    status: spec.status,
    begin_time: rdsTime(spec.beginMs),
    // A backup still running has no end yet: the emulator sends none rather than invent one.
    end_time: spec.status === 'BUILDING' ? '' : rdsTime(spec.beginMs + spec.durationMs),
    datastore: { type: spec.instance.engine, version: spec.instance.version },
    ...(spec.databases ? { databases: spec.databases.map((name) => ({ name })) } : {}),
    instance_id: spec.instance.id,
  };
}

// ---- DDS (seed 000; size in KB; types returned lower-case) ----

export type DdsMode = 'Sharding' | 'ReplicaSet' | 'Single';

export interface DdsInstanceSpec {
  id: string;
  name: string;
  mode: DdsMode;
  engine: 'DDS-Community' | 'DDS-Enhanced';
  version: string;
  status: string;
  createdMs: number;
}

export function ddsInstance(spec: DdsInstanceSpec): RawRecord {
  return {
    id: spec.id,
    name: spec.name,
    status: spec.status,
    port: '8635',
    mode: spec.mode,
    region: 'cn-north-4',
    datastore: { type: spec.engine, version: spec.version, storage_engine: 'wiredTiger' },
    engine: 'wiredTiger',
    created: ddsTime(spec.createdMs),
    updated: ddsTime(spec.createdMs),
    db_user_name: 'rwuser',
    ssl: 1,
    time_zone: '',
    pay_mode: '0',
  };
}

export interface DdsBackupSpec {
  id: string;
  name: string;
  type: 'auto' | 'manual';
  status: 'BUILDING' | 'COMPLETED' | 'FAILED' | 'DISABLED';
  beginMs: number;
  durationMs: number;
  sizeKb: number;
  instance: DdsInstanceSpec;
  description?: string;
}

export function ddsBackup(spec: DdsBackupSpec): RawRecord {
  return {
    id: spec.id,
    name: spec.name,
    instance_id: spec.instance.id,
    instance_name: spec.instance.name,
    datastore: { type: spec.instance.engine, version: spec.instance.version },
    type: spec.type,
    begin_time: ddsTime(spec.beginMs),
    end_time: spec.status === 'BUILDING' ? '' : ddsTime(spec.beginMs + spec.durationMs),
    status: spec.status,
    size: spec.sizeKb,
    description: spec.description ?? '',
  };
}

// ---- DCS (seed 001; size in bytes) ----

export interface DcsInstanceSpec {
  id: string;
  name: string;
  engine: 'Redis' | 'Memcached';
  version: string;
  status: string;
  capacityGb: number;
  createdMs: number;
}

export function dcsInstance(spec: DcsInstanceSpec): RawRecord {
  return {
    instance_id: spec.id,
    name: spec.name,
    engine: spec.engine,
    engine_version: spec.version,
    status: spec.status,
    capacity: spec.capacityGb,
    max_memory: spec.capacityGb * 1024,
    used_memory: Math.floor(spec.capacityGb * 300),
    ip: '192.168.1.' + ((spec.id.charCodeAt(0) % 200) + 10),
    port: 6379,
    spec_code: `redis.ha.xu1.large.r2.${spec.capacityGb}`,
    charging_mode: 0,
    created_at: dcsTime(spec.createdMs),
    az_codes: ['cn-north-4a', 'cn-north-4b'],
  };
}

export const DCS_BACKUP_STATUSES = ['waiting', 'backuping', 'succeed', 'failed', 'expired', 'deleted'] as const;

export interface DcsBackupSpec {
  id: string;
  name: string;
  type: 'auto' | 'manual';
  status: (typeof DCS_BACKUP_STATUSES)[number];
  createdMs: number;
  durationMs: number;
  sizeBytes: number;
  instance: DcsInstanceSpec;
  errorCode?: string;
  remark?: string;
}

export function dcsBackup(spec: DcsBackupSpec): RawRecord {
  const finished = spec.status !== 'waiting' && spec.status !== 'backuping';
  const hour = new Date(spec.createdMs).getUTCHours();
  return {
    status: spec.status,
    remark: spec.remark ?? null,
    period: `${String(hour).padStart(2, '0')}:00-${String((hour + 1) % 24).padStart(2, '0')}:00`,
    progress: spec.status === 'waiting' ? '0.00' : spec.status === 'backuping' ? '42.50' : '100.00',
    size: spec.status === 'failed' || !finished ? 0 : spec.sizeBytes,
    instance_id: spec.instance.id,
    backup_id: spec.id,
    created_at: dcsTime(spec.createdMs),
    // Seed 001: updated_at is the completion time (备份完成时间); an unfinished backup has none.
    updated_at: finished ? dcsTime(spec.createdMs + spec.durationMs) : null,
    backup_type: spec.type,
    backup_name: spec.name,
    error_code: spec.errorCode ?? null,
    is_support_restore: spec.status === 'succeed' ? 'TRUE' : 'FALSE',
  };
}

// ---- GES (seed 003; size in MB; times with epoch-ms timestamps) ----

export interface GesGraphSpec {
  id: string;
  name: string;
  /** Graph status codes: "200" running, "300" stopped, "400" deleted, … */
  status: string;
  version: string;
  sizeTypeIndex: string;
  createdMs: number;
}

export function gesGraph(spec: GesGraphSpec): RawRecord {
  return {
    id: spec.id,
    name: spec.name,
    status: spec.status,
    regionCode: 'cn-north-4',
    azCode: 'cn-north-4a',
    graphSizeTypeIndex: spec.sizeTypeIndex,
    dataStoreVersion: spec.version,
    arch: 'x86_64',
    created: gesTime(spec.createdMs),
    isMultiAz: false,
    privateIp: '192.168.2.' + ((spec.id.charCodeAt(0) % 200) + 10),
  };
}

export interface GesBackupSpec {
  id: string;
  name: string;
  method: 'auto' | 'manual';
  status: 'backing_up' | 'success' | 'failed';
  startMs: number;
  durationMs: number;
  sizeMb: number;
  graph: GesGraphSpec;
}

export function gesBackup(spec: GesBackupSpec): RawRecord {
  // A backup still running has no end yet: the emulator sends none rather than invent one.
  const endMs = spec.status === 'backing_up' ? undefined : spec.startMs + spec.durationMs;
  return {
    id: spec.id,
    name: spec.name,
    backupMethod: spec.method,
    graphId: spec.graph.id,
    graphName: spec.graph.name,
    graphStatus: spec.graph.status,
    graphSizeTypeIndex: spec.graph.sizeTypeIndex,
    dataStoreVersion: spec.graph.version,
    arch: 'x86_64',
    status: spec.status,
    startTimestamp: spec.startMs,
    startTime: gesTime(spec.startMs),
    endTimestamp: endMs ?? '',
    endTime: endMs === undefined ? '' : gesTime(endMs),
    size: spec.sizeMb,
    duration: endMs === undefined ? 0 : Math.round((endMs - spec.startMs) / 1000),
  };
}

// ---- ECS servers and CSBS checkpoint items (size in MB in extend_info) ----

export interface ServerSpec {
  id: string;
  name: string;
  status: 'ACTIVE' | 'SHUTOFF' | 'ERROR' | 'REBOOT';
  az: string;
  ip: string;
  createdMs: number;
}

export function ecsServer(spec: ServerSpec): RawRecord {
  return {
    id: spec.id,
    name: spec.name,
    status: spec.status,
    addresses: { [spec.id.slice(0, 8)]: [{ addr: spec.ip, version: 4, 'OS-EXT-IPS:type': 'fixed' }] },
    flavor: { id: 's6.large.2', name: 's6.large.2', vcpus: '2', ram: '4096' },
    'OS-EXT-AZ:availability_zone': spec.az,
    'OS-EXT-STS:vm_state': spec.status === 'ACTIVE' ? 'active' : spec.status.toLowerCase(),
    created: new Date(spec.createdMs).toISOString().replace(/\.\d{3}/, ''),
    metadata: { image_name: 'Ubuntu 22.04 server 64bit' },
  };
}

export const CSBS_STATUSES = [
  'waiting_protect',
  'protecting',
  'available',
  'waiting_restore',
  'restoring',
  'error',
  'waiting_delete',
  'deleting',
  'deleted',
] as const;

export interface CheckpointItemSpec {
  id: string;
  checkpointId: string;
  name: string;
  status: (typeof CSBS_STATUSES)[number];
  createdMs: number;
  sizeMb: number;
  autoTrigger: boolean;
  server: ServerSpec;
  /** A failed item's code and reason; the code's documented meaning should fit the reason. */
  failure?: { readonly code: string; readonly reason: string };
}

export function checkpointItem(spec: CheckpointItemSpec): RawRecord {
  const failed = spec.status === 'error';
  return {
    id: spec.id,
    checkpoint_id: spec.checkpointId,
    name: spec.name,
    description: spec.autoTrigger ? 'created by policy daily-0200' : 'before change CHG-' + spec.id.charCodeAt(1) * 37,
    status: spec.status,
    created_at: csbsTime(spec.createdMs),
    updated_at: csbsTime(spec.createdMs + 20 * 60_000),
    resource_id: spec.server.id,
    resource_type: 'OS::Nova::Server',
    tags: [],
    extend_info: {
      auto_trigger: spec.autoTrigger,
      average_speed: failed ? 0 : 18_000,
      copy_from: '',
      copy_status: 'na',
      fail_code: failed ? { Code: spec.failure?.code ?? 'CSBS.6005', Description: spec.failure?.reason ?? '' } : {},
      fail_op: failed ? 'backup' : '',
      fail_reason: failed ? (spec.failure?.reason ?? 'Backup failed.') : '',
      image_type: 'backup',
      incremental: spec.autoTrigger,
      progress: spec.status === 'protecting' ? 60 : 100,
      resource_az: spec.server.az,
      resource_name: spec.server.name,
      resource_type: 'OS::Nova::Server',
      size: failed ? 0 : spec.sizeMb,
      space_saving_ratio: 0,
      supported_restore_mode: 'backup',
      support_lld: false,
      dec: false,
    },
  };
}
