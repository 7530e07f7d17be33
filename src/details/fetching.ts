import { fetchMatching } from '../cloud/paging';
import type { Backup, Instance, ServiceId } from '../cloud/model';
import type { AdapterContext, ServiceAdapter } from '../cloud/services/adapter';
import type { TimeRange } from '../domain/timelineAnalysis';

/**
 * The cloud reads behind the panels, kept free of vscode so they run against fakes in unit tests:
 * re-fetching one backup, and listing an instance's backups for the timeline.
 */

export interface BackupLocation {
  readonly service: ServiceId;
  readonly instanceId: string;
  readonly instanceName?: string;
  readonly backupId: string;
}

export type RefetchOutcome =
  | { readonly kind: 'found'; readonly backup: Backup }
  /** `complete`: the whole list was read; otherwise only its first `scanned` records. */
  | { readonly kind: 'missing'; readonly scanned: number; readonly complete: boolean };

/** What an adapter needs to know about an instance when all we have is its id (and maybe name). */
export function instanceStub(service: ServiceId, id: string, name?: string): Instance {
  return { service, id, name: name ?? id, raw: undefined };
}

/**
 * Fetches one backup again: by id where the API takes one (RDS, DDS), otherwise by reading its
 * instance's list page by page, at most `maxPages` pages.
 */
export async function refetchBackup(
  adapter: ServiceAdapter,
  ctx: AdapterContext,
  location: BackupLocation,
  options: { readonly pageSize: number; readonly maxPages: number; readonly signal?: AbortSignal },
): Promise<RefetchOutcome> {
  const instance = instanceStub(location.service, location.instanceId, location.instanceName);
  if (adapter.findBackupById) {
    const backup = await adapter.findBackupById(ctx, instance, location.backupId, options.signal);
    return backup ? { kind: 'found', backup } : { kind: 'missing', scanned: 0, complete: true };
  }
  let cursor;
  let scanned = 0;
  for (let pages = 0; pages < options.maxPages; pages++) {
    const page = await adapter.listBackups(ctx, instance, { cursor, limit: options.pageSize, signal: options.signal, skipTotal: true });
    scanned += page.scanned;
    const backup = page.items.find((item) => item.id === location.backupId);
    if (backup) return { kind: 'found', backup };
    if (!page.next || page.scanned === 0) return { kind: 'missing', scanned, complete: true };
    cursor = page.next;
  }
  return { kind: 'missing', scanned, complete: false };
}

export interface InstanceBackups {
  readonly backups: readonly Backup[];
  /** Set when the list was cut off at `maxBackups`: the newest ones are kept. */
  readonly truncatedAt?: number;
}

/** An instance's backups started within `range`, newest first, at most `maxBackups`. */
export async function listInstanceBackups(
  adapter: ServiceAdapter,
  ctx: AdapterContext,
  instance: Instance,
  range: TimeRange,
  options: { readonly pageSize: number; readonly maxBackups: number; readonly signal?: AbortSignal },
): Promise<InstanceBackups> {
  const filter = { timeRange: range };
  const page = await fetchMatching(
    (cursor) => adapter.listBackups(ctx, instance, { cursor, limit: options.pageSize, filter, signal: options.signal }),
    undefined,
    options.maxBackups,
    // Client-side filtered services may scan past records outside the range.
    options.maxBackups * 4,
  );
  const backups = page.items.slice(0, options.maxBackups);
  return page.next || page.items.length > options.maxBackups ? { backups, truncatedAt: backups.length } : { backups };
}
