import type { Backup, BackupFilter, EndpointService, Instance, RestoreTimes, ServiceId } from '../model';
import type { JsonResponse, Query } from '../http/json';
import type { RawStatusTable } from '../normalize';
import type { Page, PageRequest } from '../paging';

/**
 * What an adapter needs from the outside world: signed GETs against one project.
 * The HTTP client implements it; unit tests can pass a small fake.
 */
export interface AdapterContext {
  readonly projectId: string;
  /** A signed GET to `{base URL of service}{path}`, with retries, timeout and concurrency applied. Throws CloudError. */
  get(service: EndpointService, path: string, query: Query, signal?: AbortSignal): Promise<JsonResponse>;
}

/** A noun in the display language, singular and plural ("instance", "instances"; Chinese has one form). */
export interface Noun {
  readonly one: string;
  readonly many: string;
}

/** Codicon ids (https://microsoft.github.io/vscode-codicons) for the service's tree rows. */
export interface ServiceIcons {
  readonly service: string;
  readonly instance: string;
}

/**
 * One per cloud service, holding everything about it: identity, wording, icons, raw statuses and
 * the API calls. Adding a service is its adapter (with its schema) and one line in
 * `services/registry.ts`; the tree, settings, filters and status handling derive from the registry.
 * `package.json` lists the ids for the settings UI, and a unit test keeps it equal to the registry.
 */
export interface ServiceAdapter {
  /** Also the `{service}` of its endpoint. */
  readonly id: ServiceId;
  /** Tree label, e.g. "RDS — Relational Database", in the display language (a getter: read it when shown). */
  readonly label: string;
  /** What an instance is called in this service: "instance(s)", "graph(s)", "server(s)", "vault(s)". */
  readonly instanceNoun: Noun;
  readonly icons: ServiceIcons;
  /** A sentence the service node's tooltip adds, e.g. that the service is legacy (CSBS). */
  readonly note?: string;
  /** The documented raw status values and what they mean; other values show raw as 'unknown'. */
  readonly rawStatuses: RawStatusTable;
  /** How the panel names the `extras` its backups carry (keyed by the API's own field names). */
  readonly extraLabels: Readonly<Record<string, string>>;

  listInstances(ctx: AdapterContext, request: PageRequest): Promise<Page<Instance>>;

  /**
   * One page of an instance's backups, newest first where the API allows. The filter is sent to the
   * server where the API supports it and applied to the page otherwise (so a page may hold fewer
   * items than `limit`; `scanned` says how many raw records were examined).
   */
  listBackups(ctx: AdapterContext, instance: Instance, request: PageRequest & { readonly filter?: BackupFilter }): Promise<Page<Backup>>;

  /**
   * The backup list applies a filter's time range on the server, so a narrow range costs one
   * request however long the list is (RDS, DDS, DCS, CSBS, CBR; not GES). Without it, a time range
   * is applied page by page on the client and a caller must bound its scan.
   */
  readonly filtersTimeOnServer?: boolean;

  /**
   * The ranges the instance can be restored to on one UTC day (`yyyy-mm-dd`), where the service
   * publishes them (RDS, DDS: shared/apis/RESTORE-TIME.md). RDS also answers without a day (the
   * whole retention period); DDS requires one.
   */
  restoreTimes?(ctx: AdapterContext, instance: Instance, dayUtc: string | undefined, signal?: AbortSignal): Promise<RestoreTimes>;

  /** Project-wide backup list (DDS without instance_id, GES /graphs/backups), for cross-service scans. */
  listProjectBackups?(ctx: AdapterContext, request: PageRequest & { readonly filter?: BackupFilter }): Promise<Page<Backup>>;

  /** Server-side look-up by backup id where the API takes one (RDS, DDS). */
  findBackupById?(ctx: AdapterContext, instance: Instance | undefined, backupId: string, signal?: AbortSignal): Promise<Backup | undefined>;

  /** Server-side count (CSBS checkpoint_items/count). */
  countBackups?(ctx: AdapterContext, filter: BackupFilter | undefined, signal?: AbortSignal): Promise<number>;

  /** Parts of a filter `countBackups` cannot send: its count then covers every value of them. */
  readonly countUnfiltered?: readonly (keyof BackupFilter)[];
}
