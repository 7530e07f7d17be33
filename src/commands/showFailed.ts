import * as vscode from 'vscode';
import { coverageDetail, scopedCoverage } from './coverageText';
import type { CloudConnection } from '../auth/connection';
import { errorSummary, formatRelative } from '../cloud/format';
import { TIME_RANGE_PRESET_DURATIONS, type Backup } from '../cloud/model';
import { formatTime } from '../cloud/timeFormat';
import type { BackupExplorer } from '../explorer/backupExplorer';
import { DEFAULT_SCAN_LIMITS, scanMatchingBackups, searchScopes, type MatchResult, type ScopeOutcome } from '../domain/backupScan';
import { scopeLabel, type Scope } from '../domain/scope';
import { describeError, isCancellation } from '../domain/errorText';
import { enabledAdapters } from './findBackup';
import { pickStep } from './quickInput';
import { COMMANDS } from './commandIds';

export interface ShowFailedDeps {
  readonly connection: CloudConnection;
  readonly explorer: Pick<BackupExplorer, 'reveal'>;
}

const TITLE = vscode.l10n.t('Show Failed Backups');

type RangeItem = vscode.QuickPickItem & { readonly duration?: number };
const RANGE_ITEMS: readonly RangeItem[] = [
  { label: vscode.l10n.t('Last 24 hours'), duration: TIME_RANGE_PRESET_DURATIONS.last24h },
  { label: vscode.l10n.t('Last 7 days'), duration: TIME_RANGE_PRESET_DURATIONS.last7d },
  { label: vscode.l10n.t('Last 30 days'), duration: TIME_RANGE_PRESET_DURATIONS.last30d },
  { label: vscode.l10n.t('Any time'), description: vscode.l10n.t('slowest: scans whole lists (bounded)') },
];

type ResultItem = vscode.QuickPickItem & { readonly backup?: Backup; readonly scope?: Scope; readonly coverage?: true };

/** One quick-pick row per failed backup: name, where, when, and the error code. */
export function failedBackupItem(backup: Backup, now: number, scope?: Scope): ResultItem {
  const when =
    backup.start.instant !== undefined
      ? `${formatTime(backup.start.instant, 'YYYY-MM-DD HH:mm')} (${formatRelative(backup.start.instant, now)})`
      : String(backup.start.raw ?? vscode.l10n.t('no start time'));
  const error = errorSummary(backup.errorCode, backup.errorMessage);
  return {
    label: `$(error) ${backup.name || backup.id}`,
    description: `${scope ? `${scopeLabel(scope)} · ` : ''}${backup.service.toUpperCase()} · ${backup.instanceName ?? backup.instanceId} · ${when}`,
    detail: error || vscode.l10n.t('status {0}', backup.rawStatus),
    backup,
    scope,
  };
}

/**
 * Show Failed Backups…: which services and how far back, a bounded scan (server-side status
 * filters where the API has one), then a pick list; picking reveals the backup and opens its details.
 */
export async function showFailedBackups(deps: ShowFailedDeps): Promise<void> {
  const adapters = enabledAdapters(deps.connection);
  let step = 1;
  let services = adapters;
  let duration: number | undefined;
  // Quick picks match selected items by identity, so the items are built once.
  const serviceItems = adapters.map((adapter) => ({ label: adapter.label, adapter }));
  while (step <= 2) {
    if (step === 1) {
      const picked = await pickStep({
        title: TITLE,
        step: 1,
        totalSteps: 2,
        canSelectMany: true,
        placeholder: vscode.l10n.t('Services to scan (Enter continues)'),
        items: serviceItems,
        selected: serviceItems.filter((item) => services.includes(item.adapter)),
      });
      if (picked.kind !== 'value') return;
      services = picked.value.map((item) => item.adapter);
      if (!services.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Choose at least one service to scan.'));
        continue;
      }
      step = 2;
    } else {
      const picked = await pickStep({
        title: TITLE,
        step: 2,
        totalSteps: 2,
        back: true,
        placeholder: vscode.l10n.t('Failed in…'),
        items: RANGE_ITEMS,
      });
      if (picked.kind === 'cancel') return;
      if (picked.kind === 'back') {
        step = 1;
        continue;
      }
      duration = picked.value[0].duration;
      step = 3;
    }
  }

  const now = Date.now();
  let result: ScopeOutcome<MatchResult>[] | undefined;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Scanning for failed backups'), cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        const scopes = await deps.connection.scopes();
        const scanned = await searchScopes(
          scopes,
          (ctx, scope, signal) =>
            scanMatchingBackups(
              ctx,
              services,
              { statuses: ['failed'], ...(duration !== undefined ? { timeRange: { from: now - duration, to: now } } : {}) },
              DEFAULT_SCAN_LIMITS,
              {
                signal,
                onProgress: ({ service, recordsScanned }) =>
                  progress.report({
                    message: vscode.l10n.t(
                      '{0}: {1} backups examined…',
                      scopes.length > 1 ? `${scopeLabel(scope)} · ${service.toUpperCase()}` : service.toUpperCase(),
                      recordsScanned,
                    ),
                  }),
              },
            ),
          abort.signal,
        );
        return token.isCancellationRequested ? undefined : scanned;
      },
    );
  } catch (error) {
    if (isCancellation(error)) vscode.window.setStatusBarMessage(vscode.l10n.t('Show Failed Backups cancelled.'), 4000);
    else void vscode.window.showErrorMessage(vscode.l10n.t('Show Failed Backups failed: {0}', describeError(error)));
    return;
  }
  if (!result) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Show Failed Backups cancelled.'), 4000);
    return;
  }
  await presentResults(deps, result, now);
}

async function presentResults(deps: ShowFailedDeps, outcomes: readonly ScopeOutcome<MatchResult>[], now: number): Promise<void> {
  // With several connections or regions, every line and every result says which one it is about.
  const several = outcomes.length > 1;
  const { searched, notCovered } = scopedCoverage(outcomes);
  const matches = outcomes.flatMap(({ scope, value }) => (value?.matches ?? []).map((backup) => ({ backup, scope })));
  const detail = coverageDetail(searched, notCovered);
  if (!matches.length) {
    await vscode.window.showInformationMessage(
      notCovered.length ? vscode.l10n.t('No failed backups found in what could be searched.') : vscode.l10n.t('No failed backups found.'),
      { modal: true, detail },
    );
    return;
  }
  const items: ResultItem[] = matches.map(({ backup, scope }) => failedBackupItem(backup, now, several ? scope : undefined));
  if (notCovered.length) {
    items.push(
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: vscode.l10n.t('$(warning) The scan was incomplete — show what was not searched'), coverage: true },
    );
  }
  const picked = await pickStep({
    title: vscode.l10n.t('{0}: {1} found', TITLE, matches.length),
    placeholder: vscode.l10n.t('Pick one to reveal it in the tree and open its details'),
    matchOnDescription: true,
    items,
  });
  if (picked.kind !== 'value') return;
  const [item] = picked.value;
  if (item.coverage) {
    await vscode.window.showWarningMessage(vscode.l10n.t('The failed-backup scan was incomplete.'), {
      modal: true,
      detail,
    });
    return;
  }
  const backup = item.backup!;
  await deps.explorer.reveal({ service: backup.service, instanceId: backup.instanceId, backupId: backup.id, scopeKey: item.scope?.key });
  await vscode.commands.executeCommand(COMMANDS.openDetails, { backup, scope: item.scope });
}
