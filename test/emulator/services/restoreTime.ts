/** GET /v3/{project_id}/instances/{instance_id}/restore-time, RDS and DDS (shared/apis/RESTORE-TIME.md). */
import type { EmulatorData, RecordList } from '../data/model';
import { ok, type ErrorStyle, type Route } from '../http';
import { findById } from '../paging';
import type { QueryReader } from '../validation';

const DAY_MS = 86_400_000;

/**
 * The instance's ranges, cut to the UTC day `date` names when it is given. RDS takes `date` as
 * optional (without it: every range); DDS requires it and serves replica sets and clusters only.
 */
export function restoreTimeRoute(
  instances: (data: EmulatorData) => RecordList,
  errors: ErrorStyle,
  rules: { dateRequired: boolean; supports?: (instance: Record<string, unknown>) => boolean },
): Route {
  return {
    pattern: '/v3/{project_id}/instances/{instance_id}/restore-time',
    handle({ params, query, data }) {
      const day = readDay(query, errors, rules.dateRequired);
      const instance = findById(instances(data), 'id', params.instance_id);
      if (!instance) throw errors.notFound(`The DB instance ${params.instance_id} does not exist.`);
      if (rules.supports && !rules.supports(instance)) throw errors.badRequest('This operation is not supported for the instance type.');
      const ranges = data.restoreTimes?.get(params.instance_id) ?? [];
      const restore_time =
        day === undefined
          ? ranges
          : ranges
              .filter((range) => range.end_time >= day && range.start_time < day + DAY_MS)
              .map((range) => ({ start_time: Math.max(range.start_time, day), end_time: Math.min(range.end_time, day + DAY_MS - 1) }));
      return ok({ restore_time });
    },
  };
}

function readDay(query: QueryReader, errors: ErrorStyle, required: boolean): number | undefined {
  const date = query.string('date');
  if (date === undefined) {
    if (required) throw errors.badRequest('Parameter date is mandatory.');
    return undefined;
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (Number.isNaN(day)) throw errors.badRequest(`Invalid date ${date}: expected yyyy-mm-dd.`);
  return day;
}
