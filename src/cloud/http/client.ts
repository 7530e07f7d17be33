import * as l10n from '@vscode/l10n';
import fetch, { type RequestInit } from 'node-fetch';
import { baseUrl } from '../endpoints';
import type { EndpointService } from '../model';
import type { JsonResponse, Query } from './json';
import type { CloudSettings, RequestLogEntry } from '../settings';
import { rfc3986, signRequest, type Credentials } from '../signing/signer';
import { sleep } from './abort';
import { errorFromResponse, invalidResponse, redactor, serviceLabel, type Redact } from './errorBody';
import { CloudError } from './errors';
import { backoffDelay, DEFAULT_RETRY_TIMING, isRetryableMethod, isRetryableStatus, parseRetryAfter, type RetryTiming } from './retry';
import { EndpointLimit } from './endpointLimit';

/** Knobs tests turn; production uses the defaults. */
export interface HttpTuning extends RetryTiming {
  /** Requests in flight per service endpoint, until the gateway throttles (http/endpointLimit.ts). */
  readonly concurrencyPerService: number;
  /** After a throttled pause, each quiet interval this long gives one of those back. */
  readonly throttleRecoveryMs: number;
  /** Source of jitter, in [0, 1). */
  readonly random: () => number;
  /** How the client waits between attempts. */
  readonly sleep: (ms: number, signal: AbortSignal | undefined, onAbort: () => Error) => Promise<void>;
}

export const DEFAULT_TUNING: HttpTuning = {
  ...DEFAULT_RETRY_TIMING,
  concurrencyPerService: 4,
  throttleRecoveryMs: 1000,
  random: Math.random,
  sleep,
};

export interface HttpClientOptions {
  readonly settings: CloudSettings;
  readonly credentials: Credentials;
  /** Called once per attempt; never given credentials or the Authorization header. */
  readonly onRequest?: (entry: RequestLogEntry) => void;
  /** Clock for X-Sdk-Date. */
  readonly now?: () => Date;
  /** Retry and concurrency knobs; tests shorten the back-off. */
  readonly tuning?: Partial<HttpTuning>;
  /**
   * Limits by endpoint base URL, shared by the clients of several sessions (every connection and
   * region the extension shows), so an endpoint's bound holds however many scopes a search runs
   * at once. Omitted: this client's own.
   */
  readonly endpointLimits?: Map<string, EndpointLimit>;
}

export interface HttpRequest {
  /** Only GET is used by the extension; other methods are never retried. */
  readonly method?: string;
  readonly service: EndpointService;
  /** Appended to the service's base URL, e.g. `/v3/{project_id}/backups`. */
  readonly path: string;
  readonly query?: Query;
  /** Sent (and signed) as X-Project-Id. */
  readonly projectId?: string;
  readonly signal?: AbortSignal;
}

