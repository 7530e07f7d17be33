/** GES v1.0: graphs, per-graph backups and the project-wide backup list (seed 003). */
import type { RawRecord, RecordList } from '../data/model';
import { gesErrorStyle, ok, type JsonReply, type ServiceDefinition } from '../http';
import { findById, mergeNewestFirst, slice } from '../paging';
import type { QueryReader } from '../validation';

const errors = gesErrorStyle();

export function gesBackupTime(record: RawRecord): number | undefined {
  const value = record.startTimestamp;
  const ms = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
  return ms;
}

function backupPage(query: QueryReader, backups: RecordList): JsonReply {
  const offset = query.int('offset', { min: 0, fallback: 0 });
  const limit = query.int('limit', { min: 1, fallback: 10 });
  return ok({ backupCount: backups.length, backupList: slice(backups, offset, limit) });
}

export const ges: ServiceDefinition = {
  name: 'ges',
  errors,
  routes: [
    {
      pattern: '/v1.0/{project_id}/graphs',
      handle({ query, data }) {
        const offset = query.int('offset', { min: 0, fallback: 0 });
        const limit = query.int('limit', { min: 1, fallback: 10 });
        return ok({ graphCount: data.ges.instances.length, graphs: slice(data.ges.instances, offset, limit) });
      },
    },
    {
      pattern: '/v1.0/{project_id}/graphs/backups',
      handle({ query, data }) {
        return backupPage(query, mergeNewestFirst(data.ges.backups, gesBackupTime));
      },
    },
    {
      pattern: '/v1.0/{project_id}/graphs/{graph_id}/backups',
      handle({ params, query, data }) {
        if (!findById(data.ges.instances, 'id', params.graph_id)) throw errors.notFound(`The graph ${params.graph_id} does not exist.`);
        return backupPage(query, data.ges.backups.get(params.graph_id) ?? []);
      },
    },
  ],
};
