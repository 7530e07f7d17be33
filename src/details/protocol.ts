/**
 * What the panels' webview script (src/webview/details.ts, bundled to media/details.js) and the
 * extension say to each other. Both sides import this module, so a message cannot drift.
 */

/**
 * The clicks the script forwards: an element's `data-action`, or `open` for a timeline mark.
 * `openInConsole` opens the backup's console page. `sort`, `copyMarkdown`, `exportCsv` and
 * `exportJson` are the health panel's; `timeline` opens an instance's timeline and
 * `findRestorePoint` starts Find Restore Point… for the panel's instance.
 */
export const PANEL_ACTIONS = [
  'refresh',
  'copyId',
  'copyJson',
  'reveal',
  'open',
  'openInConsole',
  'timeline',
  'findRestorePoint',
  'sort',
  'copyMarkdown',
  'exportCsv',
  'exportJson',
] as const;
export type PanelAction = (typeof PANEL_ACTIONS)[number];

/** The health table's orders (healthReport.ts HealthSortKey). */
export const SORT_KEYS = ['severity', 'age', 'name'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Webview → extension. */
export interface PanelMessage {
  readonly type: PanelAction;
  /** The backup a timeline mark or a list row stands for. */
  readonly backupId?: string;
  /** The instance a row stands for (`timeline`, and `open` when backup ids repeat across instances). */
  readonly service?: string;
  readonly instanceId?: string;
  /** The connection and region of that instance (Scope.key), where a panel mixes scopes (health). */
  readonly scopeKey?: string;
  /** `sort`: the order asked for. */
  readonly sort?: SortKey;
}

/** Extension → webview: a refresh started elsewhere (the panel dims until it is redrawn). */
export interface HostMessage {
  readonly type: 'busy';
}

/** A message from the webview, checked: it crosses a process boundary. */
export function isPanelMessage(message: unknown): message is PanelMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type, backupId, service, instanceId, scopeKey, sort } = message as Record<string, unknown>;
  const optionalText = (value: unknown) => value === undefined || typeof value === 'string';
  return (
    (PANEL_ACTIONS as readonly unknown[]).includes(type) &&
    optionalText(backupId) &&
    optionalText(service) &&
    optionalText(instanceId) &&
    optionalText(scopeKey) &&
    (sort === undefined || (SORT_KEYS as readonly unknown[]).includes(sort))
  );
}

export function isHostMessage(message: unknown): message is HostMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'busy';
}

/**
 * The translated wording the webview script needs, rendered by the extension into the page's
 * `data-l10n` attribute (the script has no l10n of its own): `{0}` is the count.
 */
export interface PanelTexts {
  readonly secondsAgo: string;
  readonly minutesAgo: string;
  readonly hoursAgo: string;
}

/** The English texts: what the script falls back to when the page carries none (or a broken set). */
export const ENGLISH_PANEL_TEXTS: PanelTexts = { secondsAgo: '{0} s ago', minutesAgo: '{0} min ago', hoursAgo: '{0} h ago' };

/** `data-l10n` as the script reads it: every text a string with its `{0}`, or the English ones. */
export function parsePanelTexts(json: string | null | undefined): PanelTexts {
  try {
    const value = JSON.parse(json ?? 'null') as Record<keyof PanelTexts, unknown> | null;
    const keys = Object.keys(ENGLISH_PANEL_TEXTS) as (keyof PanelTexts)[];
    if (value && keys.every((key) => typeof value[key] === 'string' && (value[key] as string).includes('{0}'))) {
      return { secondsAgo: value.secondsAgo as string, minutesAgo: value.minutesAgo as string, hoursAgo: value.hoursAgo as string };
    }
  } catch {
    // Fall back to English below.
  }
  return ENGLISH_PANEL_TEXTS;
}

/**
 * Seconds-precise age for "fetched 14:02:11, 3 s ago": rendered by the panel, kept ticking by the
 * script, both with the same `texts` (the page's language).
 */
export function shortAge(ms: number, texts: PanelTexts = ENGLISH_PANEL_TEXTS): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const fill = (template: string, count: number) => template.replace('{0}', String(count));
  if (seconds < 60) return fill(texts.secondsAgo, seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return fill(texts.minutesAgo, minutes);
  return fill(texts.hoursAgo, Math.floor(minutes / 60));
}
