import type { EndpointService } from '../model';

/** The API gateway's "this IAM user may not access the selected region" (403): a whole region refused. */
export const REGION_REFUSED = 'APIGW.0802';

/**
 * The one error type the cloud layer throws. It carries everything an error node or a log line
 * needs, and never any credential: messages are built from response bodies and our own text only.
 */
export class CloudError extends Error {
  override readonly name = 'CloudError';

  constructor(
    message: string,
    readonly details: {
      readonly service: EndpointService;
      /** HTTP status; undefined for network errors, timeouts and cancellations. */
      readonly status?: number;
      /**
       * Huawei error code, e.g. `APIGW.0301`, `DBS.200001`, `GES.7006`, or ours: `TIMEOUT`, `NETWORK`,
       * `CANCELLED`, `INVALID_RESPONSE`, `INVALID_REQUEST`, `CONFIG`, `NO_PROJECT` (IAM knows no project for
       * the region).
       */
      readonly code?: string;
      /** The `X-Request-Id` response header. */
      readonly requestId?: string;
      /** Method and path (no query secrets exist, but keep it short). */
      readonly request?: string;
    },
  ) {
    super(message);
  }

  get service(): EndpointService {
    return this.details.service;
  }
  get status(): number | undefined {
    return this.details.status;
  }
  get code(): string | undefined {
    return this.details.code;
  }
  get requestId(): string | undefined {
    return this.details.requestId;
  }

  /** 401 from the gateway: keys wrong, expired token, or clock skew. */
  get isAuthFailure(): boolean {
    return this.status === 401;
  }

  get isCancellation(): boolean {
    return this.code === 'CANCELLED';
  }
}
