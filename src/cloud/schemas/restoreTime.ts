import * as z from './check';
import { optionalNumber, recordArray } from './lenient';

/**
 * GET /v3/{project_id}/instances/{instance_id}/restore-time (RDS, DDS; shared/apis/RESTORE-TIME.md).
 * The ranges are validated one by one, so one malformed range never hides the others.
 */
export const restoreTimeEnvelope = z.object({ restore_time: recordArray });

/** UNIX milliseconds, UTC; a number sent as a numeric string reads the same. */
export const restoreTimeRangeSchema = z.object({
  start_time: optionalNumber.refine((value) => value !== undefined, z.required),
  end_time: optionalNumber.refine((value) => value !== undefined, z.required),
});
export type RestoreTimeRange = z.output<typeof restoreTimeRangeSchema>;
