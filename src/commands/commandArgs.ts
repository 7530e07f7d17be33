import type { Backup, Instance } from '../cloud/model';
import { isBackup, isInstance } from '../details/state';

/**
 * The one reading of a command's argument (commandIds.ts): the tree node a menu or a click passed,
 * `{ backup }` or `{ instance }`, checked for the shape the command needs. Anything else, and
 * nothing at all (the palette), gives undefined: the command then asks.
 */
export function backupOfNode(arg: unknown): Backup | undefined {
  return isObject(arg) && isBackup(arg.backup) ? arg.backup : undefined;
}

export function instanceOfNode(arg: unknown): Instance | undefined {
  return isObject(arg) && isInstance(arg.instance) ? arg.instance : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
