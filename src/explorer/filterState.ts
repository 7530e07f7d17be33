import * as vscode from 'vscode';
import { isEmptyFilter, resolveFilter, type BackupFilter } from '../cloud/model';
import { sanitizeFilter } from './storedFilter';

const STORAGE_KEY = 'hwcBackups.filter';
const CONTEXT_KEY = 'hwcBackups.filterActive';

/**
 * The backup filter of this workspace (docs/SPEC.md §5): one for the whole tree, kept in workspaceState
 * so it survives a reload, and mirrored in the `hwcBackups.filterActive` context key that shows
 * the Clear Filter button. A preset range ("last 7 days") is kept as the preset and gets fresh
 * bounds every time the filter is read, so it still means the last 7 days a week later.
 */
export class FilterState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange: vscode.Event<void> = this.changed.event;
  /** The filter as the user chose it; preset ranges carry the bounds of when they were chosen. */
  private current: BackupFilter | undefined;

  constructor(private readonly storage: vscode.Memento) {
    this.current = sanitizeFilter(storage.get<unknown>(STORAGE_KEY), Date.now());
    void setContextKey(!isEmptyFilter(this.current));
  }

  /** The active filter as of now, for a request or a summary; undefined when none. */
  get(): BackupFilter | undefined {
    return resolveFilter(this.current, Date.now());
  }

  /** Replaces the filter; an empty filter clears it. A preset range is stored with its preset. */
  async set(filter: BackupFilter | undefined): Promise<void> {
    const next = isEmptyFilter(filter) ? undefined : filter;
    this.current = next;
    await this.storage.update(STORAGE_KEY, next);
    await setContextKey(next !== undefined);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function setContextKey(active: boolean): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', CONTEXT_KEY, active);
}
