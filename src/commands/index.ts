import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import type { BackupExplorer } from '../explorer/backupExplorer';
import type { FilterState } from '../explorer/filterState';
import { copyBackupId } from './copyId';
import { clearCredentials, setCredentials } from './credentials';
import { exportBackups } from './exportBackups';
import { filterBackups } from './filter';
import { findBackup } from './findBackup';
import { selectRegion } from './region';
import { showFailedBackups } from './showFailed';

export interface CommandDeps {
  readonly connection: CloudConnection;
  readonly explorer: BackupExplorer;
  readonly filter: FilterState;
}

/**
 * The palette and menu commands of docs/SPEC.md §2 that are not the tree's own (those are in
 * explorer/commands.ts) nor the detail panel's (details/index.ts).
 */
export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const { connection, filter } = deps;
  context.subscriptions.push(
    vscode.commands.registerCommand('hwcBackups.setCredentials', () => setCredentials(connection)),
    vscode.commands.registerCommand('hwcBackups.clearCredentials', () => clearCredentials(connection)),
    vscode.commands.registerCommand('hwcBackups.selectRegion', () => selectRegion(connection)),
    vscode.commands.registerCommand('hwcBackups.filter', () => filterBackups(filter)),
    vscode.commands.registerCommand('hwcBackups.clearFilter', () => filter.set(undefined)),
    vscode.commands.registerCommand('hwcBackups.copyId', (node?: unknown) => copyBackupId(node)),
    // Optional argument: the backup id to look for (skips the input box).
    vscode.commands.registerCommand('hwcBackups.findBackup', (id?: unknown) => findBackup(deps, id)),
    // Optional second argument: the file to write (skips the save dialog).
    vscode.commands.registerCommand('hwcBackups.exportBackups', (node?: unknown, target?: unknown) => exportBackups(deps, node, target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand('hwcBackups.showFailed', () => showFailedBackups(deps)),
    vscode.commands.registerCommand('hwcBackups.showLog', () => connection.showLog()),
  );
}
