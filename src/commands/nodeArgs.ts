import type { Backup, Instance } from '../cloud/model';

/**
 * Commands receive a tree node from menus (`{ backup }`, `{ instance }`), a Backup from other
 * commands, or nothing from the palette. These read what they need from whichever came.
 */
export function backupArg(arg: unknown): Backup | undefined {
  if (!isObject(arg)) return undefined;
  if (isObject(arg.backup) && typeof arg.backup.id === 'string') return arg.backup as unknown as Backup;
  return typeof arg.id === 'string' && typeof arg.service === 'string' && 'rawStatus' in arg ? (arg as unknown as Backup) : undefined;
}

export function instanceArg(arg: unknown): Instance | undefined {
  if (!isObject(arg)) return undefined;
  return isObject(arg.instance) && typeof arg.instance.id === 'string' ? (arg.instance as unknown as Instance) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
