import { explain } from '../cloud/errorCodes';
import { codeExplanation } from '../cloud/format';
import type { Backup, TimeValue } from '../cloud/model';

/**
 * Serialisers for Export Backups…. Pure: they see only normalised backups (which hold API data,
 * never credentials), so an export cannot contain a secret the cloud layer never put there.
 */

export type ExportFormat = 'csv' | 'json';

/**
 * Where the exported backups came from, written into every row: the same instance name is common
 * in two regions (a database and its disaster-recovery copy) and in two accounts.
 */
export interface ExportOrigin {
  readonly region: string;
  readonly projectId: string;
  /** The connection's name as shown in the tree. */
  readonly connection: string;
}

/** `rds-orders-mysql-cn-north-4-backups-20261122.csv`, safe on every file system. */
export function defaultExportName(service: string, instanceName: string, region: string, now: Date): string {
  const safe = (text: string, fallback: string) => text.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || fallback;
  const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
  return `${service}-${safe(instanceName, 'instance')}-${safe(region, 'region')}-backups-${day}.csv`;
}

/** Picks the format from the file name the save dialog returned; CSV unless it ends in .json. */
export function exportFormatOf(fileName: string): ExportFormat {
  return /\.json$/i.test(fileName) ? 'json' : 'csv';
}

/** A time as ISO 8601 UTC when it parsed, otherwise the API's raw value, otherwise empty. */
function timeText(time: TimeValue): string {
  if (time.instant !== undefined) return new Date(time.instant).toISOString();
  return time.raw === undefined ? '' : String(time.raw);
}

type Cell = string | number | undefined;

const COLUMNS: ReadonlyArray<readonly [header: string, value: (b: Backup) => Cell]> = [
  ['service', (b) => b.service],
  ['instance_id', (b) => b.instanceId],
  ['instance_name', (b) => b.instanceName],
  ['backup_id', (b) => b.id],
  ['name', (b) => b.name],
  ['type', (b) => b.type],
  ['raw_type', (b) => b.rawType],
  ['status', (b) => b.status],
  ['raw_status', (b) => b.rawStatus],
  ['start_utc', (b) => timeText(b.start)],
  ['end_utc', (b) => timeText(b.end)],
  ['size_bytes', (b) => b.sizeBytes],
  ['raw_size', (b) => (b.rawSize ? `${b.rawSize.value} ${b.rawSize.unit}` : undefined)],
  ['datastore', (b) => b.datastore?.type],
  ['datastore_version', (b) => b.datastore?.version],
  ['databases', (b) => b.databases?.join(';')],
  ['error_code', (b) => b.errorCode],
  ['error_message', (b) => b.errorMessage],
  ['error_explanation', (b) => codeExplanation(b.errorCode)],
  ['progress', (b) => b.progress],
];

/**
 * Spreadsheets execute text cells that start with = + - @ (and tab/CR, which some strip first)
 * as formulas; a leading apostrophe makes them plain text. Numbers are written as numbers.
 */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV with a header row and CRLF line ends. Starts with a UTF-8 byte order mark so Excel reads
 * Chinese backup and instance names correctly; other tools ignore it.
 */
export function backupsToCsv(backups: readonly Backup[], origin?: ExportOrigin): string {
  const where: Cell[] = origin ? [origin.region, origin.projectId, origin.connection] : [];
  const lines = [[...COLUMNS.map(([header]) => header), ...(origin ? ORIGIN_COLUMNS : [])].join(',')];
  for (const backup of backups) lines.push([...COLUMNS.map(([, value]) => value(backup)), ...where].map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Last, so the columns of exports made before them keep their places. */
const ORIGIN_COLUMNS = ['region', 'project_id', 'connection'];

/** JSON array of the normalised records (times as ISO plus raw) with the API's raw record. */
export function backupsToJson(backups: readonly Backup[], origin?: ExportOrigin): string {
  const records = backups.map((b) => ({
    ...(origin ? { region: origin.region, projectId: origin.projectId, connection: origin.connection } : {}),
    service: b.service,
    instanceId: b.instanceId,
    instanceName: b.instanceName,
    id: b.id,
    name: b.name,
    type: b.type,
    rawType: b.rawType,
    status: b.status,
    rawStatus: b.rawStatus,
    start: { utc: b.start.instant !== undefined ? new Date(b.start.instant).toISOString() : undefined, raw: b.start.raw },
    end: { utc: b.end.instant !== undefined ? new Date(b.end.instant).toISOString() : undefined, raw: b.end.raw },
    sizeBytes: b.sizeBytes,
    rawSize: b.rawSize,
    datastore: b.datastore,
    databases: b.databases,
    errorCode: b.errorCode,
    errorMessage: b.errorMessage,
    errorExplanation: explain(b.errorCode),
    progress: b.progress,
    extras: b.extras,
    raw: b.raw,
  }));
  return JSON.stringify(records, null, 2) + '\n';
}

export function serialiseBackups(backups: readonly Backup[], format: ExportFormat, origin?: ExportOrigin): string {
  return format === 'json' ? backupsToJson(backups, origin) : backupsToCsv(backups, origin);
}
