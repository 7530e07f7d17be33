import type { EndpointService, ServiceId } from '../model';
import type { ServiceAdapter } from './adapter';
import { cbrAdapter } from './cbr';
import { csbsAdapter } from './csbs';
import { dcsAdapter } from './dcs';
import { ddsAdapter } from './dds';
import { gesAdapter } from './ges';
import { rdsAdapter } from './rds';

/** Every service adapter, in the tree's order: the one list of services. */
export const ADAPTERS: readonly ServiceAdapter[] = [rdsAdapter, ddsAdapter, dcsAdapter, gesAdapter, csbsAdapter, cbrAdapter];

/** The services' ids in the tree's order (the `hwcBackups.services` values). */
export const SERVICE_IDS: readonly ServiceId[] = ADAPTERS.map((adapter) => adapter.id);

/** Endpoints the services depend on without being shown: ECS lists CSBS's servers, IAM resolves projects. */
export const SUPPORTING_ENDPOINTS: readonly EndpointService[] = ['ecs', 'iam'];

export function adapterFor(id: ServiceId): ServiceAdapter {
  const adapter = ADAPTERS.find((candidate) => candidate.id === id);
  if (!adapter) throw new Error(`No adapter for service "${id}"`);
  return adapter;
}
