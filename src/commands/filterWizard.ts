import {
  presetTimeRange,
  RESOURCE_TYPES,
  type BackupFilter,
  type BackupType,
  type NormalizedStatus,
  type ResourceType,
  type TimeRangePreset,
} from '../cloud/model';

/**
 * The Filter Backups… wizard as a pure state machine: the quick-pick UI (filter.ts) shows the
 * current step and feeds the user's answer back as an input. Keeping the steps here lets the
 * back button, pre-selection and the resulting filter be unit-tested without VS Code.
 */

export type FilterType = Exclude<BackupType, 'unknown'>;
export type FilterStatus = Exclude<NormalizedStatus, 'unknown'>;
export type RangePreset = 'any' | TimeRangePreset | 'custom';

export const FILTER_TYPES: readonly FilterType[] = ['auto', 'manual', 'incremental', 'differential'];
export const FILTER_STATUSES: readonly FilterStatus[] = ['inProgress', 'succeeded', 'failed', 'expired', 'waiting'];
export const FILTER_RESOURCE_TYPES: readonly ResourceType[] = RESOURCE_TYPES;

/** The resource-type step comes last: it narrows only CBR and CSBS, so it is the least often used. */
export type FilterWizardStep = 'types' | 'range' | 'customStart' | 'customEnd' | 'statuses' | 'resourceTypes';

export interface FilterWizardState {
  readonly step: FilterWizardStep;
  readonly types: readonly FilterType[];
  readonly range: RangePreset;
  readonly customFrom?: number;
  readonly customTo?: number;
  readonly statuses: readonly FilterStatus[];
  readonly resourceTypes: readonly ResourceType[];
  /** Clock reading for the custom range's default bounds and the range a preset covers now. */
  readonly now: number;
}

export type FilterWizardInput =
  | { readonly kind: 'back' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'types'; readonly types: readonly FilterType[] }
  | { readonly kind: 'range'; readonly range: RangePreset }
  | { readonly kind: 'customStart'; readonly instant: number }
  | { readonly kind: 'customEnd'; readonly instant: number }
  | { readonly kind: 'statuses'; readonly statuses: readonly FilterStatus[] }
  | { readonly kind: 'resourceTypes'; readonly resourceTypes: readonly ResourceType[] };

export type FilterWizardOutcome =
  | { readonly kind: 'continue'; readonly state: FilterWizardState }
  | { readonly kind: 'cancelled' }
  /** `filter` is undefined when the user chose nothing to filter by (= no filter). */
  | { readonly kind: 'done'; readonly filter: BackupFilter | undefined };

/** The first step, pre-selected from the current filter: its preset however long ago it was chosen, else its fixed bounds. */
export function startFilterWizard(current: BackupFilter | undefined, now: number): FilterWizardState {
  const range = current?.timeRange;
  const fixed = range && !range.preset ? range : undefined;
  return {
    step: 'types',
    types: current?.types ? [...current.types] : [],
    range: range ? (range.preset ?? 'custom') : 'any',
    customFrom: fixed?.from,
    customTo: fixed?.to,
    statuses: current?.statuses ? [...current.statuses] : [],
    resourceTypes: current?.resourceTypes ? [...current.resourceTypes] : [],
    now,
  };
}

export function advanceFilterWizard(state: FilterWizardState, input: FilterWizardInput): FilterWizardOutcome {
  const go = (patch: Partial<FilterWizardState>): FilterWizardOutcome => ({ kind: 'continue', state: { ...state, ...patch } });
  switch (input.kind) {
    case 'cancel':
      return { kind: 'cancelled' };
    case 'back':
      return go({ step: previousStep(state) });
    case 'types':
      return go({ types: [...input.types], step: 'range' });
    case 'range':
      return go({ range: input.range, step: input.range === 'custom' ? 'customStart' : 'statuses' });
    case 'customStart': {
      // A start moved past the old end makes that end meaningless; ask for it afresh.
      const customTo = state.customTo !== undefined && state.customTo > input.instant ? state.customTo : undefined;
      return go({ customFrom: input.instant, customTo, step: 'customEnd' });
    }
    case 'customEnd':
      return go({ customTo: input.instant, step: 'statuses' });
    case 'statuses':
      return go({ statuses: [...input.statuses], step: 'resourceTypes' });
    case 'resourceTypes':
      return { kind: 'done', filter: buildFilter({ ...state, resourceTypes: [...input.resourceTypes] }) };
  }
}

function previousStep(state: FilterWizardState): FilterWizardStep {
  switch (state.step) {
    case 'types':
    case 'range':
      return 'types';
    case 'customStart':
      return 'range';
    case 'customEnd':
      return 'customStart';
    case 'statuses':
      return state.range === 'custom' ? 'customEnd' : 'range';
    case 'resourceTypes':
      return 'statuses';
  }
}

function buildFilter(state: FilterWizardState): BackupFilter | undefined {
  const timeRange = rangeOf(state);
  const filter: BackupFilter = {
    ...(state.types.length ? { types: FILTER_TYPES.filter((t) => state.types.includes(t)) } : {}),
    ...(timeRange ? { timeRange } : {}),
    ...(state.statuses.length ? { statuses: FILTER_STATUSES.filter((s) => state.statuses.includes(s)) } : {}),
    ...(state.resourceTypes.length ? { resourceTypes: FILTER_RESOURCE_TYPES.filter((r) => state.resourceTypes.includes(r)) } : {}),
  };
  return Object.keys(filter).length ? filter : undefined;
}

function rangeOf(state: FilterWizardState): BackupFilter['timeRange'] {
  switch (state.range) {
    case 'any':
      return undefined;
    case 'custom':
      return state.customFrom !== undefined && state.customTo !== undefined ? { from: state.customFrom, to: state.customTo } : undefined;
    default:
      return presetTimeRange(state.range, state.now);
  }
}

/** Step number and total for the quick pick's title ("Filter Backups (2/4)"). Custom ranges add two steps. */
export function stepPosition(state: FilterWizardState): { step: number; totalSteps: number } {
  const order: FilterWizardStep[] =
    state.range === 'custom'
      ? ['types', 'range', 'customStart', 'customEnd', 'statuses', 'resourceTypes']
      : ['types', 'range', 'statuses', 'resourceTypes'];
  return { step: order.indexOf(state.step) + 1, totalSteps: order.length };
}
