import type * as vscode from 'vscode';
import type { Credentials } from '../cloud/signing/signer';

/**
 * Where credentials live: VS Code's SecretStorage (OS keychain backed), one secret per part.
 * Nothing here ever writes to settings, globalState or the log.
 */
export const SECRET_KEYS = {
  accessKey: 'hwcBackups.accessKey',
  secretKey: 'hwcBackups.secretKey',
  securityToken: 'hwcBackups.securityToken',
} as const;

/** The environment variables Huawei's own SDKs read (SPEC §3). */
export const ENVIRONMENT_VARIABLES = {
  accessKey: 'HUAWEICLOUD_SDK_AK',
  secretKey: 'HUAWEICLOUD_SDK_SK',
  securityToken: 'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  projectId: 'HUAWEICLOUD_SDK_PROJECT_ID',
} as const;

export function isSecretKey(key: string): boolean {
  return (Object.values(SECRET_KEYS) as string[]).includes(key);
}

export async function readStoredCredentials(secrets: vscode.SecretStorage): Promise<Credentials | undefined> {
  const [accessKey, secretKey, securityToken] = await Promise.all([
    secrets.get(SECRET_KEYS.accessKey),
    secrets.get(SECRET_KEYS.secretKey),
    secrets.get(SECRET_KEYS.securityToken),
  ]);
  if (!accessKey || !secretKey) return undefined;
  return { accessKey, secretKey, ...(securityToken ? { securityToken } : {}) };
}

export async function storeCredentials(secrets: vscode.SecretStorage, credentials: Credentials): Promise<void> {
  await secrets.store(SECRET_KEYS.secretKey, credentials.secretKey);
  if (credentials.securityToken) await secrets.store(SECRET_KEYS.securityToken, credentials.securityToken);
  else await secrets.delete(SECRET_KEYS.securityToken);
  // The access key goes last: readers treat "access key + secret key present" as complete.
  await secrets.store(SECRET_KEYS.accessKey, credentials.accessKey);
}

export async function deleteStoredCredentials(secrets: vscode.SecretStorage): Promise<void> {
  await secrets.delete(SECRET_KEYS.accessKey);
  await secrets.delete(SECRET_KEYS.secretKey);
  await secrets.delete(SECRET_KEYS.securityToken);
}

/** Credentials and project id from the environment, when both AK and SK are set there. */
export function environmentCredentials(env: NodeJS.ProcessEnv): { credentials: Credentials; projectId?: string } | undefined {
  const accessKey = env[ENVIRONMENT_VARIABLES.accessKey]?.trim();
  const secretKey = env[ENVIRONMENT_VARIABLES.secretKey]?.trim();
  if (!accessKey || !secretKey) return undefined;
  const securityToken = env[ENVIRONMENT_VARIABLES.securityToken]?.trim();
  const projectId = env[ENVIRONMENT_VARIABLES.projectId]?.trim();
  return { credentials: { accessKey, secretKey, ...(securityToken ? { securityToken } : {}) }, ...(projectId ? { projectId } : {}) };
}
