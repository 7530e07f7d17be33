/**
 * CBR vaults and backups, shaped like the official ListVault / ListBackups examples
 * (shared/apis/CBR.md): times with microseconds and no zone (UTC), `null` for absent values in
 * `extend_info`, `resource_size` in GB, `billing.used` in MB and `billing.size` in GB. One record
 * reproduces the ListBackups sample's other form (milliseconds and `+00:00`, `description: ""`,
 * no `incremental`).
 */
import { GeneratedList, type InstanceBackups, type RawRecord, type RecordList } from './model';
import { Random, randomFor } from './random';
// CBR writes times like CSBS: `2020-08-18T06:00:45.375070`, UTC, no zone.
import { csbsTime as cbrTime, DAY, HOUR, MINUTE } from './time';

export const CBR_STATUSES = [
  'available',
  'protecting',
  'restoring',
  'deleting',
  'error',
  'waiting_protect',
  'waiting_restore',
  'waiting_delete',
] as const;
export type CbrStatus = (typeof CBR_STATUSES)[number];

/** provider_id per vault kind (CBR.md §2, §4). */
const PROVIDERS = {
  server: '0daac4c5-6707-4851-97ba-169e36266b66',
  disk: 'd1603440-187d-4516-af25-121250c7cc97',
  turbo: '3f3c3220-245c-4805-b811-758870015881',
} as const;
type ObjectType = keyof typeof PROVIDERS;

const RESOURCE_TYPES: Readonly<Record<ObjectType, string>> = {
  server: 'OS::Nova::Server',
  disk: 'OS::Cinder::Volume',
  turbo: 'OS::Sfs::Turbo',
};

/** The names tests and docs refer to. */
export const CBR_NAMES = {
  servers: 'vault-prod-servers',
  disks: 'vault-data-disks',
  files: 'vault-shared-files',
  history: 'vault-history-scale',
} as const;

/** Backups in the scale vault. */
export const CBR_SCALE_BACKUPS = 20_000;

interface Resource {
  readonly id: string;
  readonly name: string;
  readonly sizeGb: number;
  readonly az: string;
}

interface VaultSpec {
  readonly id: string;
  readonly name: string;
  readonly objectType: ObjectType;
  readonly capacityGb: number;
  readonly resources: readonly Resource[];
  readonly createdMs: number;
}

interface BackupSpec {
  readonly id: string;
  readonly name: string;
  readonly vault: VaultSpec;
  readonly resource: Resource;
  readonly status: CbrStatus;
  readonly createdMs: number;
  readonly autoTrigger: boolean;
  readonly incremental: boolean;
  readonly checkpointId: string;
  readonly projectId: string;
  readonly children?: readonly RawRecord[];
  readonly replication?: readonly RawRecord[];
  readonly imageType?: 'backup' | 'replication';
}

export function cbrVault(spec: VaultSpec, usedMb: number, projectId: string): RawRecord {
  return {
    id: spec.id,
    name: spec.name,
    description: null,
    project_id: projectId,
    provider_id: PROVIDERS[spec.objectType],
    created_at: cbrTime(spec.createdMs),
    enterprise_project_id: '0',
    auto_bind: false,
    bind_rules: { tags: [] },
    auto_expand: false,
    threshold: 80,
    locked: false,
    availability_zone: null,
    tags: [],
    billing: {
      allocated: 0,
      charging_mode: 'post_paid',
      cloud_type: 'public',
      consistent_level: 'crash_consistent',
      object_type: spec.objectType,
      protect_type: 'backup',
      size: spec.capacityGb,
      spec_code: `vault.backup.${spec.objectType}.normal`,
      status: 'available',
      storage_unit: '',
      used: usedMb,
      frozen_scene: null,
      is_multi_az: false,
    },
    resources: spec.resources.map((resource) => ({
      id: resource.id,
      name: resource.name,
      type: RESOURCE_TYPES[spec.objectType],
      protect_status: 'available',
      size: resource.sizeGb,
      backup_size: 0,
      backup_count: 0,
      auto_protect: false,
      extra_info: { exclude_volumes: [] },
    })),
  };
}

