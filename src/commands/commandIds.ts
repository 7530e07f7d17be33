/**
 * Every command the extension contributes, by one name each: code refers to these, never to the
 * string. A unit test keeps them equal to package.json's `contributes.commands`.
 * The contract: a command receives the tree node it was invoked on (a menu or a click: an object
 * with `backup` or `instance`), or nothing (the palette); commandArgs.ts reads it.
 */
export const COMMANDS = {
  setCredentials: 'hwcBackups.setCredentials',
  clearCredentials: 'hwcBackups.clearCredentials',
  selectRegion: 'hwcBackups.selectRegion',
  refresh: 'hwcBackups.refresh',
  refreshNode: 'hwcBackups.refreshNode',
  filter: 'hwcBackups.filter',
  clearFilter: 'hwcBackups.clearFilter',
  loadMore: 'hwcBackups.loadMore',
  loadAll: 'hwcBackups.loadAll',
  openDetails: 'hwcBackups.openDetails',
  copyId: 'hwcBackups.copyId',
  findBackup: 'hwcBackups.findBackup',
  exportBackups: 'hwcBackups.exportBackups',
  showFailed: 'hwcBackups.showFailed',
  showLog: 'hwcBackups.showLog',
  showTimeline: 'hwcBackups.showTimeline',
  addConnection: 'hwcBackups.addConnection',
  importConnections: 'hwcBackups.importConnections',
  removeConnection: 'hwcBackups.removeConnection',
  renameConnection: 'hwcBackups.renameConnection',
  selectRegions: 'hwcBackups.selectRegions',
  selectConnections: 'hwcBackups.selectConnections',
  openInConsole: 'hwcBackups.openInConsole',
  copyConsoleLink: 'hwcBackups.copyConsoleLink',
  findRestorePoint: 'hwcBackups.findRestorePoint',
  showHealth: 'hwcBackups.showHealth',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
