import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import type { BackupFilter } from '../cloud/model';
import type { BackupLocator } from '../explorer/backupExplorer';
import { pickBackup } from './backupPicker';
import { DETAILS_VIEW_TYPE, DetailsPanels } from './detailsPanel';
import { TIMELINE_VIEW_TYPE, TimelinePanels } from './timelinePanel';
import { backupOfNode, instanceOfNode, scopeKeyOfNode } from '../commands/commandArgs';
import { COMMANDS } from '../commands/commandIds';

export { DETAILS_VIEW_TYPE } from './detailsPanel';
export { TIMELINE_VIEW_TYPE } from './timelinePanel';

export interface DetailsDependencies {
  readonly connection: CloudConnection;
  revealInTree(locator: BackupLocator): Promise<boolean>;
  /** The tree's filter, when the caller has one: the timeline uses its time range. */
  readonly filter?: { get(): BackupFilter | undefined };
}

/**
 * The backup detail panels and instance timelines: the hwcBackups.openDetails and
 * hwcBackups.showTimeline commands, and the serializers that bring both back after a reload.
 */
export function registerDetails(context: vscode.ExtensionContext, deps: DetailsDependencies): void {
  const details = new DetailsPanels(context.extensionUri, deps);
  const timelines = new TimelinePanels(context.extensionUri, deps);
  context.subscriptions.push(
    details,
    timelines,
    vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => details.restore(panel, state),
    }),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => timelines.restore(panel, state),
    }),
    vscode.commands.registerCommand(COMMANDS.openDetails, async (arg?: unknown) => {
      const backup = backupOfNode(arg) ?? (arg === undefined ? await pickBackup(deps.connection) : undefined);
      if (backup) details.open(backup, scopeKeyOfNode(arg));
      else if (arg !== undefined) void vscode.window.showErrorMessage(vscode.l10n.t('Show Backup Details needs a backup.'));
    }),
    vscode.commands.registerCommand(COMMANDS.showTimeline, (arg?: unknown) => {
      const instance = instanceOfNode(arg);
      if (instance) timelines.open(instance, scopeKeyOfNode(arg));
      else
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Show Backup Timeline works on an instance: right-click one in the Backups view.'),
        );
    }),
  );
}
