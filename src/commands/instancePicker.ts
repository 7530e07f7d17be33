import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import { fetchMatching } from '../cloud/paging';
import type { Instance } from '../cloud/model';
import type { ServiceAdapter } from '../cloud/services/adapter';
import type { BackupExplorer } from '../explorer/backupExplorer';
import { describeError, isCancellation } from '../domain/errorText';
import { enabledAdapters } from './findBackup';
import { pickStep } from './quickInput';

/** Instances offered by the palette pickers; more than this needs the tree's context menu. */
const MAX_PICKER_INSTANCES = 500;

/** Palette flow: service, then one of its instances (the tree's loaded list, else fetched). */
export async function pickInstance(
  connection: CloudConnection,
  explorer: Pick<BackupExplorer, 'loadedInstances'>,
  title: string,
): Promise<{ adapter: ServiceAdapter; instance: Instance } | undefined> {
  const adapters = enabledAdapters(connection);
  for (;;) {
    const service = await pickStep({
      title,
      step: 1,
      totalSteps: 2,
      placeholder: 'Service',
      items: adapters.map((adapter) => ({ label: adapter.label, adapter })),
    });
    if (service.kind !== 'value') return undefined;
    const adapter = service.value[0].adapter;
    const instances = await instancesOf(connection, explorer, adapter);
    if (!instances) return undefined;
    if (!instances.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no {1} in this region.', adapter.label, adapter.instanceNoun.many));
      return undefined;
    }
    const picked = await pickStep({
      title,
      step: 2,
      totalSteps: 2,
      back: true,
      placeholder: vscode.l10n.t('{0} (type to filter by name or id)', adapter.instanceNoun.one),
      matchOnDescription: true,
      items: instances.map((instance) => ({
        label: instance.name,
        description: [instance.description, instance.id].filter(Boolean).join(' · '),
        instance,
      })),
    });
    if (picked.kind === 'cancel') return undefined;
    if (picked.kind === 'value') return { adapter, instance: picked.value[0].instance };
  }
}

async function instancesOf(
  connection: CloudConnection,
  explorer: Pick<BackupExplorer, 'loadedInstances'>,
  adapter: ServiceAdapter,
): Promise<readonly Instance[] | undefined> {
  const loaded = explorer.loadedInstances(adapter.id);
  if (loaded.length) return loaded;
  try {
    return await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Listing {0} {1}…', adapter.label, adapter.instanceNoun.many),
        cancellable: true,
      },
      async (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        const ctx = await connection.adapterContext(abort.signal);
        const page = await fetchMatching(
          (cursor) => adapter.listInstances(ctx, { cursor, limit: 100, signal: abort.signal }),
          undefined,
          MAX_PICKER_INSTANCES,
          MAX_PICKER_INSTANCES,
        );
        return page.items;
      },
    );
  } catch (error) {
    if (!isCancellation(error))
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Could not list {0} {1}: {2}', adapter.label, adapter.instanceNoun.many, describeError(error)),
      );
    return undefined;
  }
}
