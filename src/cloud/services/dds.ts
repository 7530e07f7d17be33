import * as l10n from '@vscode/l10n';
import type { Backup, BackupFilter, Instance } from '../model';
import { endTimeOf, formatDdsTime, parseApiTime, statusOf, toBytes, typeOf, type RawStatusTable } from '../normalize';
import type { Page, PageCursor, PageRequest } from '../paging';
import {
  ddsBackupSchema,
  ddsBackupsEnvelope,
  ddsInstanceSchema,
  ddsInstancesEnvelope,
  type DdsBackup,
  type DdsInstance,
} from '../schemas/dds';
import type { AdapterContext, ServiceAdapter } from './adapter';
import type { Query } from '../http/json';
import { datastoreOf, engineDescription, extrasOf, singleResult } from './build';
import { listFiltered, typeAndWindowQuery, type ServerFilterCapabilities } from './filtering';
import { fetchRestoreTimes } from './restoreTime';
import { fetchOffsetPage, invalidRequest, type OffsetListSpec } from './pages';

// DDS documents DISABLED as 备份删除中 (being deleted).
/** Documented raw statuses (the API page's status table) and what they mean. */
const DDS_STATUSES: RawStatusTable = { BUILDING: 'inProgress', COMPLETED: 'succeeded', FAILED: 'failed', DISABLED: 'expired' };

/** DDS limits every page to 1–100 records. */
const MAX_LIMIT = 100;

/** DDS documents backup_type "Auto"/"Manual" (it returns them lower-case); it has no incremental backups. */
const CAPABILITIES: ServerFilterCapabilities = {
  types: (type) => (type === 'auto' ? ['Auto'] : type === 'manual' ? ['Manual'] : []),
  timeRange: true,
};

function modeLabel(mode: string): string {
  switch (mode) {
    case 'Sharding':
      return l10n.t('cluster');
    case 'ReplicaSet':
      return l10n.t('replica set');
    case 'Single':
      return l10n.t('single node');
    default:
      return mode;
  }
}

/** The instance modes the `mode` filter takes (seed 000). A backup record carries no mode itself. */
const MODES = ['Sharding', 'ReplicaSet', 'Single'] as const;

function toInstance(record: DdsInstance, raw: unknown): Instance {
  const mode = record.mode && modeLabel(record.mode);
  return {
    service: 'dds',
    id: record.id,
    name: record.name || record.id,
    status: record.status,
    description: [engineDescription(record.datastore?.type, record.datastore?.version), mode].filter(Boolean).join(' · ') || undefined,
    datastore: datastoreOf(record.datastore),
    raw,
  };
}

/** The instance's mode, known when the backup was listed under an instance from listInstances. */
function modeOf(instance: Instance | undefined): string | undefined {
  const parsed = instance && ddsInstanceSchema.safeParse(instance.raw);
  return parsed?.success ? parsed.data.mode : undefined;
}

/** `mode`: the mode the list was asked for, when it was; otherwise the instance's, when known. */
function toBackup(record: DdsBackup, raw: unknown, instance: Instance | undefined, mode?: string): Backup {
  const status = statusOf(DDS_STATUSES, record.status);
  return {
    service: 'dds',
    id: record.id,
    name: record.name || record.id,
    instanceId: record.instance_id || instance?.id || '',
    instanceName: record.instance_name || instance?.name,
    type: typeOf(record.type),
    rawType: record.type,
    rawStatus: record.status,
    status,
    start: parseApiTime(record.begin_time),
    end: endTimeOf(status, record.end_time),
    sizeBytes: toBytes(record.size, 'KB'),
    rawSize: record.size === undefined ? undefined : { value: record.size, unit: 'KB' },
    datastore: datastoreOf(record.datastore),
    extras: extrasOf({ mode: mode ?? modeOf(instance), description: record.description }),
    raw,
  };
}

/** GET /v3/{project_id}/backups; instance_id is optional in DDS. */
function backupsSpec(
  ctx: AdapterContext,
  instance: Instance | undefined,
  query: Query,
  keep?: (backup: Backup) => boolean,
  mode?: string,
): OffsetListSpec<typeof ddsBackupsEnvelope, typeof ddsBackupSchema, Backup> {
  return {
    service: 'dds',
    style: 'offset',
    maxLimit: MAX_LIMIT,
    path: `/v3/${encodeURIComponent(ctx.projectId)}/backups`,
    query: { instance_id: instance?.id, ...query, mode },
    envelope: ddsBackupsEnvelope,
    read: (envelope) => ({ records: envelope.backups, total: envelope.total_count }),
    record: ddsBackupSchema,
    toModel: (record, raw) => toBackup(record, raw, instance, mode),
    keep,
  };
}