export function cbrBackup(spec: BackupSpec): RawRecord {
  const server = spec.vault.objectType === 'server';
  const finished = spec.status === 'available' || spec.status === 'error';
  return {
    checkpoint_id: spec.checkpointId,
    created_at: cbrTime(spec.createdMs),
    description: null,
    enterprise_project_id: '0',
    expired_at: spec.autoTrigger ? cbrTime(spec.createdMs + 30 * DAY) : null,
    extend_info: {
      app_consistency: null,
      architecture: 'x86_64',
      auto_trigger: spec.autoTrigger,
      bootable: server ? true : null,
      contain_system_disk: server,
      encrypted: spec.vault.objectType === 'disk',
      is_multi_az: false,
      os_images_data: null,
      snapshot_id: spec.vault.objectType === 'disk' ? spec.checkpointId.slice(0, 8) : null,
      support_lld: true,
      supported_restore_mode: spec.status === 'error' ? 'na' : 'backup',
      system_disk: false,
    },
    id: spec.id,
    image_type: spec.imageType ?? 'backup',
    incremental: spec.incremental,
    name: spec.name,
    parent_id: null,
    project_id: spec.projectId,
    protected_at: finished ? cbrTime(spec.createdMs + 9 * MINUTE) : null,
    provider_id: PROVIDERS[spec.vault.objectType],
    replication_records: spec.replication ?? [],
    resource_az: spec.resource.az,
    resource_id: spec.resource.id,
    resource_name: spec.resource.name,
    resource_size: spec.resource.sizeGb,
    resource_type: RESOURCE_TYPES[spec.vault.objectType],
    status: spec.status,
    updated_at: cbrTime(spec.createdMs + (finished ? 9 : 2) * MINUTE),
    vault_id: spec.vault.id,
    children: spec.children ?? [],
  };
}

/** Which demo backups get the non-available statuses: [resource index, day] -> status. */
const SPECIAL: ReadonlyMap<string, CbrStatus> = new Map<string, CbrStatus>([
  ['0:0', 'protecting'],
  ['1:0', 'waiting_protect'],
  ['0:2', 'restoring'],
  ['1:2', 'waiting_restore'],
  ['0:4', 'error'],
  ['1:5', 'error'],
  ['0:8', 'deleting'],
  ['1:8', 'waiting_delete'],
]);

/** Daily automatic backups at 03:00 UTC, newest first: a full backup every 7 days, incremental in between. */
function dailyTimes(now: number, days: number): number[] {
  let t = Math.floor(now / DAY) * DAY + 3 * HOUR;
  if (t >= now) t -= DAY;
  return Array.from({ length: days }, (_, d) => t - d * DAY);
}

