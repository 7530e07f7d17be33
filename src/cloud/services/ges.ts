import * as l10n from '@vscode/l10n';
import { CloudError } from '../http/errors';
import { isUnfinished } from '../model';
import type { Backup, BackupFilter, Instance } from '../model';
import { endTimeOf, parseApiTime, statusOf, toBytes, typeOf, type RawStatusTable } from '../normalize';
import type { PageRequest } from '../paging';
import type { ResponseOrigin } from '../schemas/records';
import { gesBackupSchema, gesBackupsEnvelope, gesGraphSchema, gesGraphsEnvelope, type GesBackup, type GesGraph } from '../schemas/ges';
import type { AdapterContext, ServiceAdapter } from './adapter';
import type { JsonResponse } from '../http/json';
import { extrasOf } from './build';
import { listFiltered } from './filtering';
import { fetchOffsetPage } from './pages';

/** Documented raw statuses (the API page's status table) and what they mean. */
const GES_STATUSES: RawStatusTable = { backing_up: 'inProgress', success: 'succeeded', failed: 'failed' };

/** GES reports some failures in a 200 body (`errorCode`/`errorMessage`, lists empty). */
function throwIfFailed(envelope: { errorCode?: string; errorMessage?: string }, response: JsonResponse, origin: ResponseOrigin): void {
  if (!envelope.errorCode) return;
  throw new CloudError(envelope.errorMessage || l10n.t('GES reported {0}', envelope.errorCode), {
    service: 'ges',
    status: response.status,
    code: envelope.errorCode,
    requestId: response.requestId,
    request: origin.request,
  });
}

function toInstance(record: GesGraph, raw: unknown): Instance {
  return {
    service: 'ges',
    id: record.id,
    name: record.name || record.id,
    status: record.status,
    description: record.dataStoreVersion && `GES ${record.dataStoreVersion}`,
    datastore: record.dataStoreVersion ? { type: 'GES', version: record.dataStoreVersion } : undefined,
    raw,
  };
}

function toBackup(record: GesBackup, raw: unknown, graph: Instance | undefined): Backup {
  // The epoch-ms timestamps are exact; the zone-less startTime/endTime are the fallback.
  const status = statusOf(GES_STATUSES, record.status);
  const start = parseApiTime(record.startTimestamp);
  const end = endTimeOf(status, record.endTimestamp);
  return {
    service: 'ges',
    id: record.id,
    name: record.name || record.id,
    instanceId: record.graphId || graph?.id || '',
    instanceName: record.graphName || graph?.name,
    type: typeOf(record.backupMethod),
    rawType: record.backupMethod,
    rawStatus: record.status,
    status,
    start: start.instant !== undefined ? start : parseApiTime(record.startTime),
    end: end.instant !== undefined ? end : endTimeOf(status, record.endTime),
    sizeBytes: toBytes(record.size, 'MB'),
    rawSize: record.size === undefined ? undefined : { value: record.size, unit: 'MB' },
    datastore: record.dataStoreVersion ? { type: 'GES', version: record.dataStoreVersion } : graph?.datastore,
    extras: extrasOf({
      // graphId/graphName are the instance, dataStoreVersion the datastore: shown there, once.
      graphStatus: record.graphStatus,
      graphSizeTypeIndex: record.graphSizeTypeIndex,
      arch: record.arch,
      // The API's own duration; 0 while the backup is still running, which is not a duration.
      duration: isUnfinished(status) ? undefined : record.duration,
    }),
    raw,
  };
}

/** Per-graph (`/graphs/{id}/backups`) or project-wide (`/graphs/backups`) list; GES filters nothing itself. */
function listBackups(ctx: AdapterContext, graph: Instance | undefined, request: PageRequest & { readonly filter?: BackupFilter }) {
  const graphs = `/v1.0/${encodeURIComponent(ctx.projectId)}/graphs`;
  return listFiltered('ges', request.filter, {}, (_plan, keep) =>
    fetchOffsetPage(
      ctx,
      {
        service: 'ges',
        style: 'offset',
        path: graph ? `${graphs}/${encodeURIComponent(graph.id)}/backups` : `${graphs}/backups`,
        query: {},
        envelope: gesBackupsEnvelope,
        read: (envelope, response, origin) => {
          throwIfFailed(envelope, response, origin);
          return { records: envelope.backupList, total: envelope.backupCount };
        },
        record: gesBackupSchema,
        toModel: (record, raw) => toBackup(record, raw, graph),
        keep,
      },
      request,
    ),
  );
}

export const gesAdapter: ServiceAdapter = {
  id: 'ges',
  get label() {
    return l10n.t('GES — Graph Engine');
  },
  get instanceNoun() {
    return { one: l10n.t('graph'), many: l10n.t('graphs') };
  },
  icons: { service: 'type-hierarchy', instance: 'type-hierarchy-sub' },
  rawStatuses: GES_STATUSES,
  get extraLabels() {
    return {
      graphStatus: l10n.t('Graph status'),
      graphSizeTypeIndex: l10n.t('Graph size type'),
      arch: l10n.t('CPU architecture'),
      duration: l10n.t('Backup duration (s)'),
    };
  },

  listInstances(ctx, request) {
    return fetchOffsetPage(
      ctx,
      {
        service: 'ges',
        style: 'offset',
        path: `/v1.0/${encodeURIComponent(ctx.projectId)}/graphs`,
        query: {},
        envelope: gesGraphsEnvelope,
        read: (envelope, response, origin) => {
          throwIfFailed(envelope, response, origin);
          return { records: envelope.graphs, total: envelope.graphCount };
        },
        record: gesGraphSchema,
        toModel: toInstance,
      },
      request,
    );
  },

  listBackups,

  listProjectBackups(ctx, request) {
    return listBackups(ctx, undefined, request);
  },
};
