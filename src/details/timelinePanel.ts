import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import type { Backup, BackupFilter, Instance } from '../cloud/model';
import { adapterFor } from '../cloud/services/registry';
import { instanceStub, listInstanceBackups } from './fetching';
import type { DetailsError } from './html/details';
import { renderTimelineHtml, type TimelineInstanceRef } from './html/timeline';
import { parseTimelineState } from './state';
import { DAY_MS, type TimeRange } from '../domain/timelineAnalysis';
import { toDetailsError } from './detailsError';
import { PanelSet, tellPanel, wirePanel } from './panelSet';
import type { PanelMessage } from './protocol';
import { webviewResources } from './webviewResources';
import { nodeArgument } from '../commands/commandArgs';
import { COMMANDS } from '../commands/commandIds';

export const TIMELINE_VIEW_TYPE = 'hwcBackups.timeline';

/** The timeline draws at most this many backups (the newest ones). */
const TIMELINE_MAX_BACKUPS = 2000;
const DEFAULT_RANGE_MS = 30 * DAY_MS;

export interface TimelineDeps {
  readonly connection: CloudConnection;
  /** The tree's filter; only its time range is used. */
  readonly filter?: { get(): BackupFilter | undefined };
}

/** One timeline panel per instance; opening it again reveals and reloads it. */
export class TimelinePanels extends PanelSet<TimelinePanel> {
  constructor(
    extensionUri: vscode.Uri,
    private readonly deps: TimelineDeps,
  ) {
    super(TIMELINE_VIEW_TYPE, extensionUri, (panel) => keyOf(panel.instance.service, panel.instance.id, panel.scopeKey));
  }

  /** The timeline of `instance` in the scope `scopeKey` (the default one when absent). */
  open(instance: Instance, scopeKey?: string): void {
    const fixedRange = this.deps.filter?.get()?.timeRange;
    const existing = this.find(keyOf(instance.service, instance.id, scopeKey));
    if (existing) {
      existing.panel.reveal();
      void existing.load(fixedRange);
      return;
    }
    this.track(new TimelinePanel(this.create(titleOf(instance.name)), this.extensionUri, this.deps, instance, fixedRange, scopeKey));
  }

  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const saved = parseTimelineState(state);
    if (!this.adopt(panel, saved)) return;
    const { service, id, name } = saved.instance;
    const instance = instanceStub(service, id, name);
    this.track(new TimelinePanel(panel, this.extensionUri, this.deps, instance, saved.fixedRange, saved.scopeKey));
  }
}

const keyOf = (service: string, instanceId: string, scopeKey: string | undefined) => JSON.stringify([scopeKey, service, instanceId]);
const titleOf = (name: string) => vscode.l10n.t('Timeline: {0}', name);

class TimelinePanel {
  private backups?: readonly Backup[];
  private truncatedAt?: number;
  private fetchedAt?: number;
  private error?: DetailsError;
  private range: TimeRange;
  private loading?: AbortController;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly deps: TimelineDeps,
    readonly instance: Instance,
    private fixedRange: TimeRange | undefined,
    readonly scopeKey?: string,
  ) {
    this.range = fixedRange ?? rollingRange();
    panel.title = titleOf(instance.name);
    wirePanel(
      panel,
      extensionUri,
      (message) => this.handle(message),
      () => this.close(),
    );
    void this.load(fixedRange);
  }

  /** (Re)loads the instance's backups; the last good list stays on screen if this fails. */
  async load(fixedRange: TimeRange | undefined = this.fixedRange): Promise<void> {
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    this.fixedRange = fixedRange;
    this.range = fixedRange ?? rollingRange();
    // The first load shows a loading page; later ones keep the last chart while they run.
    if (this.backups === undefined) this.render();
    else tellPanel(this.panel, { type: 'busy' });
    try {
      const ctx = await this.deps.connection.contextFor(this.scopeKey, controller.signal);
      const result = await listInstanceBackups(adapterFor(this.instance.service), ctx, this.instance, this.range, {
        pageSize: this.deps.connection.settings().pageSize,
        maxBackups: TIMELINE_MAX_BACKUPS,
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      this.backups = result.backups;
      this.truncatedAt = result.truncatedAt;
      this.fetchedAt = Date.now();
      this.error = undefined;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = toDetailsError(error, Date.now());
      this.backups ??= [];
    } finally {
      if (this.loading === controller) this.loading = undefined;
    }
    this.render();
  }

  private render(): void {
    if (this.disposed) return;
    const ref: TimelineInstanceRef = { service: this.instance.service, id: this.instance.id, name: this.instance.name };
    this.panel.webview.html = renderTimelineHtml({
      instance: ref,
      serviceLabel: adapterFor(this.instance.service).label,
      range: this.range,
      fixedRange: this.fixedRange,
      scopeKey: this.scopeKey,
      backups: this.backups,
      truncatedAt: this.truncatedAt,
      fetchedAt: this.fetchedAt,
      error: this.error,
      resources: webviewResources(this.panel.webview, this.extensionUri),
    });
  }

  /** The user closed the panel: stop any fetch and never render again. */
  private close(): void {
    this.disposed = true;
    this.loading?.abort();
  }

  private async handle(message: PanelMessage): Promise<void> {
    if (message.type === 'refresh') return this.load();
    if (message.type === 'findRestorePoint') {
      await vscode.commands.executeCommand(COMMANDS.findRestorePoint, nodeArgument({ instance: this.instance }, this.scopeKey));
      return;
    }
    if (message.type !== 'open' || !message.backupId) return;
    const backup = this.backups?.find((candidate) => candidate.id === message.backupId);
    // In this panel's scope, so the detail panel asks the same connection and region.
    if (backup) await vscode.commands.executeCommand(COMMANDS.openDetails, nodeArgument({ backup }, this.scopeKey));
  }
}

function rollingRange(): TimeRange {
  const to = Date.now();
  return { from: to - DEFAULT_RANGE_MS, to };
}
