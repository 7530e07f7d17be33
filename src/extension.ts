import * as vscode from 'vscode';
import { CloudConnection } from './auth/connection';
import { configureLocale } from './cloud/locale';
import { registerCommands, type ScriptedCommands } from './commands';
import { registerDetails, type PanelCommands } from './details';
import { BackupHealth } from './commands/healthScan';
import { HealthDecorations } from './explorer/healthDecorations';
import { BackupExplorer } from './explorer/backupExplorer';
import { registerExplorerCommands } from './explorer/commands';
import { FilterState } from './explorer/filterState';
import type { ExplorerNode } from './explorer/nodes';
import { activationMarks, apiForTests, type ActivationMarks } from './testAccess';

/** The live objects the real-host tests drive; `activate` returns them only to the test runners (testAccess.ts). */
export interface ExtensionApi {
  readonly connection: CloudConnection;
  readonly filter: FilterState;
  readonly explorer: BackupExplorer;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly scripted: ScriptedCommands;
  readonly activation: ActivationMarks;
  /** Find Restore Point… and Show Backup Health with their answers. */
  readonly panels: PanelCommands;
  /** The health scan's clock and last report (tests set the clock to the emulator's anchor). */
  readonly health: BackupHealth;
  readonly decorations: HealthDecorations;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  activationMarks.called = performance.now();
  configureLocale({ language: vscode.env.language, bundle: vscode.l10n.bundle });
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Huawei Cloud Backups'), { log: true });
  const connection = new CloudConnection(context, log);
  const filter = new FilterState(context.workspaceState);
  const explorer = new BackupExplorer(connection, filter, log);
  const treeView = vscode.window.createTreeView('hwcBackups.explorer', {
    treeDataProvider: explorer,
    showCollapseAll: true,
    canSelectMany: false,
  });
  explorer.attachView(treeView);
  context.subscriptions.push(log, connection, filter, explorer, treeView);

  registerExplorerCommands(context, explorer);
  const scripted = registerCommands(context, { connection, explorer, filter });
  const health = new BackupHealth(connection);
  const decorations = new HealthDecorations(connection, health, explorer);
  context.subscriptions.push(health, decorations);
  const panels = registerDetails(context, {
    connection,
    filter,
    explorer,
    health,
    revealInTree: (locator) => explorer.reveal(locator),
  });

  activationMarks.returned = performance.now();
  return apiForTests({ connection, filter, explorer, treeView, scripted, panels, health, decorations, activation: activationMarks });
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
