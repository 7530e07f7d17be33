/**
 * What the panels' webview script (src/webview/details.ts, bundled to media/details.js) and the
 * extension say to each other. Both sides import this module, so a message cannot drift.
 */

/** The clicks the script forwards: an element's `data-action`, or `open` for a timeline mark. */
export const PANEL_ACTIONS = ['refresh', 'copyId', 'copyJson', 'reveal', 'open'] as const;
export type PanelAction = (typeof PANEL_ACTIONS)[number];

/** Webview → extension. */
export interface PanelMessage {
  readonly type: PanelAction;
  /** The backup a timeline mark or a list row stands for. */
  readonly backupId?: string;
}

/** Extension → webview: a refresh started elsewhere (the panel dims until it is redrawn). */
export interface HostMessage {
  readonly type: 'busy';
}

/** A message from the webview, checked: it crosses a process boundary. */
export function isPanelMessage(message: unknown): message is PanelMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type, backupId } = message as { type?: unknown; backupId?: unknown };
  return (PANEL_ACTIONS as readonly unknown[]).includes(type) && (backupId === undefined || typeof backupId === 'string');
}

export function isHostMessage(message: unknown): message is HostMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'busy';
}

/** Seconds-precise age for "fetched 14:02:11, 3 s ago": rendered by the panel, kept ticking by the script. */
export function shortAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}
