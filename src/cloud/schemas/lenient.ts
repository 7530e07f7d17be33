import * as l10n from '@vscode/l10n';
import * as z from './check';

/*
 * Building blocks for schemas that accept what the APIs really send (shared/seeds/README.md):
 * values with stray spaces ("…in03 "), null for absent optional fields (DCS remark/error_code),
 * numbers sent as strings and strings sent as numbers where the meaning cannot change
 * (GES documents its timestamps as String and sends numbers). Anything else is a schema error.
 */

const trimmed = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);
const nullToUndefined = (value: unknown): unknown => (value === null ? undefined : value);
const numberToString = (value: unknown): unknown => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value);
const numericStringToNumber = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;

/** A required, non-empty string (ids, statuses). A number here is a real schema error. */
export const requiredText = z.preprocess(
  trimmed,
  z.string().min(1, () => l10n.t('must not be empty')),
);

/** An optional string; null and absent are the same. */
export const optionalText = z.preprocess((v) => trimmed(nullToUndefined(v)), z.string().optional());

/** An optional string that some APIs send as a number ("200" or 200). */
export const optionalLooseText = z.preprocess((v) => trimmed(numberToString(nullToUndefined(v))), z.string().optional());

/** An optional number that some APIs send as a numeric string. */
export const optionalNumber = z.preprocess((v) => numericStringToNumber(nullToUndefined(v)), z.number().optional());

/** A record count in an envelope (total_count, backupCount, …). */
export const optionalCount = z.preprocess((v) => numericStringToNumber(nullToUndefined(v)), z.number().int().nonnegative().optional());

/** An optional boolean that may arrive as "true"/"TRUE"/"false". */
export const optionalBoolean = z.preprocess((v) => {
  const value = nullToUndefined(v);
  if (typeof value !== 'string') return value;
  const lower = value.trim().toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : value;
}, z.boolean().optional());

/** A time value as sent: a string in one of the documented formats or an epoch number. Parsed later. */
export const optionalTimeValue = z.preprocess((v) => trimmed(nullToUndefined(v)), z.union([z.string(), z.number()]).optional());

/** `{type, version}` as RDS and DDS send it; version may be numeric ("3.4" or 3.4). */
export const datastoreSchema = z.preprocess(nullToUndefined, z.object({ type: optionalText, version: optionalLooseText }).optional());

/** An array of records, left unvalidated: each record is validated on its own. */
export const recordArray = z.array(z.unknown());

/** A record array the API documents as optional (GES: empty on failure): absent or null reads as []. */
export const optionalRecordArray = z.preprocess((v) => (v === null || v === undefined ? [] : v), recordArray);

/**
 * A JSON value with every object key trimmed (the SQL Server sample sends "id "): a copy when a key
 * needs it, else the value itself (nearly every record: no copy to allocate and collect). When a
 * trimmed key collides with an exact one, the exact one wins. With `deep` false only the value's
 * own keys are trimmed and its children are the very objects received (an envelope's record
 * arrays stay as they arrived, so each record's raw JSON is kept byte for byte).
 */
export function trimKeys(value: unknown, deep = true): unknown {
  return hasUntrimmedKey(value, deep) ? trimmedCopy(value, deep) : value;
}

const EDGE_SPACE = /^\s|\s$/;

function hasUntrimmedKey(value: unknown, deep: boolean): boolean {
  if (Array.isArray(value)) return deep && value.some((item) => hasUntrimmedKey(item, true));
  if (value === null || typeof value !== 'object') return false;
  // for…in, not Object.entries: this runs on every record and should allocate nothing (JSON has no inherited keys).
  for (const key in value) {
    if (EDGE_SPACE.test(key) || (deep && hasUntrimmedKey((value as Record<string, unknown>)[key], true))) return true;
  }
  return false;
}

function trimmedCopy(value: unknown, deep: boolean): unknown {
  if (Array.isArray(value)) return deep ? value.map((item) => trimKeys(item)) : value;
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [key, child] of entries) {
    const name = key.trim();
    if (name !== key && Object.prototype.hasOwnProperty.call(value, name)) continue;
    result[name] = deep ? trimKeys(child) : child;
  }
  return result;
}
