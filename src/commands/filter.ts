import * as vscode from 'vscode';
import { typeDescription } from '../cloud/format';
import { TIME_RANGE_PRESET_DURATIONS, type ResourceType } from '../cloud/model';
import type { FilterState } from '../explorer/filterState';
import {
  advanceFilterWizard,
  FILTER_RESOURCE_TYPES,
  FILTER_STATUSES,
  FILTER_TYPES,
  startFilterWizard,
  stepPosition,
  type FilterStatus,
  type FilterType,
  type FilterWizardInput,
  type FilterWizardState,
  type RangePreset,
} from './filterWizard';
import { pickStep, inputStep, type StepResult } from './quickInput';
import { formatTimeInput, parseTimeInput, timeInputHint, validateTimeInput } from './timeInput';

/** Filter Backups…: the wizard of filterWizard.ts on real quick picks. Escape at any step changes nothing. */
export async function filterBackups(filter: Pick<FilterState, 'get' | 'set'>): Promise<void> {
  let state = startFilterWizard(filter.get(), Date.now());
  for (;;) {
    const outcome = advanceFilterWizard(state, await askStep(state));
    if (outcome.kind === 'cancelled') return;
    if (outcome.kind === 'done') {
      await filter.set(outcome.filter);
      return;
    }
    state = outcome.state;
  }
}

const TITLE = vscode.l10n.t('Filter Backups');

/** Built when asked: the type descriptions come from the vscode-free layer, configured at activation. */
function typeItems(): ReadonlyArray<vscode.QuickPickItem & { value: FilterType }> {
  return [
    { value: 'auto', label: vscode.l10n.t('Automatic'), description: typeDescription('auto') },
    { value: 'manual', label: vscode.l10n.t('Manual'), description: typeDescription('manual') },
    { value: 'incremental', label: vscode.l10n.t('Incremental'), description: typeDescription('incremental') },
    { value: 'differential', label: vscode.l10n.t('Differential'), description: typeDescription('differential') },
  ];
}

const RANGE_ITEMS: ReadonlyArray<vscode.QuickPickItem & { value: RangePreset }> = [
  { value: 'any', label: vscode.l10n.t('Any time') },
  { value: 'last24h', label: vscode.l10n.t('Last 24 hours') },
  { value: 'last7d', label: vscode.l10n.t('Last 7 days') },
  { value: 'last30d', label: vscode.l10n.t('Last 30 days') },
  { value: 'custom', label: vscode.l10n.t('Custom range…'), description: vscode.l10n.t('enter a start and an end') },
];

const STATUS_ITEMS: ReadonlyArray<vscode.QuickPickItem & { value: FilterStatus }> = [
  {
    value: 'inProgress',
    label: vscode.l10n.t('$(sync) In progress'),
    description: vscode.l10n.t('building, backing up, protecting, restoring'),
  },
  { value: 'succeeded', label: vscode.l10n.t('$(pass) Succeeded'), description: vscode.l10n.t('completed, available') },
  { value: 'failed', label: vscode.l10n.t('$(error) Failed'), description: vscode.l10n.t('failed, error') },
  {
    value: 'expired',
    label: vscode.l10n.t('$(trash) Expired or deleted'),
    description: vscode.l10n.t('expired, deleted, deleting, disabled'),
  },
  { value: 'waiting', label: vscode.l10n.t('$(clock) Waiting'), description: vscode.l10n.t('queued (DCS)') },
];

const RESOURCE_TYPE_ITEMS: ReadonlyArray<vscode.QuickPickItem & { value: ResourceType }> = [
  { value: 'server', label: vscode.l10n.t('$(vm) Cloud server'), description: 'OS::Nova::Server' },
  { value: 'disk', label: vscode.l10n.t('$(database) Disk'), description: 'OS::Cinder::Volume' },
  { value: 'fileSystem', label: vscode.l10n.t('$(file-directory) SFS Turbo file system'), description: 'OS::Sfs::Turbo' },
  { value: 'bareMetal', label: vscode.l10n.t('$(server) Bare metal server'), description: 'OS::Ironic::BareMetalServer' },
  { value: 'desktop', label: vscode.l10n.t('$(device-desktop) Desktop'), description: 'OS::Workspace::DesktopV2' },
];

async function askStep(state: FilterWizardState): Promise<FilterWizardInput> {
  const position = { title: TITLE, ...stepPosition(state), back: state.step !== 'types' };
  switch (state.step) {
    case 'types': {
      const items = typeItems();
      const result = await pickStep({
        ...position,
        placeholder: vscode.l10n.t('Types to show (none checked: all types)'),
        items,
        canSelectMany: true,
        selected: items.filter((item) => state.types.includes(item.value)),
      });
      return toInput(result, (items) => ({ kind: 'types', types: FILTER_TYPES.filter((t) => items.some((i) => i.value === t)) }));
    }
    case 'range': {
      const items = RANGE_ITEMS.map((item) =>
        item.value === 'custom' && state.customFrom !== undefined && state.customTo !== undefined
          ? { ...item, description: `${formatTimeInput(state.customFrom)} → ${formatTimeInput(state.customTo)}` }
          : item,
      );
      const result = await pickStep({
        ...position,
        placeholder: vscode.l10n.t('Backups started in…'),
        items,
        selected: items.filter((item) => item.value === state.range),
      });
      return toInput(result, ([item]) => ({ kind: 'range', range: item.value }));
    }
    case 'customStart': {
      const result = await inputStep({
        ...position,
        prompt: vscode.l10n.t('Start of the range ({0})', timeInputHint()),
        value: formatTimeInput(state.customFrom ?? state.now - TIME_RANGE_PRESET_DURATIONS.last7d),
        validate: (text) => validateTimeInput(text, 'start'),
      });
      return toInput(result, (text) => ({ kind: 'customStart', instant: parseTimeInput(text, 'start')! }));
    }
    case 'customEnd': {
      const from = state.customFrom!;
      const result = await inputStep({
        ...position,
        prompt: vscode.l10n.t('End of the range, after {0} ({1})', formatTimeInput(from), timeInputHint()),
        value: formatTimeInput(state.customTo ?? state.now),
        validate: (text) => validateTimeInput(text, 'end', from),
      });
      return toInput(result, (text) => ({ kind: 'customEnd', instant: parseTimeInput(text, 'end')! }));
    }
    case 'statuses': {
      const result = await pickStep({
        ...position,
        placeholder: vscode.l10n.t('Statuses to show (none checked: all statuses)'),
        items: STATUS_ITEMS,
        canSelectMany: true,
        selected: STATUS_ITEMS.filter((item) => state.statuses.includes(item.value)),
      });
      return toInput(result, (items) => ({ kind: 'statuses', statuses: FILTER_STATUSES.filter((s) => items.some((i) => i.value === s)) }));
    }
    case 'resourceTypes': {
      const result = await pickStep({
        ...position,
        placeholder: vscode.l10n.t('Resources backed up, applies to CBR and CSBS (none checked: all resources)'),
        items: RESOURCE_TYPE_ITEMS,
        canSelectMany: true,
        selected: RESOURCE_TYPE_ITEMS.filter((item) => state.resourceTypes.includes(item.value)),
      });
      return toInput(result, (items) => ({
        kind: 'resourceTypes',
        resourceTypes: FILTER_RESOURCE_TYPES.filter((r) => items.some((i) => i.value === r)),
      }));
    }
  }
}

function toInput<T>(result: StepResult<T>, convert: (value: T) => FilterWizardInput): FilterWizardInput {
  return result.kind === 'value' ? convert(result.value) : result;
}
