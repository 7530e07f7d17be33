/**
 * CBR v3 (shared/apis/CBR.md): vaults and backups with offset paging (`limit` 1–1000, default
 * 1000) and `count` = the number of matches, ShowBackup, and the `{"error_code","error_msg"}` body
 * with BackupService codes. A vault_id that names no vault is the documented 400
 * BackupService.6105. Filters the emulator cannot honour (sort keys other than created_at,
 * marker together with offset) are 400s rather than silently ignored.
 */
import type { RawRecord, RecordList } from '../data/model';
import { CBR_STATUSES } from '../data/cbr';
import { ApiError, codeMessageStyle, ok, type ServiceDefinition } from '../http';
import { fieldEquals, findById, inTimeRange, mergeNewestFirst, select, slice, type RecordFilter } from '../paging';
import { ISO_LOCAL_TIME, type QueryReader, type TimeFormat } from '../validation';

// BackupService.9900 (parameter validation) and .6200 (backup not found) come from the Huawei-written
// Open Telekom Cloud fork of the reference; the 5xx code is not documented and stands for any.
const errors = codeMessageStyle({ badRequest: 'BackupService.9900', notFound: 'BackupService.6200', internal: 'BackupService.9999' });

const vaultNotFound = (vaultId: string) =>
  new ApiError(400, { error_code: 'BackupService.6105', error_msg: `Vault ${vaultId} not found.` });

/** `start_time`/`end_time`: `%YYYY-%mm-%ddT%HH:%MM:%SSZ` (ListBackups). */
const CBR_QUERY_TIME: TimeFormat = {
  label: 'YYYY-MM-DDTHH:MM:SSZ',
  parse: (raw) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(raw) ? ISO_LOCAL_TIME.parse(raw) : undefined),
};

const RESOURCE_TYPES = [
  'OS::Nova::Server',
  'OS::Cinder::Volume',
  'OS::Ironic::BareMetalServer',
  'OS::Native::Server',
  'OS::Sfs::Turbo',
  'OS::Workspace::DesktopV2',
] as const;

/** A record's creation time: microseconds without a zone, or the sample's `+00:00` form. */
export function cbrCreatedAt(record: RawRecord): number | undefined {
  if (typeof record.created_at !== 'string') return undefined;
  const ms = Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(record.created_at) ? record.created_at : `${record.created_at.slice(0, 23)}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

function paging(query: QueryReader): { offset: number; limit: number } {
  return { offset: query.int('offset', { min: 0, fallback: 0 }), limit: query.int('limit', { min: 1, max: 1000, fallback: 1000 }) };
}

/** The list backwards, for `sort=created_at:asc`. */
function reversed(list: RecordList): RecordList {
  return { length: list.length, at: (i) => list.at(list.length - 1 - i) };
}

/** The position after the backup `marker` names (the id of the last backup of the previous page). */
function afterMarker(list: RecordList, marker: string): number {
  for (let i = 0; i < list.length; i++) if (list.at(i)!.id === marker) return i + 1;
  throw errors.badRequest(`Invalid parameter marker: no backup with id ${marker} in this list.`);
}

const info = (record: RawRecord): Record<string, unknown> =>
  typeof record.extend_info === 'object' && record.extend_info !== null ? (record.extend_info as Record<string, unknown>) : {};

export const cbr: ServiceDefinition = {
  name: 'cbr',
  errors,
  routes: [
    {
      pattern: '/v3/{project_id}/vaults',
      handle({ query, data }) {
        const { offset, limit } = paging(query);
        const objectType = query.oneOf('object_type', ['server', 'disk', 'turbo', 'workspace', 'vmware', 'rds', 'file'] as const);
        const status = query.oneOf('status', ['available', 'lock', 'frozen', 'deleting', 'error'] as const);
        query.oneOf('cloud_type', ['public', 'hybrid'] as const);
        const protectType = query.oneOf('protect_type', ['backup', 'replication'] as const);
        const billing = (r: RawRecord) => (r.billing ?? {}) as Record<string, unknown>;
        const matches = select(
          data.cbr.instances,
          [
            fieldEquals('id', query.string('id')),
            fieldEquals('name', query.string('name')),
            objectType === undefined ? undefined : (r) => billing(r).object_type === objectType,
            status === undefined ? undefined : (r) => billing(r).status === status,
            protectType === undefined ? undefined : (r) => billing(r).protect_type === protectType,
          ],
          query.filterKey('offset', 'limit'),
        );
        return ok({ vaults: slice(matches, offset, limit), count: matches.length, limit, offset });
      },
    },
    {
      pattern: '/v3/{project_id}/backups',
      handle({ query, data }) {
        const { offset, limit } = paging(query);
        if (query.string('marker') !== undefined && query.string('offset') !== undefined)
          throw errors.badRequest('Use either marker or offset, not both.');
        const vaultId = query.string('vault_id');
        if (vaultId !== undefined && !findById(data.cbr.instances, 'id', vaultId)) throw vaultNotFound(vaultId);
        const status = query.oneOf('status', CBR_STATUSES);
        const imageType = query.oneOf('image_type', ['backup', 'replication'] as const);
        const resourceType = query.oneOf('resource_type', RESOURCE_TYPES);
        const incremental = query.boolean('incremental');
        query.oneOf('own_type', ['private', 'shared', 'all_granted'] as const);
        const sort = query.oneOf('sort', ['created_at', 'created_at:desc', 'created_at:asc'] as const);
        const range = query.timeRange({
          begin: 'start_time',
          end: 'end_time',
          beginFormat: CBR_QUERY_TIME,
          endFormat: CBR_QUERY_TIME,
          bothOrNeither: false,
        });
        const source = vaultId !== undefined ? (data.cbr.backups.get(vaultId) ?? []) : mergeNewestFirst(data.cbr.backups, cbrCreatedAt);
        const filters: (RecordFilter | undefined)[] = [
          fieldEquals('status', status),
          fieldEquals('image_type', imageType),
          fieldEquals('resource_type', resourceType),
          fieldEquals('resource_id', query.string('resource_id')),
          fieldEquals('resource_name', query.string('resource_name')),
          fieldEquals('resource_az', query.string('resource_az')),
          fieldEquals('checkpoint_id', query.string('checkpoint_id')),
          fieldEquals('parent_id', query.string('parent_id')),
          fieldEquals('name', query.string('name')),
          incremental === undefined ? undefined : (r) => (r.incremental === true) === incremental,
          query.boolean('dec') === undefined ? undefined : (r) => info(r).encrypted === query.boolean('dec'),
          inTimeRange(range, cbrCreatedAt),
        ];
        const matches = select(source, filters, query.filterKey('offset', 'limit', 'sort'));
        const ordered = sort === 'created_at:asc' ? reversed(matches) : matches;
        const marker = query.string('marker');
        return ok({
          backups: slice(ordered, marker === undefined ? offset : afterMarker(ordered, marker), limit),
          count: matches.length,
          offset,
          limit,
        });
      },
    },
    {
      pattern: '/v3/{project_id}/backups/{backup_id}',
      handle({ params, data }) {
        for (const list of data.cbr.backups.values()) {
          const found = findById(list, 'id', params.backup_id);
          if (found) return ok({ backup: found });
        }
        throw errors.notFound(`Backup ${params.backup_id} not found.`);
      },
    },
  ],
};
