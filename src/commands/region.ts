import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import { pickStep, inputStep } from './quickInput';
import { findRegion, REGIONS, validateRegionId } from './regions';

const TITLE = vscode.l10n.t('Select Huawei Cloud Region');

type RegionItem = vscode.QuickPickItem & { readonly regionId?: string; readonly custom?: boolean };

/**
 * Select Region…: writes hwcBackups.region to the workspace settings when a folder or workspace
 * is open (different projects often watch different regions), otherwise to the user settings.
 */
export async function selectRegion(connection: CloudConnection): Promise<void> {
  const current = connection.settings().region;
  const items: RegionItem[] = REGIONS.map((region) => ({
    regionId: region.id,
    label: region.id === current ? `$(check) ${region.id}` : region.id,
    description:
      region.id === current ? vscode.l10n.t('{0} · {1} — current', region.name, region.nameZh) : `${region.name} · ${region.nameZh}`,
  }));
  if (!findRegion(current)) {
    items.unshift({ regionId: current, label: `$(check) ${current}`, description: vscode.l10n.t('custom region — current') });
  }
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    {
      label: vscode.l10n.t('$(edit) Custom region id…'),
      description: vscode.l10n.t('a region not listed here, or a private cloud'),
      custom: true,
    },
  );

  const picked = await pickStep({
    title: TITLE,
    placeholder: vscode.l10n.t('Current region: {0}. Type to filter by id or name.', current),
    items,
    matchOnDescription: true,
    selected: items.filter((item) => item.regionId === current),
  });
  if (picked.kind !== 'value') return;
  let region = picked.value[0].regionId;
  if (picked.value[0].custom) {
    const typed = await inputStep({
      title: TITLE,
      prompt: vscode.l10n.t('Region id, e.g. cn-north-4'),
      value: findRegion(current) ? '' : current,
      validate: validateRegionId,
    });
    if (typed.kind !== 'value') return;
    region = typed.value.trim();
  }
  if (!region || region === current) return;

  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const config = vscode.workspace.getConfiguration('hwcBackups');
  await config.update('region', region, target);
  await offerToClearProjectId(connection, region);
}

/** A project id belongs to one region, so a fixed hwcBackups.projectId is almost surely wrong after a switch. */
async function offerToClearProjectId(connection: CloudConnection, region: string): Promise<void> {
  const projectId = connection.settings().projectId;
  if (!projectId) return;
  const clear = vscode.l10n.t('Resolve Project from IAM');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'hwcBackups.projectId is set to {0}, but project ids belong to one region. Clear it so the project of {1} is looked up in IAM?',
      projectId,
      region,
    ),
    clear,
  );
  if (choice !== clear) return;
  // Remove it from every scope that sets it, or a lower scope's value would show through.
  const config = vscode.workspace.getConfiguration('hwcBackups');
  const where = config.inspect<string>('projectId');
  if (where?.workspaceValue !== undefined) await config.update('projectId', undefined, vscode.ConfigurationTarget.Workspace);
  if (where?.globalValue !== undefined) await config.update('projectId', undefined, vscode.ConfigurationTarget.Global);
}
