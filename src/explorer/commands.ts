import * as vscode from 'vscode';
import type { BackupExplorer } from './backupExplorer';
import type { ExplorerNode } from './nodes';
import { COMMANDS } from '../commands/commandIds';

/** The tree's own commands (docs/SPEC.md §2): Refresh, Refresh (one node), Load More, Load All. */
export function registerExplorerCommands(context: vscode.ExtensionContext, explorer: BackupExplorer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.refresh, () => explorer.refresh({ keepPages: true })),
    vscode.commands.registerCommand(COMMANDS.refreshNode, (node?: ExplorerNode) => explorer.refreshNode(node)),
    vscode.commands.registerCommand(COMMANDS.loadMore, (node?: ExplorerNode) => node && explorer.loadMore(node)),
    vscode.commands.registerCommand(COMMANDS.loadAll, (node?: ExplorerNode) => node && explorer.loadAll(node)),
  );
}
