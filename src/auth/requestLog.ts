import type { RequestLogEntry } from '../cloud/settings';
import type { Credentials } from '../cloud/signing/signer';

/**
 * One log line per HTTP attempt: `GET rds /v3/…/backups?… → 200 in 84 ms [request id 5f3…]`.
 * Entries never hold credentials (RequestLogEntry's contract); `redact` is a second guard that
 * masks any secret value that might still appear, e.g. echoed inside an error text.
 */
export function formatRequestLine(entry: RequestLogEntry, secrets: readonly string[] = []): string {
  const outcome = entry.status !== undefined ? String(entry.status) : 'no response';
  const parts = [`${entry.method} ${entry.service} ${entry.path} → ${outcome} in ${Math.round(entry.durationMs)} ms`];
  if (entry.requestId) parts.push(`request id ${entry.requestId}`);
  if (entry.attempt > 0) parts.push(`attempt ${entry.attempt + 1}`);
  if (entry.error) parts.push(`error ${entry.error}`);
  return redact(parts.join(' · '), secrets);
}

/** A failed attempt: no response, an error, or a 4xx/5xx status. */
export function isFailedAttempt(entry: RequestLogEntry): boolean {
  return entry.error !== undefined || entry.status === undefined || entry.status >= 400;
}

/** Replaces every occurrence of each secret (ignoring very short values, which would mask noise) with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 8) result = result.split(secret).join('***');
  }
  return result;
}

/** Where request lines go (VS Code's log output channel). */
export interface RequestLogSink {
  info(line: string): void;
  warn(line: string): void;
}

/** Logs one attempt, failed ones as warnings, masking the credentials' secrets should they appear. */
export function logRequest(sink: RequestLogSink, entry: RequestLogEntry, credentials: Credentials): void {
  const line = formatRequestLine(entry, [credentials.secretKey, credentials.securityToken ?? '']);
  if (isFailedAttempt(entry)) sink.warn(line);
  else sink.info(line);
}
