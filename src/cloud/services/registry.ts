import type { ServiceId } from '../model';
import type { ServiceAdapter } from './adapter';
import { csbsAdapter } from './csbs';
import { dcsAdapter } from './dcs';
import { ddsAdapter } from './dds';
import { gesAdapter } from './ges';
import { rdsAdapter } from './rds';

/** Every service adapter, in the tree's order (SERVICE_IDS). */
export const ADAPTERS: readonly ServiceAdapter[] = [rdsAdapter, ddsAdapter, dcsAdapter, gesAdapter, csbsAdapter];

export function adapterFor(id: ServiceId): ServiceAdapter {
  const adapter = ADAPTERS.find((candidate) => candidate.id === id);
  if (!adapter) throw new Error(`No adapter for service "${id}"`);
  return adapter;
}
