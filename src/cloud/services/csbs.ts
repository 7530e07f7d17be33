import * as l10n from '@vscode/l10n';
import type { Backup, Instance } from '../model';
import {
  endTimeOf,
  formatCsbsTime,
  parseApiTime,
  RAW_RESOURCE_TYPES,
  rawStatusesFor,
  resourceTypeOf,
  statusOf,
  toBytes,
  typeOfAutoTrigger,
  type RawStatusTable,
} from '../normalize';
import { parseEnvelope } from '../schemas/records';
import {
  csbsCheckpointItemSchema,
  csbsCheckpointItemsEnvelope,
  csbsCountEnvelope,
  ecsServerSchema,
  ecsServersEnvelope,
  type CsbsCheckpointItem,
  type EcsServer,
} from '../schemas/csbs';
import type { Query } from '../http/json';
import type { AdapterContext, ServiceAdapter } from './adapter';
import { extrasOf } from './build';
import { listFiltered, planFilter, type ServerFilterCapabilities } from './filtering';
import { fetchMarkerPage, fetchOffsetPage } from './pages';

// Beyond the statuses every page lists, CSBS queues work (waiting_*) and keeps deleted items for a while.
/** Documented raw statuses (the API page's status table) and what they mean. */
const CSBS_STATUSES: RawStatusTable = {
  protecting: 'inProgress',
  restoring: 'inProgress',
  available: 'succeeded',
  error: 'failed',
  deleting: 'expired',
  deleted: 'expired',
  waiting_protect: 'waiting',
  waiting_restore: 'waiting',
  waiting_delete: 'waiting',
};

/**
 * CSBS filters by one raw `status`, `resource_type` and time; the type (extend_info.auto_trigger) is
 * checked here. Its items are all of cloud servers: any other resource type lists nothing.
 */
const CAPABILITIES: ServerFilterCapabilities = {
  statuses: (status) => rawStatusesFor(CSBS_STATUSES, [status]),
  resourceTypes: (type) => (type === 'server' ? [RAW_RESOURCE_TYPES.server] : []),
  timeRange: true,
};

function toInstance(record: EcsServer, raw: unknown): Instance {
  return { service: 'csbs', id: record.id, name: record.name || record.id, status: record.status, description: l10n.t('server'), raw };
}

function toBackup(record: CsbsCheckpointItem, raw: unknown, server: Instance): Backup {
  const info = record.extend_info;
  const failCode = typeof info?.fail_code === 'string' ? info.fail_code : (info?.fail_code?.Code ?? info?.fail_code?.code);
  const failDescription = typeof info?.fail_code === 'object' ? (info.fail_code.Description ?? info.fail_code.description) : undefined;
  const status = statusOf(CSBS_STATUSES, record.status);
  // CSBS has no finish time of its own; once a backup has succeeded or failed, updated_at is when that happened.
  const finished = status === 'succeeded' || status === 'failed' ? record.updated_at : undefined;
  return {
    service: 'csbs',
    id: record.id,
    name: record.name || record.id,
    instanceId: record.resource_id || server.id,
    instanceName: info?.resource_name || server.name,
    resourceType: resourceTypeOf(record.resource_type),
    type: typeOfAutoTrigger(info?.auto_trigger),
    rawType: info?.auto_trigger === undefined ? undefined : `auto_trigger: ${info.auto_trigger}`,
    rawStatus: record.status,
    status,
    start: parseApiTime(record.created_at),
    end: endTimeOf(status, info?.finished_at ?? finished),
    sizeBytes: toBytes(info?.size, 'MB'),
    rawSize: info?.size === undefined ? undefined : { value: info.size, unit: 'MB' },
    errorCode: failCode || undefined,
    errorMessage: info?.fail_reason || failDescription || undefined,
    progress: info?.progress,
    // resource_id/resource_name are the instance and fail_reason the failure reason: shown there, once.
    extras: extrasOf({
      resource_type: record.resource_type,
      checkpoint_id: record.checkpoint_id,
      fail_op: info?.fail_op,
      image_type: info?.image_type,
      incremental: info?.incremental,
    }),
    raw,
  };
}

