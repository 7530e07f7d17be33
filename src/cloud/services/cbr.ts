import * as l10n from '@vscode/l10n';
import { CloudError } from '../http/errors';
import type { Query } from '../http/json';
import { formatBytes } from '../format';
import type { Backup, BackupFilter, Instance } from '../model';
import {
  endTimeOf,
  parseApiTime,
  RAW_RESOURCE_TYPES,
  rawStatusesFor,
  resourceTypeOf,
  statusOf,
  toBytes,
  typeOfAutoTrigger,
  type RawStatusTable,
} from '../normalize';
import type { PageRequest } from '../paging';
import {
  cbrBackupEnvelope,
  cbrBackupSchema,
  cbrBackupsEnvelope,
  cbrVaultSchema,
  cbrVaultsEnvelope,
  type CbrBackup,
  type CbrChild,
  type CbrReplicationRecord,
  type CbrVault,
} from '../schemas/cbr';
import { parseEnvelope, validateRecords } from '../schemas/records';
import type { AdapterContext, ServiceAdapter } from './adapter';
import { extrasOf, singleResult } from './build';
import { listFiltered, type ServerFilterCapabilities } from './filtering';
import { fetchOffsetPage } from './pages';

/** The backup statuses of ListBackups (docs/SPEC.md §5). CBR has no "deleted": deleted backups vanish. */
const CBR_STATUSES: RawStatusTable = {
  available: 'succeeded',
  protecting: 'inProgress',
  restoring: 'inProgress',
  deleting: 'expired',
  error: 'failed',
  waiting_protect: 'waiting',
  waiting_restore: 'waiting',
  waiting_delete: 'waiting',
};

/** ListVault and ListBackups take `limit` 1–1000. */
const MAX_LIMIT = 1000;

/**
 * CBR filters by one raw `status`, one `resource_type` and by creation time on the server. Auto
 * versus manual is `extend_info.auto_trigger`, which the API cannot filter by, so the type is
 * matched here (except "incremental" alone, which is the server's `incremental=true`).
 */
const CAPABILITIES: ServerFilterCapabilities = {
  statuses: (status) => rawStatusesFor(CBR_STATUSES, [status]),
  resourceTypes: (type) => [RAW_RESOURCE_TYPES[type]],
  timeRange: true,
};

/** How the tree names a vault's `billing.object_type`. */
function objectTypeLabel(objectType: string): string {
  switch (objectType) {
    case 'server':
      return l10n.t('server');
    case 'disk':
      return l10n.t('disk');
    case 'turbo':
      return l10n.t('SFS Turbo file system');
    case 'file':
      return l10n.t('file system');
    case 'workspace':
      return l10n.t('desktop');
    case 'vmware':
      return 'VMware';
    case 'rds':
      return 'RDS';
    default:
      return objectType;
  }
}

/** CBR `start_time`/`end_time`: `YYYY-MM-DDTHH:MM:SSZ` (ListBackups). */
function formatCbrTime(instant: number): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "server · 183 GB of 500 GB · 3 resources": object type, used (MB) of capacity (GB), resources protected. */
function vaultDescription(vault: CbrVault): string | undefined {
  const billing = vault.billing;
  const objectType = billing?.object_type && objectTypeLabel(billing.object_type);
  const capacity = billing?.size ?? billing?.allocated;
  const used = toBytes(billing?.used, 'MB');
  const usage =
    used !== undefined && capacity !== undefined
      ? l10n.t('{0} of {1}', formatBytes(used), formatBytes(toBytes(capacity, 'GB')!))
      : undefined;
  const count = vault.resources?.length;
  const resources = count === undefined ? undefined : count === 1 ? l10n.t('1 resource') : l10n.t('{0} resources', count);
  return [objectType, usage, resources].filter(Boolean).join(' · ') || undefined;
}

function toInstance(record: CbrVault, raw: unknown): Instance {
  return {
    service: 'cbr',
    id: record.id,
    name: record.name || record.id,
    status: record.billing?.status,
    description: vaultDescription(record),
    raw,
  };
}

/** "available → cn-south-1", "fail → ap-southeast-1 (BackupService.xxxx)"; one line per record. */
function replicationText(records: readonly CbrReplicationRecord[] | undefined): string | undefined {
  if (!records?.length) return undefined;
  return records
    .map((record) => {
      const failure = record.extra_info?.fail_code ?? record.extra_info?.fail_reason;
      const region = record.destination_region ?? l10n.t('unknown region');
      const status = record.status ?? l10n.t('unknown');
      return failure ? `${status} → ${region} (${failure})` : `${status} → ${region}`;
    })
    .join(l10n.t('; '));
}

/** "data-disk-01 (available); system-disk (available)". */
function childrenText(children: readonly CbrChild[] | undefined): string | undefined {
  if (!children?.length) return undefined;
  return children
    .map((child) =>
      l10n.t('{0} ({1})', child.resource_name || child.name || child.id || l10n.t('unnamed'), child.status ?? l10n.t('unknown')),
    )
    .join(l10n.t('; '));
}

