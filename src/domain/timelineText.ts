import * as l10n from '@vscode/l10n';
import { HOUR_MS, type BackupGap, type SizeDrop } from './timelineAnalysis';

/**
 * The timeline's findings in the display language: timelineAnalysis.ts finds the gaps and drops,
 * the panel, the chart and the health report word them here.
 */

/** "3 days", "1 day 12 hours", "20 hours" (`3 天`, `1 天 12 小时`, `20 小时`), to the hour. */
export function durationInWords(ms: number): string {
  const hours = Math.round(ms / HOUR_MS);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  const dayText = days === 1 ? l10n.t('1 day') : l10n.t('{0} days', days);
  const hourText = (n: number) => (n === 1 ? l10n.t('1 hour') : l10n.t('{0} hours', n));
  if (days === 0) return hourText(hours);
  return rest === 0 ? dayText : `${dayText} ${hourText(rest)}`;
}

/** `no automatic backup for 4 days`, or `… (so far)` when the gap runs to the end of the range. */
export function gapText(gap: Pick<BackupGap, 'from' | 'to' | 'beforeId'>): string {
  const duration = durationInWords(gap.to - gap.from);
  return gap.beforeId ? l10n.t('no automatic backup for {0}', duration) : l10n.t('no automatic backup for {0} (so far)', duration);
}

/** `size dropped 80% from the previous backup`. */
export function dropText(drop: Pick<SizeDrop, 'ratio'>): string {
  return l10n.t('size dropped {0}% from the previous backup', Math.round((1 - drop.ratio) * 100));
}

/** `Automatic backups usually run every 1 day.` */
export function usualIntervalText(usualMs: number | undefined): string {
  return usualMs === undefined
    ? l10n.t('Fewer than two automatic backups in this range: the usual interval, and so gaps, cannot be judged.')
    : l10n.t('Automatic backups usually run every {0}.', durationInWords(usualMs));
}
