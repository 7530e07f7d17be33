/** DCS v1.0: instances and backups (seed 001). Paging by 1-based `start`. */
import type { RawRecord } from '../data/model';
import { codeMessageStyle, ok, type ServiceDefinition } from '../http';
import { fieldEquals, findById, inTimeRange, nameContains, select, slice } from '../paging';
import { COMPACT_TIME } from '../validation';

const errors = codeMessageStyle({ badRequest: '111400040', notFound: '111404022', internal: '111500001' }, true);

export function dcsBackupTime(record: RawRecord): number | undefined {
  if (typeof record.created_at !== 'string') return undefined;
  const ms = Date.parse(record.created_at);
  return Number.isNaN(ms) ? undefined : ms;
}

export const dcs: ServiceDefinition = {
  name: 'dcs',
  errors,
  routes: [
    {
      pattern: '/v1.0/{project_id}/instances',
      handle({ query, data }) {
        const start = query.int('start', { min: 1, fallback: 1 });
        const limit = query.int('limit', { min: 1, max: 1000, fallback: 10 });
        const matches = select(
          data.dcs.instances,
          [
            fieldEquals('instance_id', query.string('id')),
            nameContains(query.string('name')),
            fieldEquals('status', query.string('status')),
          ],
          query.filterKey('start', 'limit'),
        );
        return ok({ instance_num: matches.length, instances: slice(matches, start - 1, limit) });
      },
    },
    {
      pattern: '/v1.0/{project_id}/instances/{instance_id}/backups',
      handle({ params, query, data }) {
        const start = query.int('start', { min: 1, fallback: 1 });
        const limit = query.int('limit', { min: 1, fallback: 10 });
        const range = query.timeRange({
          begin: 'beginTime',
          end: 'endTime',
          beginFormat: COMPACT_TIME,
          endFormat: COMPACT_TIME,
          bothOrNeither: false,
        });
        if (!findById(data.dcs.instances, 'instance_id', params.instance_id))
          throw errors.notFound(`This DCS instance does not exist: ${params.instance_id}.`);
        const matches = select(
          data.dcs.backups.get(params.instance_id) ?? [],
          [inTimeRange(range, dcsBackupTime)],
          query.filterKey('start', 'limit'),
        );
        return ok({ backup_record_response: slice(matches, start - 1, limit), total_num: matches.length });
      },
    },
  ],
};
