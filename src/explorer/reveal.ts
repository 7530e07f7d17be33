import type { ServiceId } from '../cloud/model';
import type { BackupNode, PagedNode, ServiceNode } from './nodes';

export interface BackupLocator {
  service: ServiceId;
  instanceId: string;
  backupId: string;
  /** The connection and region it is in (Scope.key); the first scope shown when left out. */
  scopeKey?: string;
}

/** What revealing needs of the explorer, kept free of `vscode` so its races can be tested. */
export interface RevealHost {
  /** The service nodes of the locator's scope, created if needed. */
  services(locator: BackupLocator): Promise<readonly ServiceNode[]>;
  /** Changes whenever a refresh replaces every node of the tree. */
  generation(): number;
  /** After a load made while looking: redraw the node and report its failure. */
  loaded(node: PagedNode): void;
  /** Expands the node's parents in the view and selects it; false when the view did not select it. */
  show(node: BackupNode): Promise<boolean>;
}

export interface RevealLimits {
  /** Pages loaded per level before giving up. */
  readonly maxPages: number;
  /** Times the search starts over after a refresh replaced the tree under it. */
  readonly maxAttempts: number;
}

/**
 * Finds a backup's node, loading pages of its service and instance as needed (bounded), and shows
 * it. A refresh while this runs (a setting or the credentials changed, Refresh was clicked) drops
 * every node, and the view cannot show a node of the dropped tree (VS Code only logs that): the
 * search then starts over in the new tree. True when the backup was shown.
 */
export async function revealBackup(host: RevealHost, locator: BackupLocator, limits: RevealLimits): Promise<boolean> {
  for (let attempt = 0; attempt < limits.maxAttempts; attempt++) {
    const generation = host.generation();
    const backup = await findBackup(host, locator, limits.maxPages);
    if (host.generation() !== generation) continue;
    if (!backup) return false;
    const shown = await host.show(backup);
    if (host.generation() === generation) return shown;
  }
  return false;
}

async function findBackup(host: RevealHost, locator: BackupLocator, maxPages: number): Promise<BackupNode | undefined> {
  const service = (await host.services(locator)).find((node) => node.service === locator.service);
  if (!service) return undefined;
  const instance = await findChild(
    host,
    service,
    () => service.childNodes(),
    (node) => node.instance.id === locator.instanceId,
    maxPages,
  );
  if (!instance) return undefined;
  return findChild(
    host,
    instance,
    () => instance.childNodes(),
    (node) => node.backup.id === locator.backupId,
    maxPages,
  );
}

/** Looks through the loaded pages, then loads more (bounded) until `matches` finds a child; stops once a refresh dropped the list. */
async function findChild<Child>(
  host: RevealHost,
  parent: PagedNode,
  children: () => readonly Child[],
  matches: (child: Child) => boolean,
  maxPages: number,
): Promise<Child | undefined> {
  const list = parent.list;
  await list.ensureFirstPage();
  let found = children().find(matches);
  for (let pages = 0; !found && !list.disposed && list.hasMore && list.error === undefined && pages < maxPages; pages++) {
    await list.loadMore();
    found = children().find(matches);
  }
  if (!list.disposed) host.loaded(parent);
  return found;
}