/** The demo vaults: one of each object type with backups in every status, and the 20,000-backup vault. */
export function cbrDemo(now: number, projectId: string): InstanceBackups {
  const rng = new Random('hwc-backup-explorer-cbr-v1');
  const resource = (name: string, sizeGb: number, az: string): Resource => ({ id: rng.uuid(), name, sizeGb, az });
  const vault = (name: string, objectType: ObjectType, capacityGb: number, resources: Resource[]): VaultSpec => ({
    id: rng.uuid(),
    name,
    objectType,
    capacityGb,
    resources,
    createdMs: now - rng.int(100, 400) * DAY,
  });
  const servers = vault(CBR_NAMES.servers, 'server', 500, [
    resource('app-01', 40, 'cn-north-4a'),
    resource('app-02', 40, 'cn-north-4b'),
    resource('db-01', 100, 'cn-north-4a'),
  ]);
  const disks = vault(CBR_NAMES.disks, 'disk', 200, [
    resource('data-disk-01', 100, 'cn-north-4a'),
    resource('data-disk-02', 50, 'cn-north-4b'),
  ]);
  const files = vault(CBR_NAMES.files, 'turbo', 1000, [resource('sfs-turbo-shared', 500, 'cn-north-4a')]);
  const history = vault(CBR_NAMES.history, 'server', 20_000, [resource('batch-history', 80, 'cn-north-4c')]);

  const backup = (
    v: VaultSpec,
    r: Resource,
    status: CbrStatus,
    createdMs: number,
    autoTrigger: boolean,
    incremental: boolean,
    extra: Partial<BackupSpec> = {},
  ) =>
    cbrBackup({
      id: rng.uuid(),
      name: autoTrigger ? `autobk_${rng.hex(4)}` : `manualbk_${r.name}_${rng.hex(4)}`,
      vault: v,
      resource: r,
      status,
      createdMs,
      autoTrigger,
      incremental,
      checkpointId: rng.uuid(),
      projectId,
      ...extra,
    });

  // Servers: ten days of daily backups per server, every status once or twice, weekly full backups.
  const serverBackups: RawRecord[] = [];
  servers.resources.forEach((r, s) => {
    dailyTimes(now, 10).forEach((t, d) => {
      const status = SPECIAL.get(`${s}:${d}`) ?? 'available';
      const createdMs = t + s * 11 * MINUTE;
      // The system disk and data disk of a server backup are its children.
      const children = ['system', 'data'].map((disk) => ({
        id: rng.uuid(),
        name: `${r.name}-${disk}-disk`,
        status,
        resource_name: `${r.name}-${disk}-disk`,
        resource_type: 'OS::Cinder::Volume',
        resource_size: disk === 'system' ? 40 : r.sizeGb - 40,
        created_at: cbrTime(createdMs),
        extend_info: { system_disk: disk === 'system', bootable: disk === 'system' ? true : null },
      }));
      const replication =
        s === 2 && d === 1
          ? [
              {
                id: rng.uuid(),
                status: 'success',
                created_at: cbrTime(createdMs + HOUR),
                source_region: 'cn-north-4',
                destination_region: 'cn-south-1',
                destination_vault_id: rng.uuid(),
                destination_backup_id: rng.uuid(),
                destination_checkpoint_id: null,
                extra_info: { progress: 100, fail_code: null, fail_reason: null, auto_trigger: true },
              },
              {
                id: rng.uuid(),
                status: 'fail',
                created_at: cbrTime(createdMs + 2 * HOUR),
                source_region: 'cn-north-4',
                destination_region: 'ap-southeast-1',
                destination_vault_id: rng.uuid(),
                destination_backup_id: null,
                destination_checkpoint_id: null,
                extra_info: {
                  progress: 35,
                  fail_code: 'BackupService.6302',
                  fail_reason: 'The destination vault does not have enough capacity.',
                  auto_trigger: false,
                },
              },
            ]
          : undefined;
      serverBackups.push(
        backup(servers, r, status, createdMs, true, d % 7 !== 6, { children: r.name === 'db-01' ? undefined : children, replication }),
      );
    });
  });
  serverBackups.push(backup(servers, servers.resources[0], 'available', now - 30 * HOUR, false, false));

  // Disks: manual backups, one recorded in the other form the official sample shows.
  const diskBackups = disks.resources.flatMap((r, i) =>
    [0, 1, 2].map((k) =>
      backup(disks, r, k === 2 && i === 1 ? 'error' : 'available', now - (k * 3 + i + 1) * DAY - 5 * HOUR, false, k < 2),
    ),
  );
  const sample = diskBackups[1];
  diskBackups[1] = {
    ...sample,
    created_at: new Date(now - 4 * DAY - 5 * HOUR).toISOString().replace('Z', '+00:00'),
    updated_at: new Date(now - 4 * DAY - 4 * HOUR).toISOString().replace('Z', '+00:00'),
    description: '',
    protected_at: undefined,
    parent_id: undefined,
    incremental: undefined,
    replication_records: undefined,
    enterprise_project_id: undefined,
  };
  // Undefined keys are not sent, as in the sample.
  for (const key of Object.keys(diskBackups[1])) if (diskBackups[1][key] === undefined) delete diskBackups[1][key];

  // File system: nightly automatic backups.
  const fileBackups = dailyTimes(now, 5).map((t, d) => backup(files, files.resources[0], 'available', t + HOUR, true, d !== 4));

  const byNewest = (list: RawRecord[]) => [...list].sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
  const historyBackups = cbrScaleBackups(now, projectId, history);
  return {
    instances: [
      cbrVault(servers, 187_392, projectId),
      cbrVault(disks, 61_440, projectId),
      cbrVault(files, 512_000, projectId),
      cbrVault(history, 9_830_400, projectId),
    ],
    backups: new Map<string, RecordList>([
      [servers.id, byNewest(serverBackups)],
      [disks.id, byNewest(diskBackups)],
      [files.id, byNewest(fileBackups)],
      [history.id, historyBackups],
    ]),
  };
}

/** Hourly backups of one server going back 20,000 hours, built on demand, all available (Show Failed stays readable). */
function cbrScaleBackups(now: number, projectId: string, vault: VaultSpec): RecordList {
  const start = Math.floor(now / HOUR) * HOUR;
  return new GeneratedList(CBR_SCALE_BACKUPS, (j) => {
    const rng = randomFor('cbr-history', j);
    return cbrBackup({
      id: rng.uuid(),
      name: `autobk_${rng.hex(4)}`,
      vault,
      resource: vault.resources[0],
      status: 'available',
      createdMs: start - (j + 1) * HOUR + rng.int(0, 600) * 1000,
      autoTrigger: true,
      incremental: j % 24 !== 23,
      checkpointId: rng.uuid(),
      projectId,
    });
  });
}
