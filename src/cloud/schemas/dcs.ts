import * as z from './check';
import { optionalCount, optionalLooseText, optionalNumber, optionalText, optionalTimeValue, recordArray, requiredText } from './lenient';

/** GET /v1.0/{project_id}/instances (DCS). */
export const dcsInstancesEnvelope = z.object({ instances: recordArray, instance_num: optionalCount });

export const dcsInstanceSchema = z.object({
  instance_id: requiredText,
  name: optionalText,
  engine: optionalText,
  engine_version: optionalLooseText,
  status: optionalText,
});
export type DcsInstance = z.output<typeof dcsInstanceSchema>;

/** GET /v1.0/{project_id}/instances/{instance_id}/backups (seed 001). */
export const dcsBackupsEnvelope = z.object({ backup_record_response: recordArray, total_num: optionalCount });

export const dcsBackupSchema = z.object({
  backup_id: requiredText,
  backup_name: optionalText,
  status: requiredText,
  remark: optionalText,
  /** Backup window, e.g. "22:00-23:00". */
  period: optionalText,
  /** "100.00". */
  progress: optionalLooseText,
  /** Bytes. */
  size: optionalNumber,
  instance_id: optionalText,
  created_at: optionalTimeValue,
  updated_at: optionalTimeValue,
  backup_type: optionalText,
  /** dcs.08.0001 … dcs.08.0008. */
  error_code: optionalLooseText,
  /** "TRUE" or "FALSE". */
  is_support_restore: optionalLooseText,
});
export type DcsBackup = z.output<typeof dcsBackupSchema>;
