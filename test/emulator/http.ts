/**
 * What a service handler sees and returns, and the error bodies of docs/SPEC.md §6: each service answers in
 * its own shape, the API gateway in `{"error_code","error_msg"}` with APIGW codes.
 */
import type { EmulatorData } from './data/model';
import type { QueryReader } from './validation';

export interface JsonReply {
  readonly status: number;
  readonly body: unknown;
}

/** Thrown by handlers and helpers; the server turns it into the response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

/** How one service reports errors; the shared validation helpers only know this interface. */
export interface ErrorStyle {
  /** 400 for a bad query parameter. */
  badRequest(message: string): ApiError;
  /** 404 for an unknown instance, graph or server. */
  notFound(message: string): ApiError;
  /** 5xx from the service itself (fault injection). */
  internal(status: number): ApiError;
}

/** `{"error_code","error_msg"}` (RDS, DDS, CSBS; DCS adds `error_ext_msg`). */
export function codeMessageStyle(codes: { badRequest: string; notFound: string; internal: string }, withExtMessage = false): ErrorStyle {
  const error = (status: number, code: string, message: string) =>
    new ApiError(status, { error_code: code, error_msg: message, ...(withExtMessage ? { error_ext_msg: `${code}: ${message}` } : {}) });
  return {
    badRequest: (message) => error(400, codes.badRequest, message),
    notFound: (message) => error(404, codes.notFound, message),
    internal: (status) => error(status, codes.internal, 'Internal server error, please try again later.'),
  };
}

/** `{"error":{"code","message"}}` (ECS, IAM). */
export function nestedErrorStyle(codes: { badRequest: string; notFound: string; internal: string }): ErrorStyle {
  const error = (status: number, code: string, message: string) => new ApiError(status, { error: { code, message } });
  return {
    badRequest: (message) => error(400, codes.badRequest, message),
    notFound: (message) => error(404, codes.notFound, message),
    internal: (status) => error(status, codes.internal, 'Internal server error.'),
  };
}

/** GES: `{"errorCode","errorMessage"}` (seed 003). */
export function gesErrorStyle(): ErrorStyle {
  const error = (status: number, code: string, message: string) => new ApiError(status, { errorCode: code, errorMessage: message });
  return {
    // GES.0001 is "incorrect parameter", GES.7000 "the graph does not exist or has been deleted".
    badRequest: (message) => error(400, 'GES.0001', message),
    notFound: (message) => error(404, 'GES.7000', message),
    internal: (status) => error(status, 'GES.7006', 'The underlying graph engine has internal error.'),
  };
}

/** The API gateway in front of every service. */
export const gateway = {
  authFailed: (reason: string) =>
    new ApiError(401, { error_code: 'APIGW.0301', error_msg: `Incorrect IAM authentication information: ${reason}` }),
  /** A known project of another account: access denied (APIGW.0306). */
  accessDenied: (reason: string) => new ApiError(403, { error_code: 'APIGW.0306', error_msg: `Access denied: ${reason}` }),
  throttled: (retryAfterSeconds?: number) =>
    new ApiError(
      429,
      { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached: policy user over ratelimit' },
      retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) },
    ),
  forbidden: () => new ApiError(403, { error_code: 'APIGW.0302', error_msg: 'The IAM user is not authorized to access the API.' }),
  noSuchApi: () =>
    new ApiError(404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist or has not been published in the environment' }),
  /** A 5xx of a service without an error style of its own: APIGW.0201 covers an unavailable or timed-out backend. */
  backendUnavailable: (status: number) =>
    new ApiError(status, { error_code: 'APIGW.0201', error_msg: 'The backend service is unavailable' }),
};

export interface ServiceRequest {
  /** Route parameters, e.g. `instance_id` from `/instances/{instance_id}/backups`. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryReader;
  readonly data: EmulatorData;
}

export interface Route {
  /** Path after the service segment, e.g. `/v3/{project_id}/backups`. `{project_id}` is checked by the server. */
  readonly pattern: string;
  handle(request: ServiceRequest): JsonReply;
}

export interface ServiceDefinition {
  /** First path segment: rds, dds, dcs, ges, csbs, ecs, iam. */
  readonly name: string;
  readonly errors: ErrorStyle;
  readonly routes: readonly Route[];
}

export const ok = (body: unknown): JsonReply => ({ status: 200, body });