/** Responses larger than this are refused rather than buffered. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Network errors that another attempt will not fix. */
const PERMANENT_NETWORK_CODES = new Set([
  'ENOTFOUND',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Why a connection failed, in words, for the network error codes worth explaining. */
function networkReason(code: string): string | undefined {
  switch (code) {
    case 'ECONNRESET':
      return l10n.t('the connection was reset');
    case 'ECONNREFUSED':
      return l10n.t('the connection was refused');
    case 'ENOTFOUND':
      return l10n.t('the host name was not found');
    case 'EAI_AGAIN':
      return l10n.t('the host name could not be resolved right now');
    case 'ETIMEDOUT':
      return l10n.t('the connection timed out');
    case 'EPIPE':
      return l10n.t('the connection was closed');
    case 'CERT_HAS_EXPIRED':
      return l10n.t("the server's certificate has expired");
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return l10n.t("the server's certificate is self-signed");
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return l10n.t("the server's certificate chain is self-signed (a proxy may be intercepting TLS)");
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return l10n.t("the server's certificate could not be verified");
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return l10n.t("the server's certificate issuer is not trusted (a proxy may be intercepting TLS)");
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return l10n.t("the server's certificate does not match its name");
    default:
      return undefined;
  }
}

/** Query string in the given order, RFC 3986-encoded (space as %20, never `+`), undefined values dropped. */
export function encodeQuery(query: Query | undefined): string {
  return Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${rfc3986(key)}=${rfc3986(String(value))}`)
    .join('&');
}

/** maxRetries as a whole number; a nonsensical value (NaN, negative) means no retries, never endless ones. */
function retryBudget(maxRetries: number): number {
  return Number.isFinite(maxRetries) && maxRetries >= 0 ? Math.floor(maxRetries) : 0;
}

type AttemptOutcome =
  | { readonly ok: true; readonly response: JsonResponse }
  | { readonly ok: false; readonly error: CloudError; readonly retryable: boolean; readonly retryAfterMs?: number };

/**
 * Signed JSON requests with per-attempt timeout, cancellation, retries with full-jitter back-off
 * (honouring Retry-After) and bounded concurrency per service endpoint that adapts to throttling.
 * Every failure is a CloudError.
 */
export class HttpClient {
  private readonly tuning: HttpTuning;
  private readonly redact: Redact;
  /** By base URL: the gateway throttles an endpoint, whichever request of ours it was. */
  private readonly limits: Map<string, EndpointLimit>;
  private readonly now: () => Date;

  constructor(private readonly options: HttpClientOptions) {
    const given = Object.entries(options.tuning ?? {}).filter(([, value]) => value !== undefined);
    this.tuning = { ...DEFAULT_TUNING, ...(Object.fromEntries(given) as Partial<HttpTuning>) };
    this.redact = redactor([options.credentials.secretKey, options.credentials.securityToken]);
    this.now = options.now ?? (() => new Date());
    this.limits = options.endpointLimits ?? new Map();
  }

  get(
    service: EndpointService,
    path: string,
    query: Query,
    options: { projectId?: string; signal?: AbortSignal } = {},
  ): Promise<JsonResponse> {
    return this.send({ service, path, query, ...options });
  }

  async send(request: HttpRequest): Promise<JsonResponse> {
    const method = (request.method ?? 'GET').toUpperCase();
    const { service, signal } = request;
    const queryString = encodeQuery(request.query);
    const target = queryString ? `${request.path}?${queryString}` : request.path;
    const label = `${method} ${request.path}`;
    const base = baseUrl(this.options.settings, service);
    const url = base + target;
    const timeout = this.options.settings.requestTimeoutSeconds;
    if (!(timeout > 0 && Number.isFinite(timeout))) {
      throw new CloudError(l10n.t('hwcBackups.requestTimeoutSeconds must be a positive number of seconds, not {0}.', timeout), {
        service,
        code: 'CONFIG',
        request: label,
      });
    }
    const cancelled = () => new CloudError(l10n.t('Request cancelled.'), { service, code: 'CANCELLED', request: label });
    const retries = isRetryableMethod(method) ? retryBudget(this.options.settings.maxRetries) : 0;

    const limit = this.limit(base);
    for (let attempt = 0; ; attempt++) {
      const permit = await limit.acquire(signal, cancelled);
      let outcome: AttemptOutcome;
      try {
        outcome = await this.attempt({ method, service, url, target, label, projectId: request.projectId, signal, attempt });
      } finally {
        permit.release();
      }
      if (outcome.ok) {
        limit.succeeded();
        return outcome.response;
      }
      const { error, retryable, retryAfterMs } = outcome;
      const throttled = error.status === 429;
      const tooLong = retryAfterMs !== undefined && retryAfterMs > this.tuning.maxRetryAfterMs;
      const delay = retryAfterMs ?? backoffDelay(attempt, throttled, this.tuning, this.tuning.random);
      // A throttle slows the whole endpoint down, whether or not this request tries again; the
      // retry then waits in acquire() with every other request to it.
      if (throttled && !tooLong) limit.throttled(permit, delay);
      if (!retryable || attempt >= retries || tooLong) throw error;
      if (!throttled) await this.tuning.sleep(delay, signal, cancelled);
    }
  }

  private limit(base: string): EndpointLimit {
    let limit = this.limits.get(base);
    if (!limit) {
      limit = new EndpointLimit({
        maxPermits: this.tuning.concurrencyPerService,
        recoveryMs: this.tuning.throttleRecoveryMs,
        sleep: this.tuning.sleep,
        clock: Date.now,
      });
      this.limits.set(base, limit);
    }
    return limit;
  }

  private async attempt(a: {
    method: string;
    service: EndpointService;
    url: string;
    target: string;
    label: string;
    projectId?: string;
    signal?: AbortSignal;
    attempt: number;
  }): Promise<AttemptOutcome> {
    const { service, label } = a;
    const started = Date.now();
    const timeoutMs = this.options.settings.requestTimeoutSeconds * 1000;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort();
    a.signal?.addEventListener('abort', forwardAbort, { once: true });

    let status: number | undefined;
    let requestId: string | undefined;
    let outcome: AttemptOutcome;
    try {
      if (a.signal?.aborted) controller.abort();
      // Re-signed on every attempt so each carries a fresh X-Sdk-Date.
      const headers = signRequest(
        {
          method: a.method,
          url: a.url,
          headers: { 'content-type': 'application/json', ...(a.projectId ? { 'X-Project-Id': a.projectId } : {}) },
        },
        this.options.credentials,
        this.now(),
      );
      const init: RequestInit = {
        method: a.method,
        headers,
        // The gateway never redirects; following one would replay signed headers elsewhere.
        redirect: 'manual',
        size: MAX_BODY_BYTES,
        signal: controller.signal as NonNullable<RequestInit['signal']>,
      };
      const response = await fetch(a.url, init);
      status = response.status;
      requestId = response.headers.get('x-request-id') ?? undefined;
      const body = await response.text();
      outcome = this.interpret({
        service,
        label,
        status,
        statusText: response.statusText,
        body,
        requestId,
        contentType: response.headers.get('content-type'),
        retryAfter: response.headers.get('retry-after'),
      });
      if (!outcome.ok) requestId = outcome.error.requestId;
    } catch (error) {
      outcome = this.failure(error, { service, label, timedOut, cancelled: a.signal?.aborted === true, timeoutMs, status, requestId });
    } finally {
      clearTimeout(timer);
      a.signal?.removeEventListener('abort', forwardAbort);
    }
    this.log({
      service,
      method: a.method,
      path: a.target,
      status,
      durationMs: Date.now() - started,
      requestId,
      attempt: a.attempt,
      error: outcome.ok ? undefined : (outcome.error.code ?? (status !== undefined ? `HTTP ${status}` : 'NETWORK')),
    });
    return outcome;
  }

  private interpret(r: {
    service: EndpointService;
    label: string;
    status: number;
    statusText: string;
    body: string;
    requestId?: string;
    contentType: string | null;
    retryAfter: string | null;
  }): AttemptOutcome {
    const { service, status, requestId, label } = r;
    if (status >= 200 && status < 300) {
      try {
        return { ok: true, response: { status, body: JSON.parse(r.body) as unknown, requestId } };
      } catch {
        return {
          ok: false,
          retryable: false,
          error: invalidResponse({ service, status, body: r.body, requestId, request: label }, this.redact),
        };
      }
    }
    if (status >= 300 && status < 400) {
      const error = new CloudError(
        l10n.t(
          '{0} answered HTTP {1} (a redirect); the API never redirects, so a proxy or captive portal may be in the way.',
          serviceLabel(service),
          status,
        ),
        { service, status, requestId, request: label },
      );
      return { ok: false, retryable: false, error };
    }
    const error = errorFromResponse(
      { service, status, statusText: r.statusText, contentType: r.contentType ?? undefined, body: r.body, requestId, request: label },
      this.redact,
    );
    return { ok: false, error, retryable: isRetryableStatus(status), retryAfterMs: parseRetryAfter(r.retryAfter, Date.now()) };
  }

  private failure(
    error: unknown,
    c: {
      service: EndpointService;
      label: string;
      timedOut: boolean;
      cancelled: boolean;
      timeoutMs: number;
      status?: number;
      requestId?: string;
    },
  ): AttemptOutcome {
    const { service, label, status, requestId } = c;
    const name = serviceLabel(service);
    if (c.cancelled) {
      return {
        ok: false,
        retryable: false,
        error: new CloudError(l10n.t('Request cancelled.'), { service, code: 'CANCELLED', request: label, status, requestId }),
      };
    }
    if (c.timedOut) {
      // Not retried: the user has already waited a full timeout, and a slow gateway is better not hammered.
      const seconds = Math.round(c.timeoutMs / 100) / 10;
      const message = l10n.t(
        '{0} did not answer within {1} s ({2}). Increase hwcBackups.requestTimeoutSeconds if the service is just slow.',
        name,
        seconds,
        label,
      );
      return {
        ok: false,
        retryable: false,
        error: new CloudError(message, { service, code: 'TIMEOUT', request: label, status, requestId }),
      };
    }
    const fetchError = error as { type?: string; code?: string; message?: string };
    if (fetchError.type === 'max-size') {
      const message = l10n.t('{0} sent a response larger than {1} MB; it was not read ({2}).', name, MAX_BODY_BYTES / 1024 / 1024, label);
      return {
        ok: false,
        retryable: false,
        error: new CloudError(message, { service, code: 'INVALID_RESPONSE', request: label, status, requestId }),
      };
    }
    const code = fetchError.code;
    const reason =
      (code && networkReason(code)) ?? this.redact(/reason: (.*)$/.exec(fetchError.message ?? '')?.[1] ?? l10n.t('network error'));
    const message = code
      ? l10n.t('Could not reach {0}: {1} ({2}).', name, reason, code)
      : l10n.t('Could not reach {0}: {1}.', name, reason);
    return {
      ok: false,
      retryable: !(code && PERMANENT_NETWORK_CODES.has(code)),
      error: new CloudError(message, { service, code: 'NETWORK', request: label, status, requestId }),
    };
  }

  private log(entry: RequestLogEntry): void {
    try {
      this.options.onRequest?.(entry);
    } catch {
      // A failing log sink must not fail the request.
    }
  }
}
