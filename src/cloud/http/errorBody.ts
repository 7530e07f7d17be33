import * as l10n from '@vscode/l10n';
import type { EndpointService } from '../model';
import { CloudError } from './errors';

/** What a Huawei error body says, whichever of its shapes it came in (docs/SPEC.md §6). */
export interface HuaweiErrorBody {
  readonly code?: string;
  readonly message?: string;
  /** The API gateway repeats the request id in its bodies; used when the header is missing. */
  readonly requestId?: string;
}

const EXCERPT_LENGTH = 200;

/** Replaces every occurrence of the given secrets; used on all text that came from the network. */
export type Redact = (text: string) => string;

/** An Authorization header (or its signature) that a server or proxy echoed back. */
const ECHOED_AUTHORIZATION = /SDK-HMAC-SHA256[^"'\r\n<]*?Signature=[0-9a-fA-F]{64}|Signature=[0-9a-fA-F]{64}/g;

export function redactor(secrets: ReadonlyArray<string | undefined>): Redact {
  const present = secrets.filter((s): s is string => typeof s === 'string' && s.length > 0);
  return (text) => present.reduce((out, secret) => out.split(secret).join('[redacted]'), text).replace(ECHOED_AUTHORIZATION, '[redacted]');
}

export function serviceLabel(service: EndpointService): string {
  return service.toUpperCase();
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;

/**
 * Reads the three error-body shapes: `{error_code, error_msg[, error_ext_msg]}` (RDS, DDS, DCS,
 * CSBS, the gateway), `{error: {code, message}}` (IAM and others) and GES's `{errorCode, errorMessage}`.
 * Undefined when the body is none of them.
 */
export function parseHuaweiError(body: unknown): HuaweiErrorBody | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const requestId = text(record.request_id);
  if (text(record.error_code) || text(record.error_msg)) {
    const message = [text(record.error_msg), text(record.error_ext_msg)].filter(Boolean).join(' — ');
    return { code: text(record.error_code), message: message || undefined, requestId };
  }
  if (text(record.errorCode) || text(record.errorMessage)) {
    return { code: text(record.errorCode), message: text(record.errorMessage), requestId };
  }
  const nested = record.error;
  if (typeof nested === 'object' && nested !== null && !Array.isArray(nested)) {
    const inner = nested as Record<string, unknown>;
    if (text(inner.code) || text(inner.message)) {
      return { code: text(inner.code), message: text(inner.message) ?? text(inner.title), requestId };
    }
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * A short, single-line, printable excerpt of a body for an error message: HTML tags, scripts and
 * styles dropped, whitespace collapsed, control characters removed, cut at a readable length.
 * Redact first: cutting could otherwise leave a fragment of a secret that no longer matches.
 */
export function sanitizedExcerpt(body: string, redact: Redact, maxLength = EXCERPT_LENGTH): string {
  const plain = redact(body)
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name])
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > maxLength ? plain.slice(0, maxLength - 1).trimEnd() + '…' : plain;
}

export interface ErrorResponse {
  readonly service: EndpointService;
  readonly status: number;
  readonly statusText?: string;
  readonly contentType?: string;
  readonly body: string;
  /** `X-Request-Id` response header. */
  readonly requestId?: string;
  /** `GET /path`, for the error's details. */
  readonly request: string;
}

/** Turns a non-2xx response into a CloudError with the API's code and message when it gave them. */
export function errorFromResponse(response: ErrorResponse, redact: Redact): CloudError {
  const { service, status, body } = response;
  const label = serviceLabel(service);
  const httpStatus = `HTTP ${status}${response.statusText ? ' ' + response.statusText : ''}`;
  const base = { service, status, request: response.request };

  let json: unknown;
  let parsedJson = false;
  try {
    json = JSON.parse(body);
    parsedJson = true;
  } catch {
    // Not JSON: a proxy's HTML page, an empty body or a truncated answer; described below.
  }
  const huawei = parsedJson ? parseHuaweiError(json) : undefined;
  const requestId = response.requestId ?? huawei?.requestId;
  if (huawei) {
    const message = huawei.message ? redact(huawei.message) : l10n.t('{0} request failed', label);
    const suffix = [huawei.code, httpStatus].filter(Boolean).join(', ');
    return new CloudError(`${message} (${suffix})`, { ...base, code: huawei.code, requestId });
  }
  if (!body.trim()) return new CloudError(l10n.t('{0} answered {1} with an empty body.', label, httpStatus), { ...base, requestId });
  const excerpt = sanitizedExcerpt(body, redact);
  const contentType = response.contentType?.split(';')[0].trim();
  const message = parsedJson
    ? l10n.t('{0} answered {1} with an unrecognised error body: "{2}"', label, httpStatus, excerpt)
    : /^\s*[[{]/.test(body)
      ? l10n.t('{0} answered {1} with a malformed JSON body: "{2}"', label, httpStatus, excerpt)
      : contentType
        ? l10n.t('{0} answered {1} with a non-JSON body ({2}): "{3}"', label, httpStatus, contentType, excerpt)
        : l10n.t('{0} answered {1} with a non-JSON body: "{2}"', label, httpStatus, excerpt);
  return new CloudError(message, { ...base, requestId });
}

/** A 2xx whose body is not the JSON the API promises. */
export function invalidResponse(response: Omit<ErrorResponse, 'statusText'>, redact: Redact): CloudError {
  const label = serviceLabel(response.service);
  const message = response.body.trim()
    ? l10n.t(
        '{0} answered HTTP {1} with a body that is not valid JSON: "{2}"',
        label,
        response.status,
        sanitizedExcerpt(response.body, redact),
      )
    : l10n.t('{0} answered HTTP {1} with an empty body', label, response.status);
  return new CloudError(message, {
    service: response.service,
    status: response.status,
    code: 'INVALID_RESPONSE',
    requestId: response.requestId,
    request: response.request,
  });
}