function listBackups(
  ctx: AdapterContext,
  instance: Instance | undefined,
  request: PageRequest & { readonly filter?: BackupFilter },
  mode?: string,
) {
  return listFiltered('dds', request.filter, CAPABILITIES, (plan, keep) =>
    fetchOffsetPage(ctx, backupsSpec(ctx, instance, typeAndWindowQuery(plan, formatDdsTime), keep, mode), request),
  );
}

/**
 * The project's backups mode by mode (cluster, replica set, single node), so that each one knows
 * its instance's mode without listing the instances. The cursor is a marker `<mode index>:<offset>`;
 * the list has no overall total.
 */
async function listProjectBackups(ctx: AdapterContext, request: PageRequest & { readonly filter?: BackupFilter }): Promise<Page<Backup>> {
  const [modeIndex, offset] = request.cursor?.kind === 'marker' ? request.cursor.marker.split(':').map(Number) : [0, 0];
  if (!(modeIndex >= 0 && modeIndex < MODES.length) || !(offset >= 0))
    throw new RangeError(`Not a DDS project cursor: ${JSON.stringify(request.cursor)}`);
  const page = await listBackups(ctx, undefined, { ...request, cursor: { kind: 'offset', offset } }, MODES[modeIndex]);
  const nextOffset = page.next?.kind === 'offset' ? page.next.offset : undefined;
  const next: PageCursor | undefined =
    nextOffset !== undefined
      ? { kind: 'marker', marker: `${modeIndex}:${nextOffset}` }
      : modeIndex + 1 < MODES.length
        ? { kind: 'marker', marker: `${modeIndex + 1}:0` }
        : undefined;
  return { ...page, next, total: undefined };
}

/** Looks the backup up in each mode at once: the one that answers also tells the mode. */
async function findInEveryMode(
  ctx: AdapterContext,
  instance: Instance | undefined,
  backupId: string,
  signal?: AbortSignal,
): Promise<Backup | undefined> {
  const found = await Promise.all(
    MODES.map(async (mode) =>
      singleResult(
        await fetchOffsetPage(ctx, backupsSpec(ctx, instance, { backup_id: backupId }, undefined, mode), { limit: 1, signal }),
        'dds',
        backupId,
      ),
    ),
  );
  return found.find((backup) => backup !== undefined);
}

export const ddsAdapter: ServiceAdapter = {
  id: 'dds',
  get label() {
    return l10n.t('DDS — Document Database');
  },
  get instanceNoun() {
    return { one: l10n.t('instance'), many: l10n.t('instances') };
  },
  icons: { service: 'json', instance: 'database' },
  rawStatuses: DDS_STATUSES,
  filtersTimeOnServer: CAPABILITIES.timeRange,
  get extraLabels() {
    return {
      mode: l10n.t('Instance mode'),
      description: l10n.t('Description'),
    };
  },

  listInstances(ctx, request) {
    return fetchOffsetPage(
      ctx,
      {
        service: 'dds',
        style: 'offset',
        maxLimit: MAX_LIMIT,
        path: `/v3/${encodeURIComponent(ctx.projectId)}/instances`,
        query: {},
        envelope: ddsInstancesEnvelope,
        read: (envelope) => ({ records: envelope.instances, total: envelope.total_count }),
        record: ddsInstanceSchema,
        toModel: toInstance,
      },
      request,
    );
  },

  listBackups: (ctx, instance, request) => listBackups(ctx, instance, request),

  listProjectBackups,

  /** With the instance's mode known (listed from listInstances), one look-up; otherwise one per mode. */
  restoreTimes(ctx, instance, dayUtc, signal) {
    // DDS documents `date` as required and answers 400 without it.
    if (dayUtc === undefined) return Promise.reject(invalidRequest('dds', 'The DDS restore-time API needs a day (date=yyyy-mm-dd).'));
    return fetchRestoreTimes(ctx, 'dds', instance, dayUtc, signal);
  },

  async findBackupById(ctx, instance, backupId, signal) {
    if (instance && modeOf(instance)) {
      return singleResult(
        await fetchOffsetPage(ctx, backupsSpec(ctx, instance, { backup_id: backupId }), { limit: 1, signal }),
        'dds',
        backupId,
      );
    }
    return findInEveryMode(ctx, instance, backupId, signal);
  },
};
