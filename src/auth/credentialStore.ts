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
