import type { EndpointService, Instance, RestorableRange, RestoreTimes } from '../model';
import { parseEnvelope, validateRecords } from '../schemas/records';
import { restoreTimeEnvelope, restoreTimeRangeSchema } from '../schemas/restoreTime';
import type { AdapterContext } from './adapter';

const DAY_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

/** `yyyy-mm-dd` of an instant in UTC: the `date` the restore-time APIs take. */
export function utcDay(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/**
 * The restore-time call RDS and DDS share (same path, same `restore_time` key): one day's ranges,
 * or (where the service allows it) every range of the retention period when `dayUtc` is undefined.
 */
export async function fetchRestoreTimes(
  ctx: AdapterContext,
  service: EndpointService,
  instance: Instance,
  dayUtc: string | undefined,
  signal?: AbortSignal,
): Promise<RestoreTimes> {
  if (dayUtc !== undefined && !DAY_FORMAT.test(dayUtc)) throw new RangeError(`Not a yyyy-mm-dd day: ${dayUtc}`);
  const path = `/v3/${encodeURIComponent(ctx.projectId)}/instances/${encodeURIComponent(instance.id)}/restore-time`;
  const response = await ctx.get(service, path, { date: dayUtc }, signal);
  const envelope = parseEnvelope(restoreTimeEnvelope, response, { service, request: 'GET /v3/{project_id}/instances/{id}/restore-time' });
  const { items, invalid } = validateRecords(
    envelope.restore_time,
    restoreTimeRangeSchema,
    (record): RestorableRange => ({ from: record.start_time!, to: record.end_time! }),
    ['start_time'],
  );
  const byStart = (a: RestorableRange, b: RestorableRange) => a.from - b.from;
  return {
    ranges: items.filter((range) => range.to >= range.from).sort(byStart),
    reversed: items.filter((range) => range.to < range.from),
    invalid,
  };
}
