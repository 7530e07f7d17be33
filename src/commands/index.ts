import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import type { BackupExplorer } from '../explorer/backupExplorer';
import type { FilterState } from '../explorer/filterState';
import {
  addConnection,
  importConnections,
  removeConnection,
  renameConnection,
  selectRegions,
  selectConnections,
  type ImportAnswers,
  type ImportSources,
} from './connections';
import { copyConsoleLink, openInConsole } from './console';
import { copyBackupId } from './copyId';
import { clearCredentials, setCredentials } from './credentials';
import { exportBackups } from './exportBackups';
import { filterBackups } from './filter';
import { findBackup } from './findBackup';
import { selectRegion } from './region';
import { showFailedBackups } from './showFailed';
import { COMMANDS } from './commandIds';

export interface CommandDeps {
  readonly connection: CloudConnection;
  readonly explorer: BackupExplorer;
  readonly filter: FilterState;
}

/** Commands with what the person would type or pick given up front, for the host tests only (testAccess.ts). */
export interface ScriptedCommands {
  findBackup(backupId: string): Promise<void>;
  exportBackups(node: unknown, target: vscode.Uri): Promise<vscode.Uri | undefined>;
  importConnections(answers: ImportAnswers, from: ImportSources): Promise<string[]>;
}

/**
 * The palette and menu commands of docs/SPEC.md §2 that are not the tree's own (those are in
 * explorer/commands.ts) nor the detail panel's (details/index.ts).
 */
export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): ScriptedCommands {
  const { connection, filter } = deps;
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.setCredentials, () => setCredentials(connection)),
    vscode.commands.registerCommand(COMMANDS.clearCredentials, () => clearCredentials(connection)),
    vscode.commands.registerCommand(COMMANDS.selectRegion, () => selectRegion(connection)),
    vscode.commands.registerCommand(COMMANDS.filter, () => filterBackups(filter)),
    vscode.commands.registerCommand(COMMANDS.clearFilter, () => filter.set(undefined)),
    vscode.commands.registerCommand(COMMANDS.copyId, (node?: unknown) => copyBackupId(node)),
    vscode.commands.registerCommand(COMMANDS.findBackup, () => findBackup(deps)),
    vscode.commands.registerCommand(COMMANDS.exportBackups, (node?: unknown) => exportBackups(deps, node)),
    vscode.commands.registerCommand(COMMANDS.showFailed, () => showFailedBackups(deps)),
    vscode.commands.registerCommand(COMMANDS.showLog, () => connection.showLog()),
    vscode.commands.registerCommand(COMMANDS.addConnection, () => addConnection(connection)),
    vscode.commands.registerCommand(COMMANDS.importConnections, () => importConnections(connection)),
    vscode.commands.registerCommand(COMMANDS.removeConnection, (node?: unknown) => removeConnection(connection, node)),
    vscode.commands.registerCommand(COMMANDS.renameConnection, (node?: unknown) => renameConnection(connection, node)),
    vscode.commands.registerCommand(COMMANDS.selectRegions, (node?: unknown) => selectRegions(connection, node)),
    vscode.commands.registerCommand(COMMANDS.selectConnections, () => selectConnections(connection)),
    vscode.commands.registerCommand(COMMANDS.openInConsole, (node?: unknown) => openInConsole(node, connection.settings())),
    vscode.commands.registerCommand(COMMANDS.copyConsoleLink, (node?: unknown) => copyConsoleLink(node, connection.settings())),
  );
  return {
    findBackup: (backupId) => findBackup(deps, backupId),
    exportBackups: (node, target) => exportBackups(deps, node, target),
    importConnections: (answers, from) => importConnections(connection, answers, from),
  };
}
