import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import type { BackupFilter, Instance } from '../cloud/model';
import type { BackupExplorer, BackupLocator } from '../explorer/backupExplorer';
import type { BackupHealth } from '../commands/healthScan';
import { askRestoreTarget } from '../commands/findRestorePoint';
import type { RestorePointAnswer } from '../domain/findRestorePoint';
import type { HealthReport } from '../domain/health';
import { HEALTH_VIEW_TYPE, HealthPanels } from './healthPanel';
import { RESTORE_POINT_VIEW_TYPE, RestorePointPanels } from './restorePointPanel';
import { pickBackup } from './backupPicker';
import { pickInstance } from '../commands/instancePicker';
import { DETAILS_VIEW_TYPE, DetailsPanels } from './detailsPanel';
import { TIMELINE_VIEW_TYPE, TimelinePanels } from './timelinePanel';
import { backupOfNode, instanceOfNode, scopeKeyOfNode } from '../commands/commandArgs';
import { COMMANDS } from '../commands/commandIds';

export { DETAILS_VIEW_TYPE } from './detailsPanel';
export { TIMELINE_VIEW_TYPE } from './timelinePanel';
export { HEALTH_VIEW_TYPE, RESTORE_POINT_VIEW_TYPE };

export interface DetailsDependencies {
  readonly connection: CloudConnection;
  revealInTree(locator: BackupLocator): Promise<boolean>;
  /** The tree's filter, when the caller has one: the timeline uses its time range. */
  readonly filter?: { get(): BackupFilter | undefined };
  /** The tree's loaded instances, offered first by the instance picker. */
  readonly explorer: Pick<BackupExplorer, 'loadedInstances'>;
  readonly health: BackupHealth;
}

/** Find Restore Point… and Show Backup Health with the answers handed back, for the host tests (testAccess.ts). */
export interface PanelCommands {
  findRestorePoint(instance: Instance, moment: number): Promise<RestorePointAnswer | undefined>;
  showHealth(): Promise<HealthReport | undefined>;
}

/**
 * The backup detail panels and instance timelines: the hwcBackups.openDetails and
 * hwcBackups.showTimeline commands, Find Restore Point… and Show Backup Health, and the serializers
 * that bring all four kinds of panel back after a reload.
 */
export function registerDetails(context: vscode.ExtensionContext, deps: DetailsDependencies): PanelCommands {
  const details = new DetailsPanels(context.extensionUri, deps);
  const timelines = new TimelinePanels(context.extensionUri, deps);
  const restorePoints = new RestorePointPanels(context.extensionUri, deps.connection);
  const health = new HealthPanels(context.extensionUri, deps.health);
  context.subscriptions.push(
    details,
    timelines,
    restorePoints,
    health,
    vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => details.restore(panel, state),
    }),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => timelines.restore(panel, state),
    }),
    vscode.window.registerWebviewPanelSerializer(RESTORE_POINT_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => restorePoints.restore(panel, state),
    }),
    vscode.window.registerWebviewPanelSerializer(HEALTH_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => health.restore(panel, state),
    }),
    vscode.commands.registerCommand(COMMANDS.openDetails, async (arg?: unknown) => {
      const backup = backupOfNode(arg);
      if (backup) details.open(backup, scopeKeyOfNode(arg));
      else if (arg !== undefined) void vscode.window.showErrorMessage(vscode.l10n.t('Show Backup Details needs a backup.'));
      else {
        const picked = await pickBackup(deps.connection, deps.explorer);
        if (picked) details.open(picked.backup, picked.scopeKey);
      }
    }),
    vscode.commands.registerCommand(COMMANDS.showTimeline, async (arg?: unknown) => {
      const instance = instanceOfNode(arg);
      if (instance) timelines.open(instance, scopeKeyOfNode(arg));
      else if (arg !== undefined) void vscode.window.showErrorMessage(vscode.l10n.t('Show Backup Timeline needs an instance.'));
      else {
        const picked = await pickInstance(deps.connection, deps.explorer, vscode.l10n.t('Show Backup Timeline'));
        if (picked) timelines.open(picked.instance, picked.scope.key);
      }
    }),
    vscode.commands.registerCommand(COMMANDS.findRestorePoint, async (arg?: unknown) => {
      const target = await askRestoreTarget(deps, arg);
      if (target) await restorePoints.open(target.instance, target.moment, target.scopeKey);
    }),
    vscode.commands.registerCommand(COMMANDS.showHealth, async () => {
      await health.show();
    }),
  );
  return {
    findRestorePoint: (instance, moment) => restorePoints.open(instance, moment),
    showHealth: () => health.show(),
  };
}
