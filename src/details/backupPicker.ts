import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import { formatRelative, statusLabel, typeLabel } from '../cloud/format';
import { CloudError } from '../cloud/http/errors';
import type { Backup, Instance } from '../cloud/model';
import { adapterFor } from '../cloud/services/registry';

/** How many instances and backups the palette flow lists (one request each). */
const PICK_LIMIT = 100;

/**
 * "Show Backup Details" from the palette: service → instance → backup, one request per step. The
 * steps stay open when focus moves (a panel finishing its load must not close a list still loading).
 * Resolves undefined when the user cancels; shows API errors and resolves undefined.
 */
export async function pickBackup(connection: CloudConnection): Promise<Backup | undefined> {
  try {
    const service = await vscode.window.showQuickPick(
      connection.settings().services.map((id) => ({ label: adapterFor(id).label, id })),
      { title: vscode.l10n.t('Show Backup Details ({0}/{1})', 1, 3), placeHolder: vscode.l10n.t('Service'), ignoreFocusOut: true },
    );
    if (!service) return undefined;
    const adapter = adapterFor(service.id);
    const ctx = await connection.adapterContext();
    const instances = adapter.listInstances(ctx, { limit: PICK_LIMIT }).then((page) =>
      page.items.map((instance: Instance) => ({
        label: instance.name,
        description: instance.description,
        detail: instance.id,
        instance,
      })),
    );
    const instance = await vscode.window.showQuickPick(instances, {
      title: vscode.l10n.t('Show Backup Details ({0}/{1})', 2, 3),
      placeHolder: vscode.l10n.t('{0} (first {1})', adapter.instanceNoun.one, PICK_LIMIT),
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    if (!instance) return undefined;
    const backups = adapter.listBackups(ctx, instance.instance, { limit: PICK_LIMIT }).then((page) =>
      page.items.map((backup) => ({
        label: backup.name,
        description: [
          statusLabel(backup.status, backup.rawStatus),
          typeLabel(backup.type, backup.rawType),
          backup.start.instant !== undefined ? formatRelative(backup.start.instant) : undefined,
        ]
          .filter(Boolean)
          .join(' · '),
        detail: backup.id,
        backup,
      })),
    );
    const picked = await vscode.window.showQuickPick(backups, {
      title: vscode.l10n.t('Show Backup Details ({0}/{1})', 3, 3),
      placeHolder: vscode.l10n.t('Backup of {0} (newest {1})', instance.instance.name, PICK_LIMIT),
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    return picked?.backup;
  } catch (error) {
    const detail =
      error instanceof CloudError
        ? [error.code, error.message, error.requestId && vscode.l10n.t('request id {0}', error.requestId)].filter(Boolean).join(' · ')
        : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not list backups: {0}', detail));
    return undefined;
  }
}
