import * as vscode from 'vscode';
import { CloudConnection } from './auth/connection';
import { configureLocale } from './cloud/locale';
import { registerCommands, type ScriptedCommands } from './commands';
import { registerDetails } from './details';
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
}

export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  activationMarks.called = performance.now();
  configureLocale({ language: vscode.env.language, bundle: vscode.l10n.bundle });
  const log = vscode.window.createOutputChannel('Huawei Cloud Backups', { log: true });
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
  registerDetails(context, { connection, filter, revealInTree: (locator) => explorer.reveal(locator) });

  activationMarks.returned = performance.now();
  return apiForTests({ connection, filter, explorer, treeView, scripted, activation: activationMarks });
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
