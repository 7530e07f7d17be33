// What the cloud layer is configured with and what it reports, shared by the session, the HTTP
// client and endpoint resolution (here, so that none of them imports another for a type).
import type { EndpointService, ServiceId } from './model';
import { SERVICE_IDS } from './services/registry';

/** The `hwcBackups.*` settings the cloud layer needs (docs/SPEC.md §2), already read by the UI layer. */
export interface CloudSettings {
  readonly region: string;
  /** Empty: resolve from IAM. */
  readonly projectId: string;
  readonly endpointTemplate: string;
  readonly endpoints: Readonly<Partial<Record<EndpointService, string>>>;
  readonly services: readonly ServiceId[];
  readonly pageSize: number;
  readonly requestTimeoutSeconds: number;
  readonly maxRetries: number;
  /** Empty: the console site that serves the region (cloud/console.ts); private clouds set their own. */
  readonly consoleHost: string;
}

export const DEFAULT_SETTINGS: CloudSettings = {
  region: 'cn-north-4',
  projectId: '',
  endpointTemplate: 'https://{service}.{region}.myhuaweicloud.com',
  endpoints: {},
  services: SERVICE_IDS,
  pageSize: 50,
  requestTimeoutSeconds: 30,
  maxRetries: 3,
  consoleHost: '',
};

/** One line of the request log. Never holds credentials, tokens or the Authorization header. */
export interface RequestLogEntry {
  readonly service: EndpointService;
  readonly method: string;
  /** Path and query as sent, e.g. `/v3/{project}/backups?instance_id=…&offset=0&limit=50`. */
  readonly path: string;
  /** Undefined when no response came (network error, timeout, cancellation). */
  readonly status?: number;
  readonly durationMs: number;
  readonly requestId?: string;
  /** 0 for the first attempt. */
  readonly attempt: number;
  /** Error code or short reason when the attempt failed. */
  readonly error?: string;
}
