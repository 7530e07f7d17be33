import * as vscode from 'vscode';
import { backupOfNode } from './commandArgs';

/** Copy Backup ID (backup node context menu). */
export async function copyBackupId(arg: unknown): Promise<void> {
  const backup = backupOfNode(arg);
  if (!backup) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Copy Backup ID works on a backup in the Backups view: right-click one.'));
    return;
  }
  await vscode.env.clipboard.writeText(backup.id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied backup ID {0}', backup.id), 4000);
}
