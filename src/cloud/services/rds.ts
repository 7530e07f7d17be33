import * as l10n from '@vscode/l10n';
import type { Backup, Instance } from '../model';
import { endTimeOf, formatRdsTime, parseApiTime, statusOf, toBytes, typeOf, type RawStatusTable } from '../normalize';
import {
  rdsBackupSchema,
  rdsBackupsEnvelope,
  rdsInstanceSchema,
  rdsInstancesEnvelope,
  type RdsBackup,
  type RdsInstance,
} from '../schemas/rds';
import type { AdapterContext, ServiceAdapter } from './adapter';
import type { Query } from '../http/json';
import { datastoreOf, engineDescription, extrasOf, singleResult } from './build';
import { listFiltered, typeAndWindowQuery, type ServerFilterCapabilities } from './filtering';
import { fetchRestoreTimes } from './restoreTime';
import { fetchOffsetPage, invalidRequest, type OffsetListSpec } from './pages';

/** Documented raw statuses (the API page's status table) and what they mean. */
const RDS_STATUSES: RawStatusTable = { BUILDING: 'inProgress', COMPLETED: 'succeeded', FAILED: 'failed', DELETING: 'expired' };

/** RDS limits every page to 1–100 records. */
const MAX_LIMIT = 100;

/** RDS backup_type values per normalised type ("fragment" is 差异全量备份). */
const RAW_TYPES = { auto: ['auto'], manual: ['manual'], differential: ['fragment'], incremental: ['incremental'] } as const;

const CAPABILITIES: ServerFilterCapabilities = { types: (type) => RAW_TYPES[type], timeRange: true };

function toInstance(record: RdsInstance, raw: unknown): Instance {
  return {
    service: 'rds',
    id: record.id,
    name: record.name || record.id,
    status: record.status,
    description: engineDescription(record.datastore?.type, record.datastore?.version),
    datastore: datastoreOf(record.datastore),
    raw,
  };
}

/**
 * Seed 002: for a MySQL incremental backup, end_time is the commit time of the last transaction in
 * it, not the end of the job. A record without a datastore belongs to its instance's engine.
 */
function endMeaningOf(record: RdsBackup, instance: Instance): Backup['endMeaning'] {
  const engine = record.datastore?.type ?? instance.datastore?.type;
  return typeOf(record.type) === 'incremental' && (engine === undefined || engine.toLowerCase() === 'mysql')
    ? 'lastTransactionCommit'
    : undefined;
}

function toBackup(record: RdsBackup, raw: unknown, instance: Instance): Backup {
  const status = statusOf(RDS_STATUSES, record.status);
  return {
    service: 'rds',
    id: record.id,
    name: record.name || record.id,
    instanceId: record.instance_id || instance.id,
    instanceName: instance.name,
    type: typeOf(record.type),
    rawType: record.type,
    rawStatus: record.status,
    status,
    start: parseApiTime(record.begin_time),
    end: endTimeOf(status, record.end_time),
    endMeaning: endMeaningOf(record, instance),
    sizeBytes: toBytes(record.size, 'kB'),
    rawSize: record.size === undefined ? undefined : { value: record.size, unit: 'kB' },
    datastore: datastoreOf(record.datastore),
    databases: record.databases?.map((database) => database.name).filter((name): name is string => !!name),
    extras: extrasOf({}),
    raw,
  };
}

/** GET /v3/{project_id}/backups for one instance (instance_id is required by RDS). */
function backupsSpec(
  ctx: AdapterContext,
  instance: Instance,
  query: Query,
  keep?: (backup: Backup) => boolean,
): OffsetListSpec<typeof rdsBackupsEnvelope, typeof rdsBackupSchema, Backup> {
  return {
    service: 'rds',
    style: 'offset',
    maxLimit: MAX_LIMIT,
    path: `/v3/${encodeURIComponent(ctx.projectId)}/backups`,
    query: { instance_id: instance.id, ...query },
    envelope: rdsBackupsEnvelope,
    read: (envelope) => ({ records: envelope.backups, total: envelope.total_count }),
    record: rdsBackupSchema,
    toModel: (record, raw) => toBackup(record, raw, instance),
    keep,
  };
}

export const rdsAdapter: ServiceAdapter = {
  id: 'rds',
  get label() {
    return l10n.t('RDS — Relational Database');
  },
  get instanceNoun() {
    return { one: l10n.t('instance'), many: l10n.t('instances') };
  },
  icons: { service: 'database', instance: 'database' },
  rawStatuses: RDS_STATUSES,
  filtersTimeOnServer: CAPABILITIES.timeRange,
  extraLabels: {},

  listInstances(ctx, request) {
    return fetchOffsetPage(
      ctx,
      {
        service: 'rds',
        style: 'offset',
        maxLimit: MAX_LIMIT,
        path: `/v3/${encodeURIComponent(ctx.projectId)}/instances`,
        query: {},
        envelope: rdsInstancesEnvelope,
        read: (envelope) => ({ records: envelope.instances, total: envelope.total_count }),
        record: rdsInstanceSchema,
        toModel: toInstance,
      },
      request,
    );
  },

  listBackups(ctx, instance, request) {
    return listFiltered('rds', request.filter, CAPABILITIES, (plan, keep) =>
      fetchOffsetPage(ctx, backupsSpec(ctx, instance, typeAndWindowQuery(plan, formatRdsTime), keep), request),
    );
  },

  restoreTimes(ctx, instance, dayUtc, signal) {
    return fetchRestoreTimes(ctx, 'rds', instance, dayUtc, signal);
  },

  async findBackupById(ctx, instance, backupId, signal) {
    if (!instance) {
      throw invalidRequest('rds', l10n.t('Finding an RDS backup by id needs its instance: the RDS backup list requires instance_id.'));
    }
    const page = await fetchOffsetPage(ctx, backupsSpec(ctx, instance, { backup_id: backupId }), { limit: 1, signal });
    return singleResult(page, 'rds', backupId);
  },
};
