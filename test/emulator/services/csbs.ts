/**
 * CSBS v1: checkpoint items (marker paging) and their count (seed 004). Both take the same filters,
 * every one seed 004 documents: `ip` matches the addresses of the backed-up server; `policy_id` is
 * answered with the API's 400, because the demo items belong to no policy the emulator could match,
 * and silently ignoring a filter would make a count look right when it is not.
 */
import { toArray, type EmulatorData, type RawRecord } from '../data/model';
import { codeMessageStyle, ok, type ServiceDefinition } from '../http';
import { inTimeRange, select, slice, type RecordFilter } from '../paging';
import { CSBS_STATUSES } from '../data/records';
import { ISO_LOCAL_TIME, type QueryReader } from '../validation';

const errors = codeMessageStyle({ badRequest: 'CSBS.9001', notFound: 'CSBS.6000', internal: 'CSBS.9998' });

export function csbsItemTime(record: RawRecord): number | undefined {
  return typeof record.created_at === 'string' ? ISO_LOCAL_TIME.parse(record.created_at) : undefined;
}

const info = (record: RawRecord): Record<string, unknown> =>
  typeof record.extend_info === 'object' && record.extend_info !== null ? (record.extend_info as Record<string, unknown>) : {};

const contains = (value: unknown, part: string) => typeof value === 'string' && value.includes(part);

/** Ids of the servers with `ip` among their addresses (ECS `addresses: {net: [{addr}]}`). */
function serversWithIp(data: EmulatorData, ip: string): Set<unknown> {
  const has = (server: RawRecord) =>
    Object.values((server.addresses ?? {}) as Record<string, { addr?: unknown }[]>).some((list) =>
      list.some((address) => address.addr === ip),
    );
  return new Set(
    toArray(data.ecs.servers)
      .filter(has)
      .map((server) => server.id),
  );
}

/** The filters of seed 004, shared by the list and the count. */
function filters(query: QueryReader, data: EmulatorData): (RecordFilter | undefined)[] {
  query.boolean('all_tenants'); // one tenant here; validated like the service does
  if (query.string('policy_id') !== undefined) throw errors.badRequest('Invalid parameter policy_id: no backup policy with this id.');
  const ip = query.string('ip');
  const ipServers = ip === undefined ? undefined : serversWithIp(data, ip);
  const dec = query.boolean('dec');
  const status = query.oneOf('status', CSBS_STATUSES);
  const name = query.string('name');
  const az = query.string('az');
  const resourceId = query.string('resource_id');
  const resourceName = query.string('resource_name');
  const imageType = query.string('image_type');
  const checkpointId = query.string('checkpoint_id');
  const resourceType = query.string('resource_type');
  const range = query.timeRange({
    begin: 'start_time',
    end: 'end_time',
    beginFormat: ISO_LOCAL_TIME,
    endFormat: ISO_LOCAL_TIME,
    bothOrNeither: false,
  });
  return [
    status === undefined ? undefined : (r) => r.status === status,
    name === undefined ? undefined : (r) => contains(r.name, name),
    az === undefined ? undefined : (r) => info(r).resource_az === az,
    resourceId === undefined ? undefined : (r) => r.resource_id === resourceId,
    resourceName === undefined ? undefined : (r) => contains(info(r).resource_name, resourceName),
    imageType === undefined ? undefined : (r) => info(r).image_type === imageType,
    checkpointId === undefined ? undefined : (r) => r.checkpoint_id === checkpointId,
    resourceType === undefined ? undefined : (r) => r.resource_type === resourceType,
    dec === undefined ? undefined : (r) => (info(r).dec === true) === dec,
    ipServers === undefined ? undefined : (r) => ipServers.has(r.resource_id),
    inTimeRange(range, csbsItemTime),
  ];
}

export const csbs: ServiceDefinition = {
  name: 'csbs',
  errors,
  routes: [
    {
      pattern: '/v1/{project_id}/checkpoint_items',
      handle({ query, data }) {
        const limit = query.int('limit', { min: 1, fallback: 1000 });
        const marker = query.string('marker');
        const matches = select(data.csbs.checkpointItems, filters(query, data), query.filterKey('limit', 'marker'));
        let start = 0;
        if (marker !== undefined) {
          let index = -1;
          for (let i = 0; i < matches.length && index < 0; i++) if (matches.at(i)!.id === marker) index = i;
          if (index < 0) throw errors.badRequest(`Invalid parameter marker: no backup with id ${marker} in this list.`);
          start = index + 1;
        }
        return ok({ checkpoint_items: slice(matches, start, limit) });
      },
    },
    {
      pattern: '/v1/{project_id}/checkpoint_items/count',
      handle({ query, data }) {
        return ok({ count: select(data.csbs.checkpointItems, filters(query, data), query.filterKey()).length });
      },
    },
  ],
};
