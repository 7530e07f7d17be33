import * as vscode from 'vscode';
import type { BackupExplorer } from './backupExplorer';
import type { ExplorerNode } from './nodes';

/** The tree's own commands (docs/SPEC.md §2): Refresh, Refresh (one node), Load More, Load All. */
export function registerExplorerCommands(context: vscode.ExtensionContext, explorer: BackupExplorer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('hwcBackups.refresh', () => explorer.refresh()),
    vscode.commands.registerCommand('hwcBackups.refreshNode', (node?: ExplorerNode) => explorer.refreshNode(node)),
    vscode.commands.registerCommand('hwcBackups.loadMore', (node?: ExplorerNode) => node && explorer.loadMore(node)),
    vscode.commands.registerCommand('hwcBackups.loadAll', (node?: ExplorerNode) => node && explorer.loadAll(node)),
  );
}
