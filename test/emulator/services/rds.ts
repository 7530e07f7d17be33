/** RDS v3: instances and backups (seed 002). */
import type { RawRecord } from '../data/model';
import { ok, type ServiceDefinition } from '../http';
import { fieldEquals, findById, idEquals, inTimeRange, nameContains, select, slice } from '../paging';
import { OFFSET_TIME } from '../validation';
import { dbsErrors as errors, dbsPaging } from './dbs';
import { restoreTimeRoute } from './restoreTime';

export const RDS_BACKUP_TYPES = ['auto', 'manual', 'fragment', 'incremental'] as const;

/** A backup's begin time; tolerates the spaces of the PostgreSQL sample ("2018 - 08 - 06 T12: 41: 14 + 0800"). */
export function rdsBackupTime(record: RawRecord): number | undefined {
  return typeof record.begin_time === 'string' ? OFFSET_TIME.parse(record.begin_time.replace(/\s+/g, '')) : undefined;
}

export const rds: ServiceDefinition = {
  name: 'rds',
  errors,
  routes: [
    {
      pattern: '/v3/{project_id}/instances',
      handle({ query, data }) {
        const { offset, limit } = dbsPaging(query);
        const engine = query.oneOf('datastore_type', ['MySQL', 'PostgreSQL', 'SQLServer'] as const, { caseInsensitive: true });
        const type = query.oneOf('type', ['Single', 'Ha', 'Replica'] as const);
        const matches = select(
          data.rds.instances,
          [
            fieldEquals('id', query.string('id')),
            nameContains(query.string('name')),
            engine === undefined ? undefined : (r) => (r.datastore as { type?: unknown } | undefined)?.type === engine,
            fieldEquals('type', type),
          ],
          query.filterKey('offset', 'limit'),
        );
        return ok({ instances: slice(matches, offset, limit), total_count: matches.length });
      },
    },
    {
      pattern: '/v3/{project_id}/backups',
      handle({ query, data }) {
        const instanceId = query.string('instance_id');
        if (instanceId === undefined) throw errors.badRequest('Parameter instance_id is mandatory.');
        const backupId = query.string('backup_id');
        const type = query.oneOf('backup_type', RDS_BACKUP_TYPES);
        const { offset, limit } = dbsPaging(query);
        const range = query.timeRange({
          begin: 'begin_time',
          end: 'end_time',
          beginFormat: OFFSET_TIME,
          endFormat: OFFSET_TIME,
          bothOrNeither: true,
        });
        if (!findById(data.rds.instances, 'id', instanceId)) throw errors.notFound(`The DB instance ${instanceId} does not exist.`);
        const matches = select(
          data.rds.backups.get(instanceId) ?? [],
          [idEquals(backupId), fieldEquals('type', type), inTimeRange(range, rdsBackupTime)],
          query.filterKey('offset', 'limit'),
        );
        return ok({ backups: slice(matches, offset, limit), total_count: matches.length });
      },
    },
    restoreTimeRoute((data) => data.rds.instances, errors, { dateRequired: false }),
  ],
};