/** GET checkpoint_items/count with the filters of seed 004 (the same query the list sends, without paging). */
async function countItems(ctx: AdapterContext, query: Query, signal: AbortSignal | undefined): Promise<number> {
  const path = `/v1/${encodeURIComponent(ctx.projectId)}/checkpoint_items/count`;
  const response = await ctx.get('csbs', path, query, signal);
  return parseEnvelope(csbsCountEnvelope, response, { service: 'csbs', request: `GET ${path}` }).count;
}

function timeQuery(range: { readonly from: number; readonly to: number } | undefined): Query {
  return { start_time: range && formatCsbsTime(range.from), end_time: range && formatCsbsTime(range.to) };
}

export const csbsAdapter: ServiceAdapter = {
  id: 'csbs',
  get label() {
    return l10n.t('CSBS — Cloud Server Backup');
  },
  get instanceNoun() {
    return { one: l10n.t('server'), many: l10n.t('servers') };
  },
  icons: { service: 'server-environment', instance: 'vm' },
  get note() {
    return l10n.t('Legacy: CSBS serves existing users; new backups are in CBR.');
  },
  rawStatuses: CSBS_STATUSES,
  filtersTimeOnServer: CAPABILITIES.timeRange,
  get extraLabels() {
    return {
      resource_type: l10n.t('Resource type'),
      checkpoint_id: l10n.t('Checkpoint ID'),
      fail_op: l10n.t('Failed operation'),
      image_type: l10n.t('Image type'),
      incremental: l10n.t('Incremental'),
    };
  },

  /** The servers CSBS protects, from ECS (`offset` is a 1-based page number there). */
  listInstances(ctx, request) {
    return fetchOffsetPage(
      ctx,
      {
        service: 'ecs',
        style: 'pageNumber',
        path: `/v1/${encodeURIComponent(ctx.projectId)}/cloudservers/detail`,
        query: {},
        envelope: ecsServersEnvelope,
        read: (envelope) => ({ records: envelope.servers, total: envelope.count }),
        record: ecsServerSchema,
        toModel: toInstance,
      },
      request,
    );
  },

  /**
   * One marker page of a server's items. The list has no total, so the first page also asks the
   * count API (seed 004 takes resource_id) with the same query: "143 backups (50 shown)".
   */
  listBackups(ctx, server, request) {
    return listFiltered('csbs', request.filter, CAPABILITIES, async (plan, keep) => {
      const query: Query = {
        resource_id: server.id,
        status: plan.statusParam,
        resource_type: plan.resourceTypeParam,
        ...timeQuery(plan.timeRange),
      };
      const [page, total] = await Promise.all([
        fetchMarkerPage(
          ctx,
          {
            service: 'csbs',
            path: `/v1/${encodeURIComponent(ctx.projectId)}/checkpoint_items`,
            query,
            envelope: csbsCheckpointItemsEnvelope,
            read: (envelope) => ({ records: envelope.checkpoint_items }),
            record: csbsCheckpointItemSchema,
            toModel: (record, raw) => toBackup(record, raw, server),
            keep,
          },
          request,
        ),
        request.cursor || request.skipTotal ? undefined : countItems(ctx, query, request.signal),
      ]);
      return total === undefined ? page : { ...page, total };
    });
  },

  /**
   * Project-wide count from checkpoint_items/count. Statuses are counted one raw value at a time
   * and summed (each backup has one status, so the sum is exact); a resource type other than a
   * server counts nothing without asking; the type filter cannot be
   * expressed to this API and is not part of the count.
   */
  // checkpoint_items/count takes no backup type (seed 004).
  countUnfiltered: ['types'],

  async countBackups(ctx, filter, signal) {
    const resources = planFilter({ resourceTypes: filter?.resourceTypes }, CAPABILITIES);
    if (resources.impossible) return 0;
    const resourceType = resources.resourceTypeParam;
    const wanted = filter?.statuses?.length ? rawStatusesFor(CSBS_STATUSES, filter.statuses) : [undefined];
    const counts = await Promise.all(
      wanted.map((status) => countItems(ctx, { status, resource_type: resourceType, ...timeQuery(filter?.timeRange) }, signal)),
    );
    return counts.reduce((sum, count) => sum + count, 0);
  },
};
