import { CloudError } from '../cloud/http/errors';

/**
 * One line for a notification: the API's message, then its code, HTTP status and request id —
 * what a user needs to search the docs or quote to Huawei support.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof CloudError)) return error instanceof Error ? error.message : String(error);
  const facts = [
    error.code,
    error.status !== undefined ? `HTTP ${error.status}` : undefined,
    error.requestId ? `request id ${error.requestId}` : undefined,
  ].filter(Boolean);
  return facts.length ? `${error.message} (${facts.join(', ')})` : error.message;
}

export function isCancellation(error: unknown): boolean {
  return error instanceof CloudError ? error.isCancellation : error instanceof Error && error.name === 'AbortError';
}
