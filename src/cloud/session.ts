import * as l10n from '@vscode/l10n';
import * as z from './schemas/check';
import { abortable } from './http/abort';
import { HttpClient, type HttpClientOptions } from './http/client';
import { CloudError } from './http/errors';
import type { CloudSettings } from './settings';
import type { AdapterContext } from './services/adapter';
import type { Credentials } from './signing/signer';

export interface ResolvedProject {
  readonly id: string;
  readonly name: string;
  /** Where the id came from. */
  readonly source: 'settings' | 'iam' | 'environment';
}

/** Huawei's SDK environment variables (docs/SPEC.md §3), read when SecretStorage holds nothing. */
export const ENVIRONMENT_VARIABLES = {
  accessKey: 'HUAWEICLOUD_SDK_AK',
  secretKey: 'HUAWEICLOUD_SDK_SK',
  securityToken: 'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  projectId: 'HUAWEICLOUD_SDK_PROJECT_ID',
} as const;

export interface EnvironmentCredentials {
  readonly credentials: Credentials;
  /** HUAWEICLOUD_SDK_PROJECT_ID when set. */
  readonly projectId?: string;
}

/** Credentials from the environment when both AK and SK are set (blank counts as unset). Pure. */
export function credentialsFromEnvironment(env: Readonly<Record<string, string | undefined>>): EnvironmentCredentials | undefined {
  const read = (name: string) => env[name]?.trim() || undefined;
  const accessKey = read(ENVIRONMENT_VARIABLES.accessKey);
  const secretKey = read(ENVIRONMENT_VARIABLES.secretKey);
  if (!accessKey || !secretKey) return undefined;
  const securityToken = read(ENVIRONMENT_VARIABLES.securityToken);
  const projectId = read(ENVIRONMENT_VARIABLES.projectId);
  return { credentials: { accessKey, secretKey, ...(securityToken ? { securityToken } : {}) }, ...(projectId ? { projectId } : {}) };
}

/** A session takes exactly what its HTTP client does: settings, credentials, the per-attempt log hook, clock and tuning. */
export type CloudSessionOptions = HttpClientOptions;

export interface CloudSession {
  readonly settings: CloudSettings;
  /** settings.projectId when set, else the IAM look-up (cached for the session's life once it succeeds). */
  project(signal?: AbortSignal): Promise<ResolvedProject>;
  /** Resolves the project, then gives signed GETs that carry X-Project-Id. */
  context(signal?: AbortSignal): Promise<AdapterContext>;
}

/** IAM `GET /v3/projects?name={region}`: only the fields we use are checked, the rest may vary. */
const IAM_PROJECTS = z.object({
  projects: z.array(z.object({ id: z.string().min(1), name: z.string().optional() }).passthrough()),
});

export function createCloudSession(options: CloudSessionOptions): CloudSession {
  const { settings } = options;
  const client = new HttpClient(options);
  let lookUp: Promise<ResolvedProject> | undefined;

  const project = (signal?: AbortSignal): Promise<ResolvedProject> => {
    const configured = settings.projectId.trim();
    // The project's own name is not known without IAM; a region's default project is named after it.
    if (configured) return Promise.resolve({ id: configured, name: settings.region, source: 'settings' });
    // One shared look-up without the caller's signal: a caller that cancels stops waiting, not the
    // others. A failure is not cached, so the next call tries again.
    lookUp ??= projectFromIam(client, settings.region).catch((error: unknown) => {
      lookUp = undefined;
      throw error;
    });
    return abortable(
      lookUp,
      signal,
      () => new CloudError(l10n.t('Request cancelled.'), { service: 'iam', code: 'CANCELLED', request: 'GET /v3/projects' }),
    );
  };

  return {
    settings,
    project,
    async context(signal) {
      const { id } = await project(signal);
      return {
        projectId: id,
        get: (service, path, query, requestSignal) => client.get(service, path, query, { projectId: id, signal: requestSignal }),
      };
    },
  };
}

async function projectFromIam(client: HttpClient, region: string): Promise<ResolvedProject> {
  const response = await client.get('iam', '/v3/projects', { name: region });
  const parsed = IAM_PROJECTS.safeParse(response.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CloudError(
      l10n.t('IAM answered the project look-up with an unexpected body ({0}: {1}).', issue.path.join('.') || 'body', issue.message),
      {
        service: 'iam',
        status: response.status,
        code: 'INVALID_RESPONSE',
        requestId: response.requestId,
        request: 'GET /v3/projects',
      },
    );
  }
  const match = parsed.data.projects.find((candidate) => candidate.name === region);
  if (!match) {
    throw new CloudError(
      l10n.t('IAM has no project named "{0}" for these credentials. Check hwcBackups.region, or set hwcBackups.projectId.', region),
      { service: 'iam', status: response.status, code: 'NO_PROJECT', requestId: response.requestId, request: 'GET /v3/projects' },
    );
  }
  return { id: match.id, name: region, source: 'iam' };
}
