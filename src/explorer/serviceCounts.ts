import type { BackupFilter } from '../cloud/model';
import type { AdapterContext, ServiceAdapter } from '../cloud/services/adapter';
import type { ServiceCounts } from './nodes';

/**
 * A service's backups counted on the server (CSBS: checkpoint_items/count), "10 backups · 2 error",
 * without listing them: all of them under the filter, and the failed ones unless the filter
 * excludes failures. Undefined for a service without a count API.
 */
export async function countServiceBackups(
  adapter: ServiceAdapter,
  context: AdapterContext,
  filter: BackupFilter | undefined,
  signal: AbortSignal,
): Promise<ServiceCounts | undefined> {
  if (!adapter.countBackups) return undefined;
  const wantsFailed = !filter?.statuses?.length || filter.statuses.includes('failed');
  const [total, failed] = await Promise.all([
    adapter.countBackups(context, filter, signal),
    wantsFailed ? adapter.countBackups(context, { ...filter, statuses: ['failed'] }, signal) : Promise.resolve(undefined),
  ]);
  // A count API that cannot take the types: say so rather than show a number the list contradicts.
  return { total, failed, anyType: !!filter?.types?.length && (adapter.countUnfiltered ?? []).includes('types') };
}
