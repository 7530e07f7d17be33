import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import { scanHealth, type HealthReport, type HealthScope } from '../domain/health';
import { healthToMarkdown } from '../domain/healthReport';
import { scopeLabel } from '../domain/scope';
import { enabledAdapters } from './findBackup';

/** Instances scanned at once across every scope and service (the HTTP client has its own per-service limit too). */
export const HEALTH_CONCURRENCY = 4;

/**
 * The scopes a health scan covers: what the tree shows, every connection in every region, with the
 * services of `hwcBackups.services`. A scope whose project cannot be resolved still takes part: its
 * services then report that their instances could not be listed, with the error, never dropped.
 */
export async function healthScopes(connection: Pick<CloudConnection, 'scopes' | 'settings'>, signal?: AbortSignal): Promise<HealthScope[]> {
  const adapters = enabledAdapters(connection);
  const scopes = await connection.scopes();
  return Promise.all(
    scopes.map(async (scope): Promise<HealthScope> => {
      const label = scopes.length > 1 ? scopeLabel(scope) : scope.region;
      try {
        return { key: scope.key, label, context: await scope.adapterContext(signal), adapters };
      } catch (error) {
        if (signal?.aborted) throw error;
        return { key: scope.key, label, context: { projectId: '', get: () => Promise.reject(error) }, adapters };
      }
    }),
  );
}

/**
 * Show Backup Health's scan, shared by the command, the panel's Refresh and the tree's badges: one
 * scan at a time under a cancellable progress notification, and the last report, announced.
 */
export class BackupHealth implements vscode.Disposable {
  private readonly reported = new vscode.EventEmitter<HealthReport>();
  /** A new report: the panel redraws, the tree's badges follow it. */
  readonly onDidReport = this.reported.event;
  private running?: Promise<HealthReport | undefined>;
  private report?: HealthReport;

  /**
   * The scan's clock. The real time, except in the host tests, which set it to the emulator's
   * time anchor so that the demo data's ages read as planted.
   */
  clock: () => number = Date.now;

  constructor(private readonly connection: CloudConnection) {}

  get lastReport(): HealthReport | undefined {
    return this.report;
  }

  /** Scans (or joins the scan already running); undefined when cancelled. Errors other than cancellation are thrown. */
  scan(): Promise<HealthReport | undefined> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  /** The last report as a Markdown table, on the clipboard; false when there is none yet. */
  async copyMarkdown(): Promise<boolean> {
    if (!this.report) return false;
    await vscode.env.clipboard.writeText(healthToMarkdown(this.report));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the backup health report as Markdown'), 4000);
    return true;
  }

  dispose(): void {
    this.reported.dispose();
  }

  private async run(): Promise<HealthReport | undefined> {
    const health = this.connection.healthSettings();
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking backup health'), cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const subscription = token.onCancellationRequested(() => abort.abort());
        try {
          const scopes = await healthScopes(this.connection, abort.signal);
          let reported = 0;
          return await scanHealth(scopes, {
            now: this.clock(),
            maxBackupAgeHours: health.maxBackupAgeHours,
            concurrency: HEALTH_CONCURRENCY,
            signal: abort.signal,
            onProgress: ({ instancesDone, instancesTotal }) => {
              const share = instancesTotal ? (instancesDone / instancesTotal) * 100 : 0;
              progress.report({
                message: vscode.l10n.t('{0} of {1} instances', instancesDone, instancesTotal),
                increment: Math.max(0, share - reported),
              });
              reported = Math.max(reported, share);
            },
          });
        } catch (error) {
          if (token.isCancellationRequested) return undefined;
          throw error;
        } finally {
          subscription.dispose();
        }
      },
    );
    if (report) {
      this.report = report;
      this.reported.fire(report);
    }
    return report;
  }
}
