import * as z from './check';
import {
  optionalBoolean,
  optionalCount,
  optionalLooseText,
  optionalNumber,
  optionalText,
  optionalTimeValue,
  recordArray,
  requiredText,
} from './lenient';

/*
 * CBR v3 (support.huaweicloud.com/api-cbr/ ListVault, ListBackups, ShowBackup). The official
 * examples disagree with the field tables: times come with microseconds and no zone or with
 * milliseconds and `+00:00`, optional objects and their keys come as null, resource_size was a
 * string in an older SDK. All of that is accepted here.
 */

const nullToUndefined = (value: unknown): unknown => (value === null ? undefined : value);

/** An optional nested object that may arrive as null. */
const optionalObject = <T extends z.Shape>(shape: T) => z.preprocess(nullToUndefined, z.object(shape).optional());

/** An optional array of nested objects that may arrive as null. */
const optionalObjects = <T extends z.Shape>(shape: T) => z.preprocess(nullToUndefined, z.array(z.object(shape)).optional());

/** GET /v3/{project_id}/vaults: `count` is the number of matching vaults. */
export const cbrVaultsEnvelope = z.object({ vaults: recordArray, count: optionalCount });

export const cbrVaultSchema = z.object({
  id: requiredText,
  name: optionalText,
  description: optionalText,
  created_at: optionalTimeValue,
  billing: optionalObject({
    /** GB. */
    allocated: optionalNumber,
    /** Capacity, GB. */
    size: optionalNumber,
    /** MB. */
    used: optionalNumber,
    status: optionalText,
    object_type: optionalText,
    protect_type: optionalText,
  }),
  resources: optionalObjects({ id: optionalText, name: optionalText, type: optionalText }),
});
export type CbrVault = z.output<typeof cbrVaultSchema>;

/** GET /v3/{project_id}/backups: `count` is the number of matches, not the page size (ListBackups Example 3). */
export const cbrBackupsEnvelope = z.object({ backups: recordArray, count: optionalCount });

/** GET /v3/{project_id}/backups/{backup_id}. */
export const cbrBackupEnvelope = z.object({ backup: z.unknown() });

const replicationRecordSchema = z.object({
  id: optionalText,
  status: optionalText,
  created_at: optionalTimeValue,
  destination_region: optionalText,
  destination_vault_id: optionalText,
  destination_backup_id: optionalText,
  extra_info: optionalObject({ progress: optionalNumber, fail_code: optionalLooseText, fail_reason: optionalText }),
});
export type CbrReplicationRecord = z.output<typeof replicationRecordSchema>;

const childSchema = z.object({
  id: optionalText,
  name: optionalText,
  status: optionalText,
  resource_name: optionalText,
  resource_type: optionalText,
});
export type CbrChild = z.output<typeof childSchema>;

export const cbrBackupSchema = z.object({
  id: requiredText,
  name: optionalText,
  description: optionalText,
  status: requiredText,
  checkpoint_id: optionalText,
  vault_id: optionalText,
  created_at: optionalTimeValue,
  updated_at: optionalTimeValue,
  protected_at: optionalTimeValue,
  /** null: the backup never expires. */
  expired_at: optionalTimeValue,
  resource_id: optionalText,
  resource_name: optionalText,
  resource_type: optionalText,
  resource_az: optionalText,
  /** GB; a string in older SDKs. */
  resource_size: optionalNumber,
  /** backup, or replication (a cross-region copy). */
  image_type: optionalText,
  incremental: optionalBoolean,
  parent_id: optionalText,
  children: optionalObjects(childSchema.shape),
  replication_records: optionalObjects(replicationRecordSchema.shape),
  extend_info: optionalObject({
    /** true: made by a backup policy; false: by hand. */
    auto_trigger: optionalBoolean,
    encrypted: optionalBoolean,
    system_disk: optionalBoolean,
    bootable: optionalBoolean,
    /** na, backup or snapshot. */
    supported_restore_mode: optionalLooseText,
  }),
});
export type CbrBackup = z.output<typeof cbrBackupSchema>;
