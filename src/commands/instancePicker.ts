import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import { fetchMatching } from '../cloud/paging';
import type { Instance } from '../cloud/model';
import type { ServiceAdapter } from '../cloud/services/adapter';
import type { BackupExplorer } from '../explorer/backupExplorer';
import { describeError, isCancellation } from '../domain/errorText';
import { scopeLabel, type Scope } from '../domain/scope';
import { enabledAdapters } from './findBackup';
import { pickStep } from './quickInput';
import { regionNames } from './regions';

/** Instances offered by the palette pickers; more than this needs the tree's context menu. */
const MAX_PICKER_INSTANCES = 500;

export interface PickedInstance {
  readonly adapter: ServiceAdapter;
  readonly instance: Instance;
  /** The connection and region it was picked in: its requests go there. */
  readonly scope: Scope;
  /** The number of the caller's next step ("n/total"). */
  readonly nextStep: number;
}

/** What the palette pickers read of the connection and the tree. */
export type PickerConnection = Pick<CloudConnection, 'scopes' | 'settings'>;
export type PickerExplorer = Pick<BackupExplorer, 'loadedInstances'>;

/**
 * Palette flow: the connection and region (only when the tree shows several), the service, then one
 * of its instances (the tree's loaded list in that scope, else fetched). `stepsAfter` counts the
 * caller's own steps that follow, so "n/total" reads right; Back from the first of them calls
 * again with `backTo`, the answer being gone back from, which reopens its instance list.
 */
export async function pickInstance(
  connection: PickerConnection,
  explorer: PickerExplorer,
  title: string,
  stepsAfter = 0,
  backTo?: PickedInstance,
): Promise<PickedInstance | undefined> {
  const scopes = await connection.scopes();
  if (!scopes.length) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('No connection is shown: Set Credentials…, Add Connection… or Show or Hide Connections… first.'),
    );
    return undefined;
  }
  const askScope = scopes.length > 1;
  const offset = askScope ? 1 : 0;
  const totalSteps = offset + 2 + stepsAfter;
  const adapters = enabledAdapters(connection);
  const resumed = backTo && scopes.find((candidate) => candidate.key === backTo.scope.key);
  let scope: Scope = resumed ?? scopes[0];
  let adapter: ServiceAdapter | undefined = resumed && backTo.adapter;
  for (let at: 'scope' | 'service' | 'instance' = resumed ? 'instance' : askScope ? 'scope' : 'service'; ;) {
    if (at === 'scope') {
      const picked = await pickStep({
        title,
        step: 1,
        totalSteps,
        placeholder: vscode.l10n.t('Connection and region'),
        matchOnDescription: true,
        items: scopes.map((candidate) => ({ label: scopeLabel(candidate), description: regionNames(candidate.region), scope: candidate })),
      });
      if (picked.kind !== 'value') return undefined;
      scope = picked.value[0].scope;
      at = 'service';
    } else if (at === 'service') {
      const picked = await pickStep({
        title,
        step: offset + 1,
        totalSteps,
        back: askScope,
        placeholder: vscode.l10n.t('Service'),
        items: adapters.map((candidate) => ({ label: candidate.label, adapter: candidate })),
      });
      if (picked.kind === 'cancel') return undefined;
      if (picked.kind === 'back') at = 'scope';
      else {
        adapter = picked.value[0].adapter;
        at = 'instance';
      }
    } else {
      const service = adapter!;
      const instances = await instancesOf(explorer, service, scope);
      if (instances === 'cancelled') return undefined;
      if (instances === 'failed') {
        // The error is shown; another connection or region may still answer.
        if (!askScope) return undefined;
        at = 'scope';
        continue;
      }
      if (!instances.length) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('{0} has no {1} in {2}.', service.label, service.instanceNoun.many, scopeLabel(scope)),
        );
        at = 'service';
        continue;
      }
      const picked = await pickStep({
        title,
        step: offset + 2,
        totalSteps,
        back: true,
        placeholder: vscode.l10n.t('{0} (type to filter by name or id)', service.instanceNoun.one),
        matchOnDescription: true,
        items: instances.map((instance) => ({
          label: instance.name,
          description: [instance.description, instance.id].filter(Boolean).join(' · '),
          instance,
        })),
      });
      if (picked.kind === 'cancel') return undefined;
      if (picked.kind === 'back') at = 'service';
      else return { adapter: service, instance: picked.value[0].instance, scope, nextStep: offset + 3 };
    }
  }
}

async function instancesOf(
  explorer: PickerExplorer,
  adapter: ServiceAdapter,
  scope: Scope,
): Promise<readonly Instance[] | 'cancelled' | 'failed'> {
  const loaded = explorer.loadedInstances(adapter.id, scope.key);
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
        const ctx = await scope.adapterContext(abort.signal);
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
    if (isCancellation(error)) return 'cancelled';
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Could not list {0} {1} in {2}: {3}',
        adapter.label,
        adapter.instanceNoun.many,
        scopeLabel(scope),
        describeError(error),
      ),
    );
    return 'failed';
  }
}
