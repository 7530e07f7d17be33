import type { ResolvedProject } from '../cloud/session';
import type { AdapterContext } from '../cloud/services/adapter';

/**
 * One connection in one region: what a service node, a scan or a panel reads from. Each scope
 * resolves its own project; a scope that cannot (bad keys, no project in that region) fails on
 * its own, and the others keep working.
 */
export interface Scope {
  /** Stable id for tree ids and panel state: `connectionId/region`. */
  readonly key: string;
  readonly connectionId: string;
  readonly connectionName: string;
  readonly region: string;
  /** Signed requests against this scope's project (resolved on first use). */
  adapterContext(signal?: AbortSignal): Promise<AdapterContext>;
  project(signal?: AbortSignal): Promise<ResolvedProject>;
}

export function scopeKey(connectionId: string, region: string): string {
  return `${connectionId}/${region}`;
}

/** "prod · cn-north-4": where a result came from, in lists that mix scopes. */
export function scopeLabel(scope: Pick<Scope, 'connectionName' | 'region'>): string {
  return `${scope.connectionName} · ${scope.region}`;
}
