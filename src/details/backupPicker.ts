import * as vscode from 'vscode';
import { formatRelative, statusLabel, typeLabel } from '../cloud/format';
import type { Backup } from '../cloud/model';
import { describeError, isCancellation } from '../domain/errorText';
import { pickInstance, type PickedInstance, type PickerConnection, type PickerExplorer } from '../commands/instancePicker';
import { pickStep } from '../commands/quickInput';

/** How many of an instance's newest backups the palette flow lists (one request). */
const PICK_LIMIT = 100;

/**
 * "Show Backup Details" from the palette: (connection and region →) service → instance → backup.
 * Back from the backup list reopens the instance list. Resolves undefined when the user cancels or
 * a list fails (the failure is shown).
 */
export async function pickBackup(
  connection: PickerConnection,
  explorer: PickerExplorer,
): Promise<{ backup: Backup; scopeKey?: string } | undefined> {
  const title = vscode.l10n.t('Show Backup Details');
  for (let backTo: PickedInstance | undefined; ;) {
    const picked = await pickInstance(connection, explorer, title, 1, backTo);
    if (!picked) return undefined;
    backTo = picked;
    const backups = await newestBackups(picked);
    if (!backups) return undefined;
    const chosen = await pickStep({
      title,
      step: picked.nextStep,
      totalSteps: picked.nextStep,
      back: true,
      placeholder: vscode.l10n.t('Backup of {0} (newest {1})', picked.instance.name, PICK_LIMIT),
      matchOnDescription: true,
      items: backups.map((backup) => ({
        label: backup.name || backup.id,
        description: [
          statusLabel(backup.status, backup.rawStatus),
          typeLabel(backup.type, backup.rawType),
          backup.start.instant !== undefined ? formatRelative(backup.start.instant) : undefined,
          backup.id,
        ]
          .filter(Boolean)
          .join(' · '),
        backup,
      })),
    });
    if (chosen.kind === 'cancel') return undefined;
    if (chosen.kind === 'value') return { backup: chosen.value[0].backup, scopeKey: picked.scope.key };
  }
}

async function newestBackups({ adapter, instance, scope }: PickedInstance): Promise<readonly Backup[] | undefined> {
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing backups of {0}…', instance.name), cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        const ctx = await scope.adapterContext(abort.signal);
        return (await adapter.listBackups(ctx, instance, { limit: PICK_LIMIT, signal: abort.signal, skipTotal: true })).items;
      },
    );
  } catch (error) {
    if (!isCancellation(error)) void vscode.window.showErrorMessage(vscode.l10n.t('Could not list backups: {0}', describeError(error)));
    return undefined;
  }
}
