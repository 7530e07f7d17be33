/**
 * The normalised model every UI layer works with. Each service adapter turns its API's records
 * into these shapes; nothing outside `src/cloud/services/` knows a service's raw field names (the
 * adapters also label the `extras` they keep, for the panel).
 */

/**
 * A backup service's id, e.g. `rds`: the id of its adapter, which is also the `{service}` of its
 * endpoint. The registry (`services/registry.ts`) is the one list of them.
 */
export type ServiceId = string;

/** Every endpoint the client talks to: the services' own, plus `ecs` and `iam` they depend on. */
export type EndpointService = ServiceId;

/** docs/SPEC.md §5: the statuses a user filters by. `unknown` keeps raw values we have never seen. */
export const NORMALIZED_STATUSES = ['inProgress', 'succeeded', 'failed', 'expired', 'waiting', 'unknown'] as const;
export type NormalizedStatus = (typeof NORMALIZED_STATUSES)[number];

/** docs/SPEC.md §5 filter types. RDS "fragment" (差异全量备份) is a differential backup. */
export const BACKUP_TYPES = ['auto', 'manual', 'incremental', 'differential', 'unknown'] as const;
export type BackupType = (typeof BACKUP_TYPES)[number];

/**
 * What a backup is of, where a service backs up several kinds of resource (CBR, CSBS): cloud server,
 * disk, SFS Turbo file system, bare metal server, desktop. RDS, DDS, DCS and GES have none.
 */
