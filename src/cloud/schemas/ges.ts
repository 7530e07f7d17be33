import * as z from './check';
import {
  optionalCount,
  optionalLooseText,
  optionalNumber,
  optionalRecordArray,
  optionalText,
  optionalTimeValue,
  requiredText,
} from './lenient';

/** Fields GES puts in every response; on failure errorCode/errorMessage are set and the lists are empty. */
const gesStatusFields = { errorCode: optionalLooseText, errorMessage: optionalText };

/** GET /v1.0/{project_id}/graphs. */
export const gesGraphsEnvelope = z.object({ ...gesStatusFields, graphs: optionalRecordArray, graphCount: optionalCount });

export const gesGraphSchema = z.object({
  id: requiredText,
  name: optionalText,
  /** Numeric status codes as strings ("200" running, …), sometimes numbers. */
  status: optionalLooseText,
  dataStoreVersion: optionalLooseText,
  arch: optionalText,
});
export type GesGraph = z.output<typeof gesGraphSchema>;

/** GET /v1.0/{project_id}/graphs/backups and /graphs/{graph_id}/backups (seed 003). */
export const gesBackupsEnvelope = z.object({ ...gesStatusFields, backupList: optionalRecordArray, backupCount: optionalCount });

export const gesBackupSchema = z.object({
  id: requiredText,
  name: optionalText,
  /** auto or manual. */
  backupMethod: optionalText,
  graphId: optionalText,
  graphName: optionalText,
  graphStatus: optionalLooseText,
  graphSizeTypeIndex: optionalLooseText,
  dataStoreVersion: optionalLooseText,
  arch: optionalText,
  status: requiredText,
  /** Documented String, sent as epoch-ms numbers. */
  startTimestamp: optionalTimeValue,
  /** `2021-06-08T13:55:13`, UTC (equals startTimestamp). */
  startTime: optionalTimeValue,
  endTimestamp: optionalTimeValue,
  endTime: optionalTimeValue,
  /** MB. */
  size: optionalNumber,
  /** Seconds. */
  duration: optionalNumber,
});
export type GesBackup = z.output<typeof gesBackupSchema>;
