import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import { forEachConcurrently } from '../cloud/concurrency';
import { adapterFor } from '../cloud/services/registry';
import type { BackupHealth } from '../commands/healthScan';
import { assessBackups, DEFAULT_HEALTH_WINDOW_MS, scanInstance } from '../domain/health';
import { HEALTH_URI_SCHEME, HealthMarks, instancePath, type LoadedBackups, type ShownInstance } from './healthMarks';

export { instanceUri, serviceUri } from './healthUris';

/** Probes of visible instances running at once: they are a courtesy, the tree's own loads come first. */
const PROBE_CONCURRENCY = 2;
/** Backups a probe reads, as the health scan does. */
const PROBE_PAGE_SIZE = 100;

/** What the tree tells the decorations (BackupExplorer's events). */
export interface TreeHealthEvents {
  /** An instance node was drawn: probe it if nothing is known about it yet. */
  readonly onDidShowInstance: vscode.Event<ShownInstance>;
  readonly onDidLoadBackups: vscode.Event<LoadedBackups>;
}

/**
 * The tree's health badges (GitLens-style file decorations on the instance nodes, and counts on
 * the service, region and connection nodes above them):
 * filled from the last health scan, from the backups the tree has loaded, and, when
 * `hwcBackups.health.decorateTree` is on, from one probe of each visible instance's newest page.
 * Off: no decorations and no probes.
 */
export class HealthDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  readonly marks = new HealthMarks();
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private probes = new AbortController();
  private readonly probed = new Set<string>();
  private readonly queue: ShownInstance[] = [];
  private draining = false;
  private enabled: boolean;
  private maxBackupAgeHours: number;
  private scopeKey: string;

  constructor(
    private readonly connection: CloudConnection,
    private readonly health: BackupHealth,
    tree: TreeHealthEvents,
  ) {
    const settings = connection.healthSettings();
    this.enabled = settings.decorateTree;
    this.maxBackupAgeHours = settings.maxBackupAgeHours;
    this.scopeKey = this.currentScopeKey();
    this.disposables.push(
      vscode.window.registerFileDecorationProvider(this),
      health.onDidReport((report) => this.fire(this.marks.applyReport(report))),
      tree.onDidShowInstance((shown) => this.maybeProbe(shown)),
      tree.onDidLoadBackups(({ scopeKey, instance, backups, filtered }) => {
        if (filtered || backups.length === 0) return;
        const { findings } = assessBackups(backups, this.rules());
        this.fire(this.marks.applyFindings(scopeKey, instance.service, instance.id, findings, 'loaded'));
      }),
      connection.onDidChange(() => this.settingsChanged()),
    );
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== HEALTH_URI_SCHEME || !this.enabled) return undefined;
    const decoration = this.marks.decorationOf(uri.path);
    if (!decoration) return undefined;
    const color = new vscode.ThemeColor(decoration.color === 'error' ? 'list.errorForeground' : 'list.warningForeground');
    return new vscode.FileDecoration(decoration.badge, decoration.tooltip, color);
  }

  dispose(): void {
    this.probes.abort();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private rules() {
    return { now: this.health.clock(), windowMs: DEFAULT_HEALTH_WINDOW_MS, maxBackupAgeHours: this.maxBackupAgeHours };
  }

  private currentScopeKey(): string {
    const { region, projectId, endpointTemplate, endpoints } = this.connection.settings();
    return JSON.stringify([region, projectId, endpointTemplate, endpoints]);
  }

  /** Another region or endpoint: forget every mark; another threshold: judge again; off: drop the badges and stop probing. */
  private settingsChanged(): void {
    const settings = this.connection.healthSettings();
    const scopeKey = this.currentScopeKey();
    const rejudge = scopeKey !== this.scopeKey || settings.maxBackupAgeHours !== this.maxBackupAgeHours;
    const toggled = settings.decorateTree !== this.enabled;
    this.scopeKey = scopeKey;
    this.maxBackupAgeHours = settings.maxBackupAgeHours;
    this.enabled = settings.decorateTree;
    if (!rejudge && !toggled) return;
    this.probes.abort();
    this.probes = new AbortController();
    this.queue.length = 0;
    this.probed.clear();
    const paths = rejudge ? this.marks.clear() : this.marks.markedPaths();
    this.fire(paths);
  }

  private maybeProbe(shown: ShownInstance): void {
    if (!this.enabled) return;
    const { scopeKey, instance } = shown;
    const path = instancePath(scopeKey, instance.service, instance.id);
    if (this.probed.has(path) || this.marks.isJudged(scopeKey, instance.service, instance.id)) return;
    this.probed.add(path);
    this.queue.push(shown);
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0);
        const signal = this.probes.signal;
        await forEachConcurrently(batch, PROBE_CONCURRENCY, (instance) => this.probe(instance, signal), signal).catch(() => undefined);
      }
    } finally {
      this.draining = false;
    }
  }

  /** The health scan's own reading of one instance (scanInstance): one request for its newest page. */
  private async probe({ scopeKey, instance }: ShownInstance, signal: AbortSignal): Promise<void> {
    if (signal.aborted || this.marks.isJudged(scopeKey, instance.service, instance.id)) return;
    try {
      const context = await this.connection.contextFor(scopeKey, signal);
      const scope = { key: scopeKey, label: this.connection.regionOf(scopeKey), context, adapters: [] };
      const health = await scanInstance(scope, adapterFor(instance.service), instance, this.rules(), PROBE_PAGE_SIZE, signal);
      if (signal.aborted) return;
      this.fire(this.marks.applyFindings(scopeKey, instance.service, instance.id, health.findings, 'probe'));
    } catch {
      // A probe is a courtesy: the instance stays undecorated; Show Backup Health says why.
    }
  }

  private fire(paths: readonly string[]): void {
    if (paths.length) this.changed.fire(paths.map((path) => vscode.Uri.from({ scheme: HEALTH_URI_SCHEME, path })));
  }
}
