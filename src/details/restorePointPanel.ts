import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import type { Instance } from '../cloud/model';
import { adapterFor } from '../cloud/services/registry';
import { findRestorePoint, type RestorePointAnswer } from '../domain/findRestorePoint';
import { isCancellation } from '../domain/errorText';
import { nodeArgument } from '../commands/commandArgs';
import { COMMANDS } from '../commands/commandIds';
import { toDetailsError } from './detailsError';
import type { DetailsError } from './html/details';
import { renderRestorePointHtml } from './html/restorePoint';
import { localTime } from './html/time';
import { instanceStub } from './fetching';
import { PanelSet, wirePanel } from './panelSet';
import { parseRestorePointState } from './state';
import type { PanelMessage } from './protocol';
import { webviewResources } from './webviewResources';

export const RESTORE_POINT_VIEW_TYPE = 'hwcBackups.restorePoint';

const keyOf = (instance: Pick<Instance, 'service' | 'id'>, scopeKey: string | undefined) =>
  JSON.stringify([scopeKey, instance.service, instance.id]);
const titleOf = (name: string) => vscode.l10n.t('Restore point: {0}', name);

/** One Find Restore Point… panel per instance; asking again (another moment) reuses it. */
export class RestorePointPanels extends PanelSet<RestorePointPanel> {
  constructor(
    extensionUri: vscode.Uri,
    private readonly connection: CloudConnection,
  ) {
    super(RESTORE_POINT_VIEW_TYPE, extensionUri, (panel) => keyOf(panel.instance, panel.scopeKey));
  }

  /**
   * Shows the panel of `instance` (in the scope `scopeKey`, the default one when absent) and answers
   * for `moment`; resolves with the answer (undefined when cancelled or failed).
   */
  open(instance: Instance, moment: number, scopeKey?: string): Promise<RestorePointAnswer | undefined> {
    let panel = this.find(keyOf(instance, scopeKey));
    if (panel) panel.panel.reveal();
    else {
      panel = new RestorePointPanel(this.create(titleOf(instance.name)), this.extensionUri, this.connection, instance, scopeKey);
      this.track(panel);
    }
    return panel.load(moment);
  }

  /** A panel VS Code brought back after a reload: asked again for the same moment. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const saved = parseRestorePointState(state);
    if (!this.adopt(panel, saved)) return;
    const { service, id, name } = saved.instance;
    const restored = new RestorePointPanel(panel, this.extensionUri, this.connection, instanceStub(service, id, name), saved.scopeKey);
    this.track(restored);
    void restored.load(saved.moment);
  }
}

class RestorePointPanel {
  private answer?: RestorePointAnswer;
  private error?: DetailsError;
  private moment = 0;
  private loading?: AbortController;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly connection: CloudConnection,
    readonly instance: Instance,
    readonly scopeKey: string | undefined,
  ) {
    wirePanel(
      panel,
      extensionUri,
      (message) => this.handle(message),
      () => this.close(),
    );
  }

  /** Answers for `moment` under a cancellable progress notification; the panel shows the search, then the answer. */
  async load(moment: number = this.moment): Promise<RestorePointAnswer | undefined> {
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    this.moment = moment;
    this.answer = undefined;
    this.error = undefined;
    this.render();
    const adapter = adapterFor(this.instance.service);
    try {
      const answer = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Finding the restore point of {0} for {1}', this.instance.name, localTime(moment)),
          cancellable: true,
        },
        async (_progress, token) => {
          const subscription = token.onCancellationRequested(() => controller.abort());
          try {
            const ctx = await this.connection.contextFor(this.scopeKey, controller.signal);
            return await findRestorePoint(ctx, adapter, this.instance, moment, { signal: controller.signal });
          } finally {
            subscription.dispose();
          }
        },
      );
      if (this.loading !== controller) return answer;
      this.answer = answer;
    } catch (error) {
      if (this.loading !== controller) return undefined;
      this.error = isCancellation(error)
        ? { code: 'CANCELLED', message: vscode.l10n.t('The search was cancelled. Refresh starts it again.'), at: Date.now() }
        : toDetailsError(error, Date.now());
    } finally {
      if (this.loading === controller) this.loading = undefined;
    }
    this.render();
    return this.answer;
  }

  private render(): void {
    if (this.disposed) return;
    this.panel.title = titleOf(this.instance.name);
    this.panel.webview.html = renderRestorePointHtml({
      instance: { service: this.instance.service, id: this.instance.id, name: this.instance.name },
      serviceLabel: adapterFor(this.instance.service).label,
      moment: this.moment,
      scopeKey: this.scopeKey,
      answer: this.answer,
      error: this.error,
      resources: webviewResources(this.panel.webview, this.extensionUri),
    });
  }

  private close(): void {
    this.disposed = true;
    this.loading?.abort();
  }

  private async handle(message: PanelMessage): Promise<void> {
    switch (message.type) {
      case 'refresh':
        await this.load();
        return;
      case 'findRestorePoint':
        await vscode.commands.executeCommand(COMMANDS.findRestorePoint, nodeArgument({ instance: this.instance }, this.scopeKey));
        return;
      case 'timeline':
        await vscode.commands.executeCommand(COMMANDS.showTimeline, nodeArgument({ instance: this.instance }, this.scopeKey));
        return;
      case 'open': {
        const backup = this.answer?.backups.find((candidate) => candidate.id === message.backupId);
        if (backup) await vscode.commands.executeCommand(COMMANDS.openDetails, nodeArgument({ backup }, this.scopeKey));
        return;
      }
      default:
        return;
    }
  }
}
