import * as l10n from '@vscode/l10n';
import type * as z from './check';
import { CloudError } from '../http/errors';
import type { EndpointService, InvalidRecord } from '../model';
import type { JsonResponse } from '../http/json';
import { trimKeys } from './lenient';

/** Where a response came from, for the errors raised about it. */
export interface ResponseOrigin {
  readonly service: EndpointService;
  /** Method and path, e.g. `GET /v3/{project}/backups`. */
  readonly request: string;
}

/**
 * Validates the envelope of a response (the object holding the record array and the total).
 * Records inside are not looked at here. A body that is not the documented envelope is a
 * CloudError INVALID_RESPONSE carrying the request id.
 */
export function parseEnvelope<S extends z.AnySchema>(schema: S, response: JsonResponse, origin: ResponseOrigin): z.output<S> {
  // Only the envelope's own keys: the records inside are validated (on a trimmed copy) one by one
  // and must reach the model exactly as received.
  const result = schema.safeParse(trimKeys(response.body, false));
  // S's own output: safeParse is typed on the AnySchema bound.
  if (result.success) return result.data as z.output<S>;
  const message = l10n.t('Unexpected response from {0} ({1}): {2}', origin.service.toUpperCase(), origin.request, result.error.message);
  throw new CloudError(message, {
    service: origin.service,
    status: response.status,
    code: 'INVALID_RESPONSE',
    requestId: response.requestId,
    request: origin.request,
  });
}

export interface ValidatedRecords<T> {
  readonly items: T[];
  readonly invalid: InvalidRecord[];
}

/** Keys tried, in order, for an invalid record's label. */
const DEFAULT_HINT_KEYS = ['id', 'backup_id', 'name', 'backup_name', 'instance_id'] as const;

/**
 * Validates each record on its own and converts the valid ones. A record that fails becomes an
 * InvalidRecord (its index, a best-effort id/name, the schema's issues) and never hides its siblings.
 */
export function validateRecords<S extends z.AnySchema, T>(
  records: readonly unknown[],
  schema: S,
  toModel: (record: z.output<S>, raw: unknown) => T,
  hintKeys: readonly string[] = DEFAULT_HINT_KEYS,
): ValidatedRecords<T> {
  const items: T[] = [];
  const invalid: InvalidRecord[] = [];
  records.forEach((raw, index) => {
    const result = schema.safeParse(trimKeys(raw));
    if (result.success) {
      items.push(toModel(result.data as z.output<S>, raw));
    } else {
      invalid.push({ index, hint: recordHint(raw, hintKeys), message: result.error.message, raw });
    }
  });
  return { items, invalid };
}

function recordHint(raw: unknown, keys: readonly string[]): string | undefined {
  const record = trimKeys(raw);
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
  for (const key of keys) {
    const value = (record as Record<string, unknown>)[key];
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value).trim();
  }
  return undefined;
}