export const RESOURCE_TYPES = ['server', 'disk', 'fileSystem', 'bareMetal', 'desktop'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/**
 * A point in time as the API gave it. `instant` (epoch ms) is set when the value parsed;
 * otherwise the UI shows `raw` as it is, never a made-up date.
 */
export interface TimeValue {
  readonly instant?: number;
  readonly raw?: string | number;
}

export interface Datastore {
  readonly type: string;
  readonly version?: string;
}

export interface Backup {
  readonly service: ServiceId;
  readonly id: string;
  readonly name: string;
  readonly instanceId: string;
  /** Known when the API returns it (GES graphName) or the caller listed the instance. */
  readonly instanceName?: string;
  /**
   * The resource a backup is of, when its instance holds backups of several (a CBR vault protects
   * servers, disks, file systems): the tree names it before the type.
   */
  readonly resourceName?: string;
  /** The kind of that resource (CBR, CSBS `resource_type`); undefined where there is none or it is not one of RESOURCE_TYPES. */
  readonly resourceType?: ResourceType;
  readonly type: BackupType;
  /** The API's own type value ("fragment", "Auto", `auto_trigger: true`, …). */
  readonly rawType?: string;
  /**
   * Full or incremental, where the API says so apart from `type` (CBR: an automatic backup can be
   * incremental). Undefined where it does not; a backup with `true` matches the "incremental" filter.
   */
  readonly incremental?: boolean;
  readonly rawStatus: string;
  readonly status: NormalizedStatus;
  readonly start: TimeValue;
  /**
   * When the backup finished; `{}` while it is still running or waiting (the APIs then send a
   * last-update time or repeat the start, neither of which is an end). See `isUnfinished`.
   */
  readonly end: TimeValue;
  /**
   * What `end` means when it is not the end of the backup job. RDS documents `end_time` of a MySQL
   * incremental backup as the commit time of the last transaction in it (seed 002).
   */
  readonly endMeaning?: 'lastTransactionCommit';
  /** Size normalised to bytes; undefined when the API gave none. */
  readonly sizeBytes?: number;
  /** The size as the API gave it, with its unit ("kB", "KB", "bytes", "MB"). */
  readonly rawSize?: { readonly value: number; readonly unit: string };
  readonly datastore?: Datastore;
  /** SQL Server partial backups list their databases. */
  readonly databases?: readonly string[];
  /** Service error code (DCS dcs.08.xxxx, …). */
  readonly errorCode?: string;
  /** Human reason for a failure when the API gives one (CSBS fail_reason). */
  readonly errorMessage?: string;
  /** Progress as the API gave it, e.g. DCS "100.00". */
  readonly progress?: string;
  /** Service-specific fields worth showing (DCS period/restore support, GES graph/arch, CSBS resource). */
  readonly extras: Readonly<Record<string, string | number | boolean | null>>;
  /** The record exactly as received, including unknown extra fields. */
  readonly raw: unknown;
}

/** A backup still running or waiting to start: it has no end time and no duration yet. */
export function isUnfinished(status: NormalizedStatus): boolean {
  return status === 'inProgress' || status === 'waiting';
}

export interface Instance {
  readonly service: ServiceId;
  readonly id: string;
  readonly name: string;
  readonly status?: string;
  /** Short engine description for the tree, e.g. "MySQL 8.0", "Redis 5.0", "replica set". */
  readonly description?: string;
  readonly datastore?: Datastore;
  readonly raw: unknown;
}

/**
 * A record the schema rejected. It is kept, with where it was and why, so one bad record
 * becomes one "invalid record" node and never hides its siblings.
 */
export interface InvalidRecord {
  /** Position in the page's raw array. */
  readonly index: number;
  /** Best-effort id/name read from the raw record, for the label. */
  readonly hint?: string;
  /** The validation problem, e.g. `status: Expected string, received number`. */
  readonly message: string;
  readonly raw: unknown;
}

/** docs/SPEC.md §5: the "last …" time ranges, which move with the clock. */
export const TIME_RANGE_PRESETS = ['last24h', 'last7d', 'last30d'] as const;
export type TimeRangePreset = (typeof TIME_RANGE_PRESETS)[number];

const HOUR_MS = 3_600_000;
export const TIME_RANGE_PRESET_DURATIONS: Readonly<Record<TimeRangePreset, number>> = {
  last24h: 24 * HOUR_MS,
  last7d: 7 * 24 * HOUR_MS,
  last30d: 30 * 24 * HOUR_MS,
};

/** docs/SPEC.md §5. Every part is optional; an empty filter matches everything. */
export interface BackupFilter {
  /** Any of these types (empty or undefined: all). */
  readonly types?: readonly Exclude<BackupType, 'unknown'>[];
  /**
   * Inclusive range of start times, epoch ms. Both ends are always set. With `preset`, the range
   * means "the last 7 days" whenever it is used: `from`/`to` are only the reading at one moment, and
   * resolveFilter recomputes them before every use. Without it, the range is fixed (a custom range).
   */
  readonly timeRange?: { readonly from: number; readonly to: number; readonly preset?: TimeRangePreset };
  /** Any of these normalised statuses. */
  readonly statuses?: readonly Exclude<NormalizedStatus, 'unknown'>[];
  /**
   * Backups of any of these kinds of resource. Only services whose backups are of resources (CBR,
   * CSBS) are narrowed by it; the others' backups are not affected.
   */
  readonly resourceTypes?: readonly ResourceType[];
}

export function isEmptyFilter(filter: BackupFilter | undefined): boolean {
  return !filter || (!filter.types?.length && !filter.timeRange && !filter.statuses?.length && !filter.resourceTypes?.length);
}

/** The range a preset covers at `now`: [now − its duration, now]. */
export function presetTimeRange(preset: TimeRangePreset, now: number): NonNullable<BackupFilter['timeRange']> {
  return { from: now - TIME_RANGE_PRESET_DURATIONS[preset], to: now, preset };
}

/** The filter as of `now`: a preset range gets fresh bounds; fixed ranges and the rest are unchanged. */
export function resolveFilter(filter: BackupFilter | undefined, now: number): BackupFilter | undefined {
  const preset = filter?.timeRange?.preset;
  return filter && preset ? { ...filter, timeRange: presetTimeRange(preset, now) } : filter;
}

/** A stretch of time an instance can be restored to (point-in-time recovery), epoch ms, both ends inclusive. */
export interface RestorableRange {
  readonly from: number;
  readonly to: number;
}

/**
 * One day's answer of a service's restore-time API (RDS, DDS): the ranges that can be restored to,
 * in time order. A range whose end is before its start (one official example has one) restores
 * nothing: it is kept in `reversed` to be shown raw, never in `ranges`. Malformed records are
 * `invalid`, never hiding their siblings.
 */
export interface RestoreTimes {
  readonly ranges: readonly RestorableRange[];
  readonly reversed: readonly RestorableRange[];
  readonly invalid: readonly InvalidRecord[];
}
