import * as l10n from '@vscode/l10n';
import type { Backup, Instance } from '../model';
import { endTimeOf, formatDcsTime, parseApiTime, statusOf, toBytes, typeOf, type RawStatusTable } from '../normalize';
import {
  dcsBackupSchema,
  dcsBackupsEnvelope,
  dcsInstanceSchema,
  dcsInstancesEnvelope,
  type DcsBackup,
  type DcsInstance,
} from '../schemas/dcs';
import type { ServiceAdapter } from './adapter';
import { engineDescription, extrasOf } from './build';
import { listFiltered, type ServerFilterCapabilities } from './filtering';
import { fetchOffsetPage } from './pages';

/** Documented raw statuses (the API page's status table) and what they mean. */
const DCS_STATUSES: RawStatusTable = {
  waiting: 'waiting',
  backuping: 'inProgress',
  succeed: 'succeeded',
  failed: 'failed',
  expired: 'expired',
  deleted: 'expired',
};

/** DCS filters its backup list by time only (beginTime/endTime, seed 001). */
const CAPABILITIES: ServerFilterCapabilities = { timeRange: true };

function toInstance(record: DcsInstance, raw: unknown): Instance {
  return {
    service: 'dcs',
    id: record.instance_id,
    name: record.name || record.instance_id,
    status: record.status,
    description: engineDescription(record.engine, record.engine_version),
    datastore: record.engine ? { type: record.engine, version: record.engine_version } : undefined,
    raw,
  };
}

/** "TRUE"/"FALSE" as a boolean; anything else stays as sent. */
function restoreSupport(value: string | undefined): boolean | string | undefined {
  const upper = value?.toUpperCase();
  return upper === 'TRUE' ? true : upper === 'FALSE' ? false : value;
}

function toBackup(record: DcsBackup, raw: unknown, instance: Instance): Backup {
  const status = statusOf(DCS_STATUSES, record.status);
  return {
    service: 'dcs',
    id: record.backup_id,
    name: record.backup_name || record.backup_id,
    instanceId: record.instance_id || instance.id,
    instanceName: instance.name,
    type: typeOf(record.backup_type),
    rawType: record.backup_type,
    rawStatus: record.status,
    status,
    start: parseApiTime(record.created_at),
    // Seed 001 defines updated_at as 备份完成时间 (completion time): only a finished backup has one.
    end: endTimeOf(status, record.updated_at),
    sizeBytes: toBytes(record.size, 'bytes'),
    rawSize: record.size === undefined ? undefined : { value: record.size, unit: 'bytes' },
    datastore: instance.datastore,
    errorCode: record.error_code || undefined,
    progress: record.progress,
    extras: extrasOf({
      period: record.period,
      remark: record.remark,
      is_support_restore: restoreSupport(record.is_support_restore),
    }),
    raw,
  };
}

export const dcsAdapter: ServiceAdapter = {
  id: 'dcs',
  get label() {
    return l10n.t('DCS — Distributed Cache (Redis)');
  },
  get instanceNoun() {
    return { one: l10n.t('instance'), many: l10n.t('instances') };
  },
  icons: { service: 'zap', instance: 'database' },
  rawStatuses: DCS_STATUSES,
  filtersTimeOnServer: CAPABILITIES.timeRange,
  get extraLabels() {
    return {
      period: l10n.t('Backup window'),
      remark: l10n.t('Remark'),
      is_support_restore: l10n.t('Restore supported'),
    };
  },

  listInstances(ctx, request) {
    return fetchOffsetPage(
      ctx,
      {
        service: 'dcs',
        style: 'start',
        path: `/v1.0/${encodeURIComponent(ctx.projectId)}/instances`,
        query: {},
        envelope: dcsInstancesEnvelope,
        read: (envelope) => ({ records: envelope.instances, total: envelope.instance_num }),
        record: dcsInstanceSchema,
        toModel: toInstance,
        hintKeys: ['instance_id', 'name'],
      },
      request,
    );
  },

  listBackups(ctx, instance, request) {
    return listFiltered('dcs', request.filter, CAPABILITIES, (plan, keep) =>
      fetchOffsetPage(
        ctx,
        {
          service: 'dcs',
          style: 'start',
          ambiguousTotal: true,
          path: `/v1.0/${encodeURIComponent(ctx.projectId)}/instances/${encodeURIComponent(instance.id)}/backups`,
          query: {
            beginTime: plan.timeRange && formatDcsTime(plan.timeRange.from),
            endTime: plan.timeRange && formatDcsTime(plan.timeRange.to),
          },
          envelope: dcsBackupsEnvelope,
          read: (envelope) => ({ records: envelope.backup_record_response, total: envelope.total_num }),
          record: dcsBackupSchema,
          toModel: (record, raw) => toBackup(record, raw, instance),
          keep,
          hintKeys: ['backup_id', 'backup_name'],
        },
        request,
      ),
    );
  },
};
