/**
 * The API gateway's SDK-HMAC-SHA256 check, using the project's own signer functions so a signer bug
 * shows up as a 401 rather than being mirrored silently.
 */
import type { IncomingHttpHeaders } from 'http';
import { timingSafeEqual } from 'crypto';
import { canonicalRequest, parseAuthorization, parseSdkDate, signature, stringToSign } from '../../src/cloud/signing/signer';

export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

export interface SignedRequest {
  readonly method: string;
  /** Path and query exactly as received. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Undefined when the request is correctly signed; otherwise why it is not (for the 401 message). */
export function rejectionReason(request: SignedRequest, secretKeys: ReadonlyMap<string, string>, nowMs: number): string | undefined {
  const authorization = header(request.headers, 'authorization');
  if (!authorization) return 'the Authorization header is missing';
  const parsed = parseAuthorization(authorization);
  if (!parsed) return 'the Authorization header is not a valid SDK-HMAC-SHA256 authorization';
  const secretKey = secretKeys.get(parsed.accessKey);
  if (secretKey === undefined) return 'the access key does not exist';

  const sdkDate = header(request.headers, 'x-sdk-date');
  if (!sdkDate) return 'the X-Sdk-Date header is missing';
  const date = parseSdkDate(sdkDate);
  if (!date) return 'the X-Sdk-Date header is not in the format YYYYMMDDTHHmmssZ';
  if (Math.abs(date.getTime() - nowMs) > MAX_CLOCK_SKEW_MS)
    return 'the request time (X-Sdk-Date) differs from the server time by more than 15 minutes';

  for (const required of ['host', 'x-sdk-date']) {
    if (!parsed.signedHeaders.includes(required)) return `the ${required} header is not signed`;
  }
  if (header(request.headers, 'x-security-token') !== undefined && !parsed.signedHeaders.includes('x-security-token')) {
    return 'the X-Security-Token header is not signed';
  }

  const signed: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    const value = header(request.headers, name);
    if (value === undefined) return `the signed header ${name} is missing from the request`;
    signed[name] = value;
  }
  let expected: string;
  try {
    const { canonicalRequest: canonical } = canonicalRequest(request.method, `http://${signed.host}${request.url}`, signed, request.body);
    expected = signature(secretKey, stringToSign(sdkDate, canonical));
  } catch {
    return 'the request URL cannot be canonicalised';
  }
  const matches = expected.length === parsed.signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(parsed.signature));
  return matches ? undefined : 'verify aksk signature fail';
}
