import type { BackupType } from '../model';

/**
 * Normalised type of a raw type value. RDS sends auto/manual/fragment/incremental (fragment =
 * 差异全量备份, a differential backup); DDS documents "Auto"/"Manual" and returns them lower-case;
 * DCS backup_type and GES backupMethod are auto/manual. Anything else is 'unknown'.
 */
export function typeOf(raw: string | undefined): BackupType {
  switch (raw?.trim().toLowerCase()) {
    case 'auto':
      return 'auto';
    case 'manual':
      return 'manual';
    case 'incremental':
      return 'incremental';
    case 'fragment':
    case 'differential':
      return 'differential';
    default:
      return 'unknown';
  }
}

/** CSBS marks scheduled backups with `extend_info.auto_trigger`; others were started by hand. */
export function typeOfAutoTrigger(autoTrigger: boolean | undefined): BackupType {
  if (autoTrigger === undefined) return 'unknown';
  return autoTrigger ? 'auto' : 'manual';
}
