import * as l10n from '@vscode/l10n';
import { formatTimeInput, parseTimeInput, timeInputHint } from './timeInput';

/**
 * The moments Find Restore Point… offers, and the check of a typed one. Pure: the command
 * (findRestorePoint.ts) shows them in a quick pick and an input box.
 */

export type MomentPresetId = 'now' | 'hourAgo' | 'dayAgo';

export interface MomentPreset {
  readonly id: MomentPresetId;
  readonly label: string;
  readonly instant: number;
}

const HOUR_MS = 3_600_000;

export function momentPresets(now: number): MomentPreset[] {
  return [
    { id: 'now', label: l10n.t('Now'), instant: now },
    { id: 'hourAgo', label: l10n.t('1 hour ago'), instant: now - HOUR_MS },
    { id: 'dayAgo', label: l10n.t('24 hours ago'), instant: now - 24 * HOUR_MS },
  ];
}

/** A typed moment (local time unless it names a zone), or why it is not one. A date alone is its midnight. */
export function parseMoment(text: string, now: number): { instant: number } | { problem: string } {
  if (!text.trim()) return { problem: l10n.t('Enter the moment to restore to ({0}).', timeInputHint()) };
  const instant = parseTimeInput(text, 'start');
  if (instant === undefined) return { problem: l10n.t('"{0}" is not a valid time ({1}).', text.trim(), timeInputHint()) };
  if (instant > now + 60_000)
    return { problem: l10n.t('{0} is in the future: nothing can be restored to it yet.', formatTimeInput(instant)) };
  return { instant };
}
