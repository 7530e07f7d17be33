import * as path from 'path';
import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import { filterSummary } from '../cloud/format';
import type { Instance } from '../cloud/model';
import type { ServiceAdapter } from '../cloud/services/adapter';
import { adapterFor } from '../cloud/services/registry';
import type { BackupExplorer } from '../explorer/backupExplorer';
import type { FilterState } from '../explorer/filterState';
import { fetchInstanceBackups } from '../domain/backupScan';
import { describeError, isCancellation } from '../domain/errorText';
import { defaultExportName, exportFormatOf, serialiseBackups, type ExportOrigin } from '../domain/exportFormat';
import { DEFAULT_CONNECTION_ID } from '../auth/connectionProfiles';
import { pickInstance } from './instancePicker';
import { instanceOfNode, scopeKeyOfNode } from './commandArgs';

export interface ExportDeps {
  readonly connection: CloudConnection;
  readonly explorer: Pick<BackupExplorer, 'loadedInstances'>;
  readonly filter: Pick<FilterState, 'get'>;
}

/** An export stops here rather than filling memory; the message says when it did. */
const MAX_EXPORT_RECORDS = 100_000;
const EXPORT_CONCURRENCY = 4;
/** The largest page every backup API accepts. */
const EXPORT_PAGE_SIZE = 100;

/**
 * Export Backups…: every backup of one instance that matches the current filter, to CSV or JSON.
 * The save dialog comes first, so the possibly long fetch is the last thing the user waits for.
 */
export async function exportBackups(deps: ExportDeps, arg?: unknown, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const fromNode = instanceOfNode(arg);
  const picked = fromNode ? undefined : await pickInstance(deps.connection, deps.explorer, vscode.l10n.t('Export Backups'));
  const chosen = fromNode ? { adapter: adapterFor(fromNode.service), instance: fromNode } : picked;
  if (!chosen) return undefined;
  const { adapter, instance } = chosen;
  const scopeKey = picked ? picked.scope.key : scopeKeyOfNode(arg);

  const scope = await deps.connection.scopeOf(scopeKey);
  const region = scope?.region ?? deps.connection.settings().region;
  const uri = target ?? (await askForFile(adapter, instance, region));
  if (!uri) return undefined;
  const filter = deps.filter.get();

  let fetched;
  let origin: ExportOrigin | undefined;
  try {
    fetched = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Exporting backups of {0}', instance.name),
        cancellable: true,
      },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        const ctx = await deps.connection.contextFor(scopeKey, abort.signal);
        origin = { region, projectId: ctx.projectId, connection: scope?.connectionName ?? DEFAULT_CONNECTION_ID };
        return fetchInstanceBackups(
          ctx,
          adapter,
          instance,
          filter,
          { pageSize: EXPORT_PAGE_SIZE, concurrency: EXPORT_CONCURRENCY, maxRecords: MAX_EXPORT_RECORDS },
          {
            signal: abort.signal,
            onProgress: (done, total) =>
              progress.report({
                message: total !== undefined ? vscode.l10n.t('{0} of {1} records', done, total) : vscode.l10n.t('{0} records', done),
              }),
          },
        );
      },
    );
  } catch (error) {
    if (isCancellation(error)) vscode.window.setStatusBarMessage(vscode.l10n.t('Export cancelled; nothing was written.'), 5000);
    else void vscode.window.showErrorMessage(vscode.l10n.t('Export failed, nothing was written: {0}', describeError(error)));
    return undefined;
  }

  const format = exportFormatOf(uri.path);
  try {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(serialiseBackups(fetched.backups, format, origin), 'utf8'));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', uri.fsPath, describeError(error)));
    return undefined;
  }

  const notes = [
    filter ? vscode.l10n.t('filter: {0}', filterSummary(filter)) : undefined,
    fetched.invalid ? vscode.l10n.t('{0} invalid records skipped', fetched.invalid) : undefined,
    fetched.cut ? vscode.l10n.t('stopped after {0} records', MAX_EXPORT_RECORDS) : undefined,
  ].filter(Boolean);
  const file = path.basename(uri.path);
  const message = notes.length
    ? vscode.l10n.t(
        'Exported {0} backups of {1} to {2} ({3}).',
        fetched.backups.length,
        instance.name,
        file,
        notes.join(vscode.l10n.t('; ')),
      )
    : vscode.l10n.t('Exported {0} backups of {1} to {2}.', fetched.backups.length, instance.name, file);
  const open = vscode.l10n.t('Open File');
  void (fetched.cut ? vscode.window.showWarningMessage(message, open) : vscode.window.showInformationMessage(message, open)).then(
    (choice) => {
      if (choice === open) void vscode.window.showTextDocument(uri);
    },
  );
  return uri;
}

async function askForFile(adapter: ServiceAdapter, instance: Instance, region: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = defaultExportName(adapter.id, instance.name, region, new Date());
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export backups of {0}', instance.name),
    saveLabel: vscode.l10n.t('Export'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { [vscode.l10n.t('CSV (spreadsheets)')]: ['csv'], [vscode.l10n.t('JSON (normalised and raw records)')]: ['json'] },
  });
}
