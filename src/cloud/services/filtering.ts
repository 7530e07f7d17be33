import * as l10n from '@vscode/l10n';
import {
  isEmptyFilter,
  type Backup,
  type BackupFilter,
  type BackupType,
  type EndpointService,
  type NormalizedStatus,
  type ResourceType,
} from '../model';
import type { Page } from '../paging';
import type { Query } from '../http/json';
import { emptyPage, invalidRequest } from './pages';

type FilterType = Exclude<BackupType, 'unknown'>;
type FilterStatus = Exclude<NormalizedStatus, 'unknown'>;

/** What one service's API can filter on, and how a normalised value maps to its raw values. */
export interface ServerFilterCapabilities {
  /** Raw values of the API's type parameter that mean a normalised type ([] when the service has none). */
  readonly types?: (type: FilterType) => readonly string[];
  readonly timeRange?: boolean;
  /** Raw values of the API's status parameter that mean a normalised status. */
  readonly statuses?: (status: FilterStatus) => readonly string[];
  /**
   * Raw values of the API's resource-type parameter for a normalised resource type. Undefined when
   * the service's backups are not of resources (RDS, DDS, DCS, GES): the filter's resource types
   * then do not narrow its list at all.
   */
  readonly resourceTypes?: (type: ResourceType) => readonly string[];
}

/**
 * How one request applies a filter: what goes to the server, what is left for the client, and
 * whether no record of this service can match at all.
 *
 * These APIs take a single value per parameter. When the chosen types (or statuses) map to
 * exactly one raw value it is sent; when they map to several, the request asks for everything
 * and the page is filtered here, because one request per value would break offset and marker
 * paging. When they map to none (e.g. "incremental" on DDS) the list is empty without asking.
 */
export interface FilterPlan {
  readonly typeParam?: string;
  readonly statusParam?: string;
  readonly resourceTypeParam?: string;
  readonly timeRange?: { readonly from: number; readonly to: number };
  /** The part of the filter applied to fetched pages; undefined when the server did everything. */
  readonly residual?: BackupFilter;
  readonly impossible: boolean;
}

export function planFilter(filter: BackupFilter | undefined, capabilities: ServerFilterCapabilities): FilterPlan {
  if (!filter || isEmptyFilter(filter)) return { impossible: false };
  const types = chooseServerValue(filter.types, capabilities.types);
  const statuses = chooseServerValue(filter.statuses, capabilities.statuses);
  const resourceTypes = capabilities.resourceTypes
    ? chooseServerValue(filter.resourceTypes, capabilities.resourceTypes)
    : ({ kind: 'unfiltered' } as const);
  const timeOnServer = capabilities.timeRange === true && filter.timeRange !== undefined;
  const residual: BackupFilter = {
    types: types.kind === 'client' ? filter.types : undefined,
    statuses: statuses.kind === 'client' ? filter.statuses : undefined,
    resourceTypes: resourceTypes.kind === 'client' ? filter.resourceTypes : undefined,
    timeRange: timeOnServer ? undefined : filter.timeRange,
  };
  return {
    typeParam: types.kind === 'one' ? types.value : undefined,
    statusParam: statuses.kind === 'one' ? statuses.value : undefined,
    resourceTypeParam: resourceTypes.kind === 'one' ? resourceTypes.value : undefined,
    timeRange: timeOnServer ? filter.timeRange : undefined,
    residual: isEmptyFilter(residual) ? undefined : residual,
    impossible: types.kind === 'none' || statuses.kind === 'none' || resourceTypes.kind === 'none',
  };
}

type ServerChoice = { kind: 'unfiltered' } | { kind: 'one'; value: string } | { kind: 'none' } | { kind: 'client' };

function chooseServerValue<K extends string>(
  wanted: readonly K[] | undefined,
  rawValuesOf: ((key: K) => readonly string[]) | undefined,
): ServerChoice {
  if (!wanted?.length) return { kind: 'unfiltered' };
  if (!rawValuesOf) return { kind: 'client' };
  const raw = [...new Set(wanted.flatMap((key) => rawValuesOf(key)))];
  if (raw.length === 0) return { kind: 'none' };
  return raw.length === 1 ? { kind: 'one', value: raw[0] } : { kind: 'client' };
}

/**
 * Client-side match. A record whose start time did not parse cannot be placed in a time range,
 * so it does not match one; unknown types, statuses and resource types match no chosen value. A backup flagged
 * `incremental` (CBR) matches "incremental" whatever its auto/manual type.
 */
export function matchesFilter(backup: Backup, filter: BackupFilter): boolean {
  if (filter.types?.length && !filter.types.some((type) => type === backup.type || (type === 'incremental' && backup.incremental === true)))
    return false;
  if (filter.statuses?.length && !filter.statuses.some((status) => status === backup.status)) return false;
  if (filter.resourceTypes?.length && !filter.resourceTypes.some((type) => type === backup.resourceType)) return false;
  if (filter.timeRange) {
    const start = backup.start.instant;
    if (start === undefined || start < filter.timeRange.from || start > filter.timeRange.to) return false;
  }
  return true;
}

/**
 * Plans the filter for one request and runs `fetch` with it: nothing is sent when no record can
 * match, and `keep` applies whatever the server could not. A time range must run forwards.
 */
export function listFiltered(
  service: EndpointService,
  filter: BackupFilter | undefined,
  capabilities: ServerFilterCapabilities,
  fetch: (plan: FilterPlan, keep: ((backup: Backup) => boolean) | undefined) => Promise<Page<Backup>>,
): Promise<Page<Backup>> {
  const range = filter?.timeRange;
  if (range && !(Number.isFinite(range.from) && Number.isFinite(range.to) && range.from < range.to)) {
    return Promise.reject(invalidRequest(service, l10n.t('The time range must have a start before its end.')));
  }
  const plan = planFilter(filter, capabilities);
  if (plan.impossible) return Promise.resolve(emptyPage<Backup>());
  const residual = plan.residual;
  return fetch(plan, residual && ((backup) => matchesFilter(backup, residual)));
}

/**
 * The backup-list query RDS and DDS share: one `backup_type` and a `begin_time`/`end_time` window,
 * the times written in the service's own format.
 */
export function typeAndWindowQuery(plan: FilterPlan, formatTime: (instant: number) => string): Query {
  const range = plan.timeRange;
  return {
    backup_type: plan.typeParam,
    begin_time: range && formatTime(range.from),
    end_time: range && formatTime(range.to),
  };
}