function toBackup(record: CbrBackup, raw: unknown, vault: Instance | undefined): Backup {
  const info = record.extend_info;
  const status = statusOf(CBR_STATUSES, record.status);
  // Like CSBS, CBR has no finish time of its own: once a backup has succeeded or failed, updated_at is when.
  const finished = status === 'succeeded' || status === 'failed' ? record.updated_at : undefined;
  return {
    service: 'cbr',
    id: record.id,
    name: record.name || record.id,
    instanceId: record.vault_id || vault?.id || '',
    instanceName: vault?.name,
    resourceName: record.resource_name || record.resource_id,
    resourceType: resourceTypeOf(record.resource_type),
    type: typeOfAutoTrigger(info?.auto_trigger),
    rawType: info?.auto_trigger === undefined ? undefined : `auto_trigger: ${info.auto_trigger}`,
    incremental: record.incremental,
    rawStatus: record.status,
    status,
    start: parseApiTime(record.created_at),
    end: endTimeOf(status, finished),
    sizeBytes: toBytes(record.resource_size, 'GB'),
    rawSize: record.resource_size === undefined ? undefined : { value: record.resource_size, unit: 'GB' },
    // vault_id is the instance, resource_size the size and (once finished) updated_at the end: shown there, once.
    extras: extrasOf({
      checkpoint_id: record.checkpoint_id,
      resource_id: record.resource_id,
      resource_name: record.resource_name,
      resource_type: record.resource_type,
      resource_az: record.resource_az,
      protected_at: stringOf(record.protected_at),
      updated_at: finished === undefined ? stringOf(record.updated_at) : undefined,
      expired_at: stringOf(record.expired_at) ?? 'never',
      incremental: record.incremental,
      image_type: record.image_type,
      supported_restore_mode: info?.supported_restore_mode,
      encrypted: info?.encrypted,
      system_disk: info?.system_disk,
      parent_id: record.parent_id,
      children: childrenText(record.children),
      replication_records: replicationText(record.replication_records),
      description: record.description,
    }),
    raw,
  };
}

function stringOf(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** The list query of a filter: status, resource type and creation time go to the server; the type is matched here. */
function listBackups(
  ctx: AdapterContext,
  vault: Instance | undefined,
  request: PageRequest & { readonly filter?: BackupFilter },
): ReturnType<ServiceAdapter['listBackups']> {
  const types = request.filter?.types;
  const incrementalOnly = types?.length === 1 && types[0] === 'incremental';
  const filter = incrementalOnly ? { ...request.filter, types: undefined } : request.filter;
  return listFiltered('cbr', filter, CAPABILITIES, (plan, keep) => {
    const query: Query = {
      vault_id: vault?.id,
      status: plan.statusParam,
      resource_type: plan.resourceTypeParam,
      start_time: plan.timeRange && formatCbrTime(plan.timeRange.from),
      end_time: plan.timeRange && formatCbrTime(plan.timeRange.to),
      incremental: incrementalOnly ? 'true' : undefined,
      // The order without `sort` is not documented; newest first is what the tree promises.
      sort: 'created_at:desc',
    };
    return fetchOffsetPage(
      ctx,
      {
        service: 'cbr',
        style: 'offset',
        maxLimit: MAX_LIMIT,
        path: `/v3/${encodeURIComponent(ctx.projectId)}/backups`,
        query,
        envelope: cbrBackupsEnvelope,
        read: (envelope) => ({ records: envelope.backups, total: envelope.count }),
        record: cbrBackupSchema,
        toModel: (record, raw) => toBackup(record, raw, vault),
        keep,
      },
      request,
    );
  });
}

export const cbrAdapter: ServiceAdapter = {
  id: 'cbr',
  get label() {
    return l10n.t('CBR — Cloud Backup and Recovery');
  },
  get instanceNoun() {
    return { one: l10n.t('vault'), many: l10n.t('vaults') };
  },
  icons: { service: 'shield', instance: 'archive' },
  rawStatuses: CBR_STATUSES,
  filtersTimeOnServer: CAPABILITIES.timeRange,
  get extraLabels() {
    return {
      checkpoint_id: l10n.t('Checkpoint ID'),
      resource_id: l10n.t('Resource ID'),
      resource_name: l10n.t('Resource'),
      resource_type: l10n.t('Resource type'),
      resource_az: l10n.t('Resource AZ'),
      protected_at: l10n.t('Protected at'),
      updated_at: l10n.t('Updated at'),
      expired_at: l10n.t('Expires at'),
      incremental: l10n.t('Incremental'),
      image_type: l10n.t('Image type'),
      supported_restore_mode: l10n.t('Restore modes'),
      encrypted: l10n.t('Encrypted'),
      system_disk: l10n.t('System disk'),
      parent_id: l10n.t('Parent backup ID'),
      children: l10n.t('Child backups'),
      replication_records: l10n.t('Replication records'),
      description: l10n.t('Description'),
    };
  },

  listInstances(ctx, request) {
    return fetchOffsetPage(
      ctx,
      {
        service: 'cbr',
        style: 'offset',
        maxLimit: MAX_LIMIT,
        path: `/v3/${encodeURIComponent(ctx.projectId)}/vaults`,
        query: {},
        envelope: cbrVaultsEnvelope,
        read: (envelope) => ({ records: envelope.vaults, total: envelope.count }),
        record: cbrVaultSchema,
        toModel: toInstance,
      },
      request,
    );
  },

  listBackups: (ctx, vault, request) => listBackups(ctx, vault, request),

  /** ListBackups without vault_id lists the whole project. */
  listProjectBackups: (ctx, request) => listBackups(ctx, undefined, request),

  /** ShowBackup; a 404 means there is no such backup. */
  async findBackupById(ctx, vault, backupId, signal) {
    const path = `/v3/${encodeURIComponent(ctx.projectId)}/backups/${encodeURIComponent(backupId)}`;
    let response;
    try {
      response = await ctx.get('cbr', path, {}, signal);
    } catch (error) {
      if (error instanceof CloudError && error.status === 404) return undefined;
      throw error;
    }
    const envelope = parseEnvelope(cbrBackupEnvelope, response, { service: 'cbr', request: `GET ${path}` });
    const { items, invalid } = validateRecords([envelope.backup], cbrBackupSchema, (record, raw) => toBackup(record, raw, vault));
    return singleResult({ items, invalid, scanned: 1 }, 'cbr', backupId);
  },
};
