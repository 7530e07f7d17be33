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

/**
 * The connection and region (Scope.key) a tree node belongs to: its service node's scope, found by
 * walking up `parent`; undefined for anything else (the default scope then).
 */
export function scopeKeyOfNode(arg: unknown): string | undefined {
  const key = scopeOfNode(arg)?.key;
  return typeof key === 'string' ? key : undefined;
}

/**
 * What a panel hands a command for a backup or instance it shows: the shape of a tree node in the
 * panel's scope (`{ backup, scope: { key } }`), which scopeKeyOfNode reads back; no scope for the
 * default one.
 */
export function nodeArgument<T extends { backup: Backup } | { instance: Instance }>(node: T, scopeKey: string | undefined) {
  return scopeKey ? { ...node, scope: { key: scopeKey } } : node;
}

/** The connection a node belongs to: a connection node's own id, or its scope's connection. */
export function connectionIdOfNode(arg: unknown): string | undefined {
  if (isObject(arg) && typeof arg.connectionId === 'string') return arg.connectionId;
  const id = scopeOfNode(arg)?.connectionId;
  return typeof id === 'string' ? id : undefined;
}

/** The nearest `scope` walking up `parent` (backup → instance → service, or a region node). */
function scopeOfNode(arg: unknown): Record<string, unknown> | undefined {
  let node: unknown = arg;
  for (let depth = 0; depth < 4 && isObject(node); depth++) {
    if (isObject(node.scope)) return node.scope;
    node = node.parent;
  }
  return undefined;
}
