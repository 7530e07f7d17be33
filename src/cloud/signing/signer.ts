import { createHash, createHmac } from 'crypto';

/**
 * SDK-HMAC-SHA256, the API gateway's request signing (docs/SPEC.md §6). Pure functions: the HTTP client
 * signs with them and the emulator verifies with them.
 */

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

export interface Credentials {
  readonly accessKey: string;
  readonly secretKey: string;
  /** Temporary credentials add a security token, sent and signed as X-Security-Token. */
  readonly securityToken?: string;
}

export interface SignableRequest {
  readonly method: string;
  /** Full URL as sent (no trailing slash needed). */
  readonly url: string;
  /** Headers to send and sign, any case. `host` and `x-sdk-date` are added by `signRequest`. */
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** RFC 3986 percent-encoding: everything but unreserved characters (A-Z a-z 0-9 - _ . ~). */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** `X-Sdk-Date` format: YYYYMMDDTHHmmssZ, UTC. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Parses an X-Sdk-Date value; undefined when it is not in the format. */
export function parseSdkDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** Decodes a percent-encoded path segment; a segment with a malformed escape is taken literally. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function canonicalUri(pathname: string): string {
  // The URL object gives the path percent-encoded; decode each segment, then encode it per RFC 3986
  // (the gateway canonicalises the decoded path, so `%20` and a raw space sign the same).
  const uri = pathname
    .split('/')
    .map((segment) => rfc3986(decodeSegment(segment)))
    .join('/');
  return uri.endsWith('/') ? uri : uri + '/';
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function canonicalQuery(searchParams: URLSearchParams): string {
  const pairs: Array<[string, string]> = [];
  searchParams.forEach((value, key) => pairs.push([key, value]));
  // Huawei's signers sort the DECODED keys, and the values of a repeated key, before encoding them;
  // sorting the encoded forms differs for characters such as `.` vs `/` or non-ASCII letters.
  pairs.sort(([ka, va], [kb, vb]) => byCodeUnits(ka, kb) || byCodeUnits(va, vb));
  return pairs.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
}

export interface CanonicalParts {
  readonly canonicalRequest: string;
  readonly signedHeaders: string;
}

/** Builds the canonical request from the exact headers that will be signed. */
export function canonicalRequest(method: string, url: string, headers: Record<string, string>, body = ''): CanonicalParts {
  const parsed = new URL(url);
  const lowered = Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value.trim()] as const);
  lowered.sort(([a], [b]) => byCodeUnits(a, b));
  const signedHeaders = lowered.map(([name]) => name).join(';');
  const canonicalHeaders = lowered.map(([name, value]) => `${name}:${value}\n`).join('');
  const hashedBody = createHash('sha256').update(body, 'utf8').digest('hex');
  return {
    canonicalRequest: [
      method.toUpperCase(),
      canonicalUri(parsed.pathname),
      canonicalQuery(parsed.searchParams),
      canonicalHeaders,
      signedHeaders,
      hashedBody,
    ].join('\n'),
    signedHeaders,
  };
}

export function stringToSign(sdkDate: string, canonical: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
}

export function signature(secretKey: string, toSign: string): string {
  return createHmac('sha256', secretKey).update(toSign, 'utf8').digest('hex');
}

/**
 * Returns the headers to send: the given ones plus `host`, `X-Sdk-Date`, `X-Security-Token` (for
 * temporary credentials) and `Authorization`. All but Authorization are signed.
 */
export function signRequest(request: SignableRequest, credentials: Credentials, now: Date = new Date()): Record<string, string> {
  const headers: Record<string, string> = { ...request.headers };
  const has = (name: string) => Object.keys(headers).some((h) => h.toLowerCase() === name);
  if (!has('host')) headers.host = new URL(request.url).host;
  if (!has('x-sdk-date')) headers['X-Sdk-Date'] = formatSdkDate(now);
  if (credentials.securityToken && !has('x-security-token')) headers['X-Security-Token'] = credentials.securityToken;
  const sdkDate = Object.entries(headers).find(([h]) => h.toLowerCase() === 'x-sdk-date')![1];
  const { canonicalRequest: canonical, signedHeaders } = canonicalRequest(request.method, request.url, headers, request.body ?? '');
  const sig = signature(credentials.secretKey, stringToSign(sdkDate, canonical));
  headers.Authorization = `${SIGNING_ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${signedHeaders}, Signature=${sig}`;
  return headers;
}

export interface ParsedAuthorization {
  readonly accessKey: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Parses an Authorization header; undefined when it is not SDK-HMAC-SHA256. */
export function parseAuthorization(value: string | undefined): ParsedAuthorization | undefined {
  const m = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(value ?? '');
  if (!m) return undefined;
  return { accessKey: m[1], signedHeaders: m[2].split(';'), signature: m[3] };
}
