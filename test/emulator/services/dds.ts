/** DDS v3: instances and backups (seed 000). */
import { toArray, type RawRecord, type RecordList } from '../data/model';
import { ok, type ServiceDefinition } from '../http';
import { fieldEquals, findById, idEquals, inTimeRange, mergeNewestFirst, nameContains, select, slice } from '../paging';
import { eitherFormat, OFFSET_TIME, SPACED_UTC_TIME } from '../validation';
import { dbsErrors as errors, dbsPaging } from './dbs';
import { restoreTimeRoute } from './restoreTime';

const MODES = ['Sharding', 'ReplicaSet', 'Single'] as const;

export function ddsBackupTime(record: RawRecord): number | undefined {
  return typeof record.begin_time === 'string' ? SPACED_UTC_TIME.parse(record.begin_time) : undefined;
}

export const dds: ServiceDefinition = {
  name: 'dds',
  errors,
  routes: [
    {
      pattern: '/v3/{project_id}/instances',
      handle({ query, data }) {
        const { offset, limit } = dbsPaging(query);
        const matches = select(
          data.dds.instances,
          [fieldEquals('id', query.string('id')), nameContains(query.string('name')), fieldEquals('mode', query.oneOf('mode', MODES))],
          query.filterKey('offset', 'limit'),
        );
        return ok({ instances: slice(matches, offset, limit), total_count: matches.length });
      },
    },
    {
      pattern: '/v3/{project_id}/backups',
      handle({ query, data }) {
        const instanceId = query.string('instance_id');
        const backupId = query.string('backup_id');
        // Documented as "Auto"/"Manual"; the service matches any case and returns lower case.
        const type = query.oneOf('backup_type', ['Auto', 'Manual'] as const, { caseInsensitive: true })?.toLowerCase();
        const mode = query.oneOf('mode', MODES);
        const { offset, limit } = dbsPaging(query);
        // The page documents begin_time as "yyyy-mm-dd hh:mm:ss" and end_time both ways; accept what it documents.
        const range = query.timeRange({
          begin: 'begin_time',
          end: 'end_time',
          beginFormat: SPACED_UTC_TIME,
          endFormat: eitherFormat(SPACED_UTC_TIME, OFFSET_TIME),
          bothOrNeither: true,
        });

        let source: RecordList;
        if (instanceId !== undefined) {
          if (!findById(data.dds.instances, 'id', instanceId)) throw errors.notFound(`The DB instance ${instanceId} does not exist.`);
          source = data.dds.backups.get(instanceId) ?? [];
        } else {
          source = mergeNewestFirst(data.dds.backups, ddsBackupTime);
        }
        const modeOf = mode === undefined ? undefined : new Map(toArray(data.dds.instances).map((i) => [i.id, i.mode]));
        const matches = select(
          source,
          [
            idEquals(backupId),
            fieldEquals('type', type),
            modeOf === undefined ? undefined : (r) => modeOf.get(r.instance_id) === mode,
            inTimeRange(range, ddsBackupTime),
          ],
          query.filterKey('offset', 'limit'),
        );
        return ok({ backups: slice(matches, offset, limit), total_count: matches.length });
      },
    },
    // Replica set instances and 4.0 cluster instances only (RESTORE-TIME.md).
    restoreTimeRoute((data) => data.dds.instances, errors, {
      dateRequired: true,
      supports: (instance) =>
        instance.mode === 'ReplicaSet' ||
        (instance.mode === 'Sharding' && String((instance.datastore as { version?: unknown })?.version) === '4.0'),
    }),
  ],
};
