import * as vscode from 'vscode';
import { coverageDetail, scopedCoverage } from './coverageText';
import type { CloudConnection } from '../auth/connection';
import type { Backup } from '../cloud/model';
import { ADAPTERS } from '../cloud/services/registry';
import type { BackupExplorer } from '../explorer/backupExplorer';
import type { FilterState } from '../explorer/filterState';
import { DEFAULT_SCAN_LIMITS, findBackupById, searchScopes, type FindResult, type ScopeOutcome } from '../domain/backupScan';
import { scopeLabel, type Scope } from '../domain/scope';
import { describeError, isCancellation } from '../domain/errorText';
import { inputStep } from './quickInput';
import { COMMANDS } from './commandIds';

export interface FindDeps {
  readonly connection: CloudConnection;
  readonly explorer: Pick<BackupExplorer, 'reveal' | 'loadedBackups' | 'loadedInstances'>;
  readonly filter: Pick<FilterState, 'get' | 'set'>;
}

export function validateBackupId(value: string): string | undefined {
  const id = value.trim();
  if (!id) return vscode.l10n.t('Enter a backup id.');
  if (/\s/.test(id)) return vscode.l10n.t('Backup ids contain no spaces.');
  return undefined;
}

/** The enabled services' adapters, in tree order. */
export function enabledAdapters(connection: Pick<CloudConnection, 'settings'>) {
  const enabled = connection.settings().services;
  return ADAPTERS.filter((adapter) => enabled.includes(adapter.id));
}

/** A backup the tree already holds, and the scope it is shown in: found without a single request. */
function findLoaded(
  explorer: FindDeps['explorer'],
  scopes: readonly Scope[],
  services: readonly string[],
  backupId: string,
): { backup: Backup; scope: Scope } | undefined {
  for (const scope of scopes) {
    for (const adapter of ADAPTERS.filter((a) => services.includes(a.id))) {
      for (const instance of explorer.loadedInstances(adapter.id, scope.key)) {
        const backup = explorer.loadedBackups(adapter.id, instance.id, scope.key).find((candidate) => candidate.id === backupId);
        if (backup) return { backup, scope };
      }
    }
  }
  return undefined;
}

/**
 * Find Backup by ID…: the tree's loaded pages first, then server-side look-ups (RDS per instance,
 * DDS project-wide), then bounded scans, under a cancellable progress notification.
 */
export async function findBackup(deps: FindDeps, givenId?: string): Promise<void> {
  let backupId = givenId?.trim();
  if (!backupId) {
    const answer = await inputStep({
      title: vscode.l10n.t('Find Backup by ID'),
      prompt: vscode.l10n.t('Backup id, from any of the enabled services'),
      validate: validateBackupId,
    });
    if (answer.kind !== 'value') return;
    backupId = answer.value.trim();
  }
  const adapters = enabledAdapters(deps.connection);
  const scopes = await deps.connection.scopes();
  const loaded = findLoaded(
    deps.explorer,
    scopes,
    adapters.map((a) => a.id),
    backupId,
  );
  let found = loaded?.backup;
  let foundIn = loaded?.scope;
  let result: ScopeOutcome<FindResult>[] | undefined;
  if (!found) {
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Finding backup {0}', backupId), cancellable: true },
        async (progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          const outcomes = await searchScopes(
            scopes,
            (ctx, scope, signal) =>
              findBackupById(ctx, adapters, backupId!, DEFAULT_SCAN_LIMITS, {
                signal,
                onProgress: ({ service, recordsScanned }) =>
                  progress.report({
                    message: vscode.l10n.t(
                      'scanning {0}: {1} backups examined…',
                      scopes.length > 1 ? `${scopeLabel(scope)} · ${service.toUpperCase()}` : service.toUpperCase(),
                      recordsScanned,
                    ),
                  }),
              }),
            abort.signal,
            (outcome) => outcome.found !== undefined,
          );
          // A cancelled search that found nothing proves nothing; say so instead of "not found".
          return !outcomes.some((outcome) => outcome.value?.found) && token.isCancellationRequested ? undefined : outcomes;
        },
      );
    } catch (error) {
      if (isCancellation(error)) vscode.window.setStatusBarMessage(vscode.l10n.t('Find Backup by ID cancelled.'), 4000);
      else void vscode.window.showErrorMessage(vscode.l10n.t('Find Backup by ID failed: {0}', describeError(error)));
      return;
    }
    if (!result) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('Find Backup by ID cancelled.'), 4000);
      return;
    }
    const hit = result.find((outcome) => outcome.value?.found);
    found = hit?.value?.found;
    foundIn = hit?.scope;
  }
  // Where it came from is said only when the tree shows several connections or regions.
  if (found) await showFound(deps, found, foundIn, scopes.length > 1);
  else if (result) await showNotFound(backupId, result);
}

/** Reveals the backup, then offers its details; the notification does not hold the command open. */
async function showFound(deps: FindDeps, backup: Backup, scope: Scope | undefined, sayWhere: boolean): Promise<void> {
  const place = `${backup.service.toUpperCase()} ${backup.instanceName ?? backup.instanceId}`;
  const where = scope && sayWhere ? `${scopeLabel(scope)} · ${place}` : place;
  const locator = { service: backup.service, instanceId: backup.instanceId, backupId: backup.id, scopeKey: scope?.key };
  const revealed = await deps.explorer.reveal(locator);
  const details = vscode.l10n.t('Show Details');
  const clearFilter = vscode.l10n.t('Clear Filter and Reveal');
  const filtered = !revealed && deps.filter.get() !== undefined;
  const note = revealed
    ? ''
    : filtered
      ? vscode.l10n.t(' The current filter hides it in the tree.')
      : vscode.l10n.t(' It could not be shown in the tree (its list is too long to page through).');
  void vscode.window
    .showInformationMessage(
      vscode.l10n.t('Found backup "{0}" in {1}.{2}', backup.name, where, note),
      ...(filtered ? [details, clearFilter] : [details]),
    )
    .then(async (choice) => {
      if (choice === clearFilter) {
        await deps.filter.set(undefined);
        await deps.explorer.reveal(locator);
      }
      if (choice) await vscode.commands.executeCommand(COMMANDS.openDetails, { backup, scope });
    });
}

async function showNotFound(backupId: string, outcomes: readonly ScopeOutcome<FindResult>[]): Promise<void> {
  const { searched, notCovered } = scopedCoverage(outcomes);
  await vscode.window.showWarningMessage(vscode.l10n.t('No backup with id {0} was found.', backupId), {
    modal: true,
    detail: coverageDetail(searched, notCovered),
  });
}
