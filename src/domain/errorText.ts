import * as l10n from '@vscode/l10n';
import { listText } from '../cloud/format';
import { CloudError } from '../cloud/http/errors';

/**
 * One line for a notification: the API's message, then its code, HTTP status and request id —
 * what a user needs to search the docs or quote to Huawei support. Facts the message already
 * names (an API error's message ends with its code and status) are not repeated.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof CloudError)) return error instanceof Error ? error.message : String(error);
  const facts = [
    error.code && !error.message.includes(error.code) ? error.code : undefined,
    error.status !== undefined && !error.message.includes(`HTTP ${error.status}`) ? `HTTP ${error.status}` : undefined,
    error.requestId ? l10n.t('request id {0}', error.requestId) : undefined,
  ].filter((fact): fact is string => Boolean(fact));
  return facts.length ? l10n.t('{0} ({1})', error.message, listText(facts)) : error.message;
}

export function isCancellation(error: unknown): boolean {
  return error instanceof CloudError ? error.isCancellation : error instanceof Error && error.name === 'AbortError';
}
