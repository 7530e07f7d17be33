import * as l10n from '@vscode/l10n';
import { CloudError } from '../http/errors';
import type { Datastore, EndpointService } from '../model';
import type { Page } from '../paging';

/** Extras for the detail panel: the fields that are present and not blank, in the order given (raw keeps everything). */
export function extrasOf(
  fields: Record<string, string | number | boolean | null | undefined>,
): Record<string, string | number | boolean | null> {
  const extras: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== '') extras[key] = value;
  }
  return extras;
}

export function datastoreOf(datastore: { type?: string; version?: string } | undefined): Datastore | undefined {
  return datastore?.type ? { type: datastore.type, version: datastore.version } : undefined;
}

/** "MySQL 8.0", "Redis", undefined. */
export function engineDescription(engine: string | undefined, version: string | undefined): string | undefined {
  return [engine, version].filter(Boolean).join(' ') || undefined;
}

/**
 * The record a look-up by id returned. A response holding only a malformed record is an error
 * naming the problem, not "not found".
 */
export function singleResult<T>(page: Page<T>, service: EndpointService, backupId: string): T | undefined {
  if (page.items.length > 0) return page.items[0];
  if (page.invalid.length > 0) {
    const message = l10n.t('{0} returned backup {1} in an unexpected shape: {2}', service.toUpperCase(), backupId, page.invalid[0].message);
    throw new CloudError(message, {
      service,
      code: 'INVALID_RESPONSE',
    });
  }
  return undefined;
}
