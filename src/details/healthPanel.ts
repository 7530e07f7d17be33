import * as vscode from 'vscode';
import type { Backup } from '../cloud/model';
import type { BackupHealth } from '../commands/healthScan';
import { nodeArgument } from '../commands/commandArgs';
import { COMMANDS } from '../commands/commandIds';
import { describeError, isCancellation } from '../domain/errorText';
import type { HealthReport, InstanceHealth } from '../domain/health';
import { healthToCsv, healthToJson, type HealthSortKey } from '../domain/healthReport';
import { toDetailsError } from './detailsError';
import type { DetailsError } from './html/details';
import { renderHealthHtml } from './html/health';
import { PanelSet, wirePanel } from './panelSet';
import { parseHealthState } from './state';
import type { PanelMessage } from './protocol';
import { webviewResources } from './webviewResources';

export const HEALTH_VIEW_TYPE = 'hwcBackups.health';

/** `backup-health-20261122.csv`. */
export function defaultHealthExportName(format: 'csv' | 'json', now: Date): string {
  const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
  return `backup-health-${day}.${format}`;
}

/** The one Show Backup Health panel: it follows every report of BackupHealth, whoever started the scan. */
export class HealthPanels extends PanelSet<HealthPanel> {
  constructor(
    extensionUri: vscode.Uri,
    private readonly health: BackupHealth,
  ) {
    super(HEALTH_VIEW_TYPE, extensionUri, () => 'health');
  }

  /** Shows the panel (created on first use) and runs a scan; resolves with its report. */
  async show(): Promise<HealthReport | undefined> {
    let panel = this.find('health');
    if (panel) panel.panel.reveal();
    else {
      panel = new HealthPanel(this.create(vscode.l10n.t('Backup Health')), this.extensionUri, this.health);
      this.track(panel);
    }
    return panel.scan();
  }

  /** The panel VS Code brought back after a reload: the last report if there is one, else an offer to scan (no scan unasked). */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    if (this.adopt(panel, parseHealthState(state))) this.track(new HealthPanel(panel, this.extensionUri, this.health));
  }
}

class HealthPanel {
  private sort: HealthSortKey = 'severity';
  private scanning = false;
  private error?: DetailsError;
  private disposed = false;
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly health: BackupHealth,
  ) {
    wirePanel(
      panel,
      extensionUri,
      (message) => this.handle(message),
      () => this.close(),
    );
    this.subscription = health.onDidReport(() => {
      this.error = undefined;
      this.render();
    });
    this.render();
  }

  async scan(): Promise<HealthReport | undefined> {
    this.scanning = true;
    this.render();
    let report: HealthReport | undefined;
    try {
      report = await this.health.scan();
      this.error = undefined;
    } catch (error) {
      this.error = isCancellation(error) ? undefined : toDetailsError(error, Date.now());
    } finally {
      this.scanning = false;
    }
    this.render();
    return report;
  }

  private render(): void {
    if (this.disposed) return;
    this.panel.webview.html = renderHealthHtml({
      report: this.health.lastReport,
      sort: this.sort,
      scanning: this.scanning,
      error: this.error,
      resources: webviewResources(this.panel.webview, this.extensionUri),
    });
  }

  private close(): void {
    this.disposed = true;
    this.subscription.dispose();
  }

  private findInstance(message: PanelMessage) {
    return this.health.lastReport?.instances.find(
      (health) =>
        health.service === message.service &&
        health.instance.id === message.instanceId &&
        (message.scopeKey === undefined || health.scopeKey === message.scopeKey),
    );
  }

  /** A backup a row names: a finding's, or the instance's latest or last good one. */
  private findBackup(health: InstanceHealth, backupId: string | undefined): Backup | undefined {
    const candidates = [
      ...health.findings.flatMap((finding) =>
        finding.kind === 'stale'
          ? finding.lastAutomatic
            ? [finding.lastAutomatic]
            : []
          : finding.kind === 'unscannable'
            ? []
            : [finding.backup],
      ),
      ...(health.latest ? [health.latest] : []),
      ...(health.lastSucceeded ? [health.lastSucceeded] : []),
    ];
    return candidates.find((backup) => backup.id === backupId);
  }

  private async handle(message: PanelMessage): Promise<void> {
    switch (message.type) {
      case 'refresh':
        await this.scan();
        return;
      case 'sort':
        if (message.sort) this.sort = message.sort;
        this.render();
        return;
      case 'copyMarkdown':
        await this.health.copyMarkdown();
        return;
      case 'exportCsv':
      case 'exportJson':
        await this.export(message.type === 'exportCsv' ? 'csv' : 'json');
        return;
      case 'timeline': {
        const health = this.findInstance(message);
        if (health)
          await vscode.commands.executeCommand(COMMANDS.showTimeline, nodeArgument({ instance: health.instance }, health.scopeKey));
        return;
      }
      case 'open': {
        const health = this.findInstance(message);
        const backup = health && this.findBackup(health, message.backupId);
        if (backup) await vscode.commands.executeCommand(COMMANDS.openDetails, nodeArgument({ backup }, health.scopeKey));
        return;
      }
      default:
        return;
    }
  }

  private async export(format: 'csv' | 'json'): Promise<void> {
    const report = this.health.lastReport;
    if (!report) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = defaultHealthExportName(format, new Date());
    const uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export the backup health report'),
      saveLabel: vscode.l10n.t('Export'),
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters:
        format === 'csv'
          ? { [vscode.l10n.t('CSV (spreadsheets)')]: ['csv'] }
          : { [vscode.l10n.t('JSON (every instance and finding)')]: ['json'] },
    });
    if (!uri) return;
    try {
      await writeHealthExport(uri, report, format);
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported the backup health report to {0}.', uri.fsPath));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', uri.fsPath, describeError(error)));
    }
  }
}

/** Writes the report as CSV or JSON (healthReport.ts). */
export async function writeHealthExport(uri: vscode.Uri, report: HealthReport, format: 'csv' | 'json'): Promise<void> {
  const text = format === 'csv' ? healthToCsv(report) : healthToJson(report);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
}
