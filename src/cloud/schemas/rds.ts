import * as z from './check';
import { datastoreSchema, optionalCount, optionalNumber, optionalText, optionalTimeValue, recordArray, requiredText } from './lenient';

/** GET /v3/{project_id}/instances (RDS). */
export const rdsInstancesEnvelope = z.object({ instances: recordArray, total_count: optionalCount });

export const rdsInstanceSchema = z.object({
  id: requiredText,
  name: optionalText,
  status: optionalText,
  /** Single, Ha or Replica. */
  type: optionalText,
  datastore: datastoreSchema,
});
export type RdsInstance = z.output<typeof rdsInstanceSchema>;

/** GET /v3/{project_id}/backups (seed 002). */
export const rdsBackupsEnvelope = z.object({ backups: recordArray, total_count: optionalCount });

export const rdsBackupSchema = z.object({
  id: requiredText,
  name: optionalText,
  /** auto, manual, fragment, incremental. */
  type: optionalText,
  /** kB. */
  size: optionalNumber,
  status: requiredText,
  begin_time: optionalTimeValue,
  end_time: optionalTimeValue,
  datastore: datastoreSchema,
  /** SQL Server partial backups only. */
  databases: z.preprocess((v) => (v === null ? undefined : v), z.array(z.object({ name: optionalText })).optional()),
  instance_id: optionalText,
});
export type RdsBackup = z.output<typeof rdsBackupSchema>;
