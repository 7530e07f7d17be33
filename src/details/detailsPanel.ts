import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import type { Backup } from '../cloud/model';
import { adapterFor } from '../cloud/services/registry';
import type { BackupLocator } from '../explorer/backupExplorer';
import { refetchBackup } from './fetching';
import { renderDetailsHtml, type DetailsError } from './html/details';
import { parseDetailsState } from './state';
import { toDetailsError } from './detailsError';
import { PanelSet, tellPanel, wirePanel } from './panelSet';
import { COMMANDS } from '../commands/commandIds';
import type { PanelMessage } from './protocol';
import { webviewResources } from './webviewResources';

export const DETAILS_VIEW_TYPE = 'hwcBackups.details';

/** Refresh reads at most this many pages of an instance's list when the API cannot look up by id. */
export const REFRESH_MAX_PAGES = 20;

export interface DetailsDeps {
  readonly connection: CloudConnection;
  revealInTree(locator: BackupLocator): Promise<boolean>;
}

export function locatorOf(backup: Backup, scopeKey?: string): BackupLocator {
  return { service: backup.service, instanceId: backup.instanceId, backupId: backup.id, scopeKey };
}

function keyOf(locator: BackupLocator): string {
  return JSON.stringify([locator.scopeKey, locator.service, locator.instanceId, locator.backupId]);
}

/** One webview panel per backup (service + instance + backup id); opening it again reveals it. */
export class DetailsPanels extends PanelSet<DetailsPanel> {
  constructor(
    extensionUri: vscode.Uri,
    private readonly deps: DetailsDeps,
  ) {
    super(DETAILS_VIEW_TYPE, extensionUri, (panel) => keyOf(locatorOf(panel.backup, panel.scopeKey)));
  }

  /** Shows `backup` of the scope `scopeKey` (the default one when absent), reusing the panel already open for it. */
  open(backup: Backup, scopeKey?: string): void {
    const existing = this.find(keyOf(locatorOf(backup, scopeKey)));
    if (existing) {
      existing.show(backup, Date.now());
      existing.panel.reveal();
      return;
    }
    this.track(new DetailsPanel(this.create(backup.name), this.extensionUri, this.deps, backup, Date.now(), scopeKey));
  }

  /** After a window reload: show the saved record at once, then fetch it again. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const saved = parseDetailsState(state);
    if (!this.adopt(panel, saved)) return;
    const restored = new DetailsPanel(panel, this.extensionUri, this.deps, saved.backup, saved.fetchedAt, saved.scopeKey);
    this.track(restored);
    void restored.refresh();
  }
}

class DetailsPanel {
  private error?: DetailsError;
  private refreshing?: AbortController;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly deps: DetailsDeps,
    public backup: Backup,
    private fetchedAt: number,
    readonly scopeKey: string | undefined,
  ) {
    wirePanel(
      panel,
      extensionUri,
      (message) => this.handle(message),
      () => this.close(),
    );
    this.render();
  }

  /** Newer data for the same backup (e.g. clicked again in the tree). */
  show(backup: Backup, receivedAt: number): void {
    this.backup = backup;
    this.fetchedAt = receivedAt;
    this.error = undefined;
    this.render();
  }

  async refresh(): Promise<void> {
    if (this.refreshing) return;
    const controller = new AbortController();
    this.refreshing = controller;
    tellPanel(this.panel, { type: 'busy' });
    try {
      const ctx = await this.deps.connection.contextFor(this.scopeKey, controller.signal);
      const outcome = await refetchBackup(
        adapterFor(this.backup.service),
        ctx,
        {
          service: this.backup.service,
          instanceId: this.backup.instanceId,
          instanceName: this.backup.instanceName,
          backupId: this.backup.id,
        },
        { pageSize: this.deps.connection.settings().pageSize, maxPages: REFRESH_MAX_PAGES, signal: controller.signal },
      );
      if (outcome.kind === 'found') {
        this.backup = outcome.backup;
        this.fetchedAt = Date.now();
        this.error = undefined;
      } else {
        const message = outcome.complete
          ? vscode.l10n.t('The API no longer lists this backup (it may have expired or been deleted).')
          : vscode.l10n.t('The backup was not among the first {0} backups of its instance; it may have been deleted.', outcome.scanned);
        this.error = { code: 'NOT_FOUND', message, at: Date.now() };
      }
    } catch (error) {
      this.error = toDetailsError(error, Date.now());
    } finally {
      this.refreshing = undefined;
    }
    this.render();
  }

  private render(): void {
    if (this.disposed) return;
    this.panel.title = this.backup.name;
    this.panel.webview.html = renderDetailsHtml({
      backup: this.backup,
      serviceLabel: adapterFor(this.backup.service).label,
      fetchedAt: this.fetchedAt,
      now: Date.now(),
      error: this.error,
      scopeKey: this.scopeKey,
      resources: webviewResources(this.panel.webview, this.extensionUri),
    });
  }

  /** The user closed the panel: stop any fetch and never render again. */
  private close(): void {
    this.disposed = true;
    this.refreshing?.abort();
  }

  private async handle(message: PanelMessage): Promise<void> {
    switch (message.type) {
      case 'refresh':
        return this.refresh();
      case 'copyId':
        await vscode.env.clipboard.writeText(this.backup.id);
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied backup ID {0}', this.backup.id), 3000);
        return;
      case 'copyJson':
        await vscode.env.clipboard.writeText(JSON.stringify(this.backup.raw, null, 2));
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the backup’s raw JSON'), 3000);
        return;
      case 'reveal': {
        const found = await this.deps.revealInTree(locatorOf(this.backup, this.scopeKey));
        if (!found)
          void vscode.window.showInformationMessage(
            vscode.l10n.t('"{0}" is not among the backups loaded in the tree (check the filter, or load more).', this.backup.name),
          );
        return;
      }
      case 'openInConsole':
        await vscode.commands.executeCommand(COMMANDS.openInConsole, {
          region: this.deps.connection.regionOf(this.scopeKey),
          service: this.backup.service,
          instanceId: this.backup.instanceId,
          backupId: this.backup.id,
        });
        return;
      default:
        return;
    }
  }
}
