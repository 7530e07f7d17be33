import * as vscode from 'vscode';
import { consoleLink, ConsoleLinkError, type ConsoleTarget } from '../cloud/console';
import type { CloudSettings } from '../cloud/settings';
import { BackupNode, InstanceNode, ServiceNode } from '../explorer/nodes';

/**
 * Open in Console and Copy Console Link (SPEC §2): the Huawei Cloud console page of a service,
 * instance or backup node, on the site that serves its region (cloud/console.ts) or
 * hwcBackups.consoleHost. Where no page of one resource is known, the service's page in that region.
 */

/** What a node (or the detail panel) says about where its resource lives. */
export function consoleTargetOf(node: unknown): ConsoleTarget | undefined {
  if (node instanceof ServiceNode) return { region: node.scope.region, service: node.service };
  if (node instanceof InstanceNode) return { region: node.parent.scope.region, service: node.service, instanceId: node.instance.id };
  if (node instanceof BackupNode) {
    return {
      region: node.parent.parent.scope.region,
      service: node.service,
      instanceId: node.instance.id,
      backupId: node.backup.id,
    };
  }
  return isConsoleTarget(node) ? node : undefined;
}

function isConsoleTarget(value: unknown): value is ConsoleTarget {
  if (typeof value !== 'object' || value === null) return false;
  const { region, service } = value as Record<string, unknown>;
  return typeof region === 'string' && typeof service === 'string';
}

function linkFor(node: unknown, settings: CloudSettings): string | undefined {
  const target = consoleTargetOf(node);
  if (!target) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Open in Console works on a service, instance or backup in the Backups view: right-click one.'),
    );
    return undefined;
  }
  try {
    return consoleLink(target, settings.consoleHost || undefined).url;
  } catch (error) {
    if (!(error instanceof ConsoleLinkError)) throw error;
    void vscode.window.showErrorMessage(vscode.l10n.t('No console link: {0}', error.message));
    return undefined;
  }
}

export async function openInConsole(node: unknown, settings: CloudSettings): Promise<void> {
  const url = linkFor(node, settings);
  if (url) await vscode.env.openExternal(vscode.Uri.parse(url, true));
}

export async function copyConsoleLink(node: unknown, settings: CloudSettings): Promise<void> {
  const url = linkFor(node, settings);
  if (!url) return;
  await vscode.env.clipboard.writeText(url);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(link) Copied {0}', url), 4000);
}
