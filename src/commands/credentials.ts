import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import { validateAccessKey, validateSecretKey, validateSecurityToken } from '../auth/validation';
import type { ResolvedProject } from '../cloud/session';
import type { Credentials } from '../cloud/signing/signer';
import { describeError, isCancellation } from '../domain/errorText';
import { inputStep, type StepResult } from './quickInput';

const TITLE = vscode.l10n.t('Set Huawei Cloud Credentials');

export type VerificationResult = { readonly ok: true; readonly project: ResolvedProject } | { readonly ok: false; readonly error: unknown };

/**
 * One cheap signed call — the IAM project look-up for the configured region — to learn whether
 * the keys work. Always asks IAM, even when hwcBackups.projectId is set, so the answer is real.
 */
export async function verifyCredentials(
  connection: CloudConnection,
  credentials: Credentials,
  signal?: AbortSignal,
): Promise<VerificationResult> {
  try {
    return { ok: true, project: await connection.probeSession(credentials).project(signal) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Set Credentials…: three input boxes, a verification call, then SecretStorage. Escape changes nothing. */
export async function setCredentials(connection: CloudConnection): Promise<void> {
  const credentials = await askCredentials();
  if (!credentials) return;

  const result = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Checking the credentials with Huawei Cloud IAM…'),
      cancellable: true,
    },
    (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return verifyCredentials(connection, credentials, abort.signal);
    },
  );

  if (result.ok) {
    await connection.storeCredentials(credentials);
    const region = connection.settings().region;
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        "Credentials work: project {0} ({1}). They are stored in VS Code's secret storage.",
        result.project.name || region,
        result.project.id,
      ),
    );
    return;
  }

  const reason = isCancellation(result.error)
    ? vscode.l10n.t('The check was cancelled.')
    : vscode.l10n.t('The check failed: {0}', describeError(result.error));
  const keep = vscode.l10n.t('Keep Anyway');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Huawei Cloud did not confirm these credentials.'),
    { modal: true, detail: vscode.l10n.t('{0}\n\nKeep them anyway (for example when IAM is unreachable from here)?', reason) },
    keep,
  );
  if (choice === keep) {
    await connection.storeCredentials(credentials);
    void vscode.window.showInformationMessage(vscode.l10n.t("Credentials stored in VS Code's secret storage without confirmation."));
  }
}

export async function askCredentials(title: string = TITLE): Promise<Credentials | undefined> {
  const answers: { accessKey: string; secretKey: string; securityToken: string } = { accessKey: '', secretKey: '', securityToken: '' };
  const steps: Array<() => Promise<StepResult<string>>> = [
    () =>
      inputStep({
        title,
        step: 1,
        totalSteps: 3,
        ignoreFocusOut: true,
        prompt: vscode.l10n.t('Access key (AK) — console: My Credentials → Access Keys'),
        placeholder: 'e.g. QTWAOYTTINDUT2QVKYUC',
        value: answers.accessKey,
        validate: validateAccessKey,
      }),
    () =>
      inputStep({
        title,
        step: 2,
        totalSteps: 3,
        back: true,
        ignoreFocusOut: true,
        password: true,
        prompt: vscode.l10n.t("Secret access key (SK) — kept only in VS Code's secret storage"),
        value: answers.secretKey,
        validate: validateSecretKey,
      }),
    () =>
      inputStep({
        title,
        step: 3,
        totalSteps: 3,
        back: true,
        ignoreFocusOut: true,
        password: true,
        prompt: vscode.l10n.t('Security token — only for temporary credentials; leave empty for permanent keys'),
        value: answers.securityToken,
        validate: validateSecurityToken,
      }),
  ];
  const keys = ['accessKey', 'secretKey', 'securityToken'] as const;
  for (let index = 0; index < steps.length;) {
    const result = await steps[index]();
    if (result.kind === 'cancel') return undefined;
    if (result.kind === 'back') {
      index = Math.max(0, index - 1);
      continue;
    }
    answers[keys[index]] = result.value.trim();
    index++;
  }
  return {
    accessKey: answers.accessKey,
    secretKey: answers.secretKey,
    ...(answers.securityToken ? { securityToken: answers.securityToken } : {}),
  };
}

/** Forget Credentials: after a modal confirmation, deletes the stored secrets; the tree shows its welcome view again. */
export async function clearCredentials(connection: CloudConnection): Promise<void> {
  const source = await connection.credentialSource();
  if (source !== 'secretStorage') {
    const more =
      source === 'environment'
        ? vscode.l10n.t(' The HUAWEICLOUD_SDK_* environment variables are in use; they cannot be cleared from VS Code.')
        : '';
    void vscode.window.showInformationMessage(vscode.l10n.t('No credentials are stored in VS Code.{0}', more));
    return;
  }
  const forget = vscode.l10n.t('Forget');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Forget the Huawei Cloud credentials stored in VS Code?'),
    { modal: true, detail: vscode.l10n.t("The access key, secret key and security token are deleted from VS Code's secret storage.") },
    forget,
  );
  if (choice !== forget) return;
  await connection.clearCredentials();
  const after = await connection.credentialSource();
  void vscode.window.showInformationMessage(
    after === 'environment'
      ? vscode.l10n.t('Credentials forgotten. The HUAWEICLOUD_SDK_* environment variables are used from now on.')
      : vscode.l10n.t('Credentials forgotten.'),
  );
}
