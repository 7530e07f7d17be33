import * as z from './check';
import { datastoreSchema, optionalCount, optionalNumber, optionalText, optionalTimeValue, recordArray, requiredText } from './lenient';

/** GET /v3/{project_id}/instances (DDS). */
export const ddsInstancesEnvelope = z.object({ instances: recordArray, total_count: optionalCount });

export const ddsInstanceSchema = z.object({
  id: requiredText,
  name: optionalText,
  status: optionalText,
  /** Sharding, ReplicaSet or Single. */
  mode: optionalText,
  datastore: datastoreSchema,
});
export type DdsInstance = z.output<typeof ddsInstanceSchema>;

/** GET /v3/{project_id}/backups (seed 000). */
export const ddsBackupsEnvelope = z.object({ backups: recordArray, total_count: optionalCount });

export const ddsBackupSchema = z.object({
  id: requiredText,
  name: optionalText,
  instance_id: optionalText,
  instance_name: optionalText,
  datastore: datastoreSchema,
  /** Documented "Auto"/"Manual", returned lower-case. */
  type: optionalText,
  /** `yyyy-mm-dd hh:mm:ss`, UTC. */
  begin_time: optionalTimeValue,
  end_time: optionalTimeValue,
  status: requiredText,
  /** KB. */
  size: optionalNumber,
  description: optionalText,
});
export type DdsBackup = z.output<typeof ddsBackupSchema>;
