import * as vscode from 'vscode';
import type { CloudConnection } from '../auth/connection';
import type { Instance } from '../cloud/model';
import { adapterFor } from '../cloud/services/registry';
import type { BackupExplorer } from '../explorer/backupExplorer';
import { instanceOfNode, scopeKeyOfNode } from './commandArgs';
import { pickInstance } from './instancePicker';
import { inputStep, pickStep } from './quickInput';
import { momentPresets, parseMoment } from './restoreMoment';
import { formatTimeInput } from './timeInput';

export interface RestoreTargetDeps {
  readonly connection: CloudConnection;
  readonly explorer: Pick<BackupExplorer, 'loadedInstances'>;
}

/**
 * Find Restore Point…'s questions: the instance (the node it was invoked on, else picked) and the
 * moment (now, 1 h ago, 24 h ago, or typed in local time). Undefined when the person gave up.
 */
export async function askRestoreTarget(
  deps: RestoreTargetDeps,
  arg?: unknown,
): Promise<{ instance: Instance; moment: number; scopeKey?: string } | undefined> {
  const title = vscode.l10n.t('Find Restore Point');
  const fromNode = instanceOfNode(arg);
  const picked = fromNode ? undefined : await pickInstance(deps.connection, deps.explorer, title);
  const instance = fromNode ?? picked?.instance;
  if (!instance) return undefined;
  const moment = await askMoment(title, instance);
  return moment === undefined ? undefined : { instance, moment, scopeKey: picked ? picked.scope.key : scopeKeyOfNode(arg) };
}

async function askMoment(title: string, instance: Instance): Promise<number | undefined> {
  for (;;) {
    const now = Date.now();
    const items: Array<vscode.QuickPickItem & { instant?: number }> = [
      ...momentPresets(now).map((preset) => ({
        label: preset.label,
        description: formatTimeInput(preset.instant),
        instant: preset.instant,
      })),
      { label: vscode.l10n.t('A time I type…'), description: vscode.l10n.t('local time, e.g. {0}', formatTimeInput(now - 3_600_000)) },
    ];
    const picked = await pickStep({
      title: vscode.l10n.t('{0}: {1}', title, instance.name),
      placeholder: vscode.l10n.t('Restore {0} ({1}) to which moment?', instance.name, adapterFor(instance.service).label),
      items,
    });
    if (picked.kind !== 'value') return undefined;
    if (picked.value[0].instant !== undefined) return picked.value[0].instant;
    const typed = await inputStep({
      title: vscode.l10n.t('{0}: {1}', title, instance.name),
      back: true,
      prompt: vscode.l10n.t('The moment to restore to, in local time (or ISO 8601 with a zone)'),
      value: formatTimeInput(now),
      validate: (text) => {
        const parsed = parseMoment(text, Date.now());
        return 'problem' in parsed ? parsed.problem : undefined;
      },
    });
    if (typed.kind === 'cancel') return undefined;
    if (typed.kind === 'value') {
      const parsed = parseMoment(typed.value, Date.now());
      if ('instant' in parsed) return parsed.instant;
    }
  }
}
