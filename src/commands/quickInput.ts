import * as vscode from 'vscode';

/**
 * One step of a multi-step input: a quick pick or an input box that resolves with the answer,
 * `back` (the Back button) or `cancel` (Escape). Used by Filter Backups…, Set Credentials… and
 * the other wizards so they all behave the same. A step stays open when focus moves (as in VS
 * Code's multi-step sample): a panel that finishes loading behind it must not throw away the
 * answers given so far.
 */
export type StepResult<T> = { readonly kind: 'value'; readonly value: T } | { readonly kind: 'back' } | { readonly kind: 'cancel' };

interface StepOptions {
  readonly title: string;
  /** Shown as "step/totalSteps" next to the title; omit for single-step inputs. */
  readonly step?: number;
  readonly totalSteps?: number;
  /** Show the Back button. */
  readonly back?: boolean;
  /** Default true; false closes the step (as a cancel) when focus moves away. */
  readonly ignoreFocusOut?: boolean;
}

export interface PickStepOptions<T extends vscode.QuickPickItem> extends StepOptions {
  readonly placeholder: string;
  readonly items: readonly T[];
  readonly canSelectMany?: boolean;
  /** Multi-select: the checked items. Single-select: the highlighted item. */
  readonly selected?: readonly T[];
  readonly matchOnDescription?: boolean;
}

/** Resolves with the accepted items (one item for single-select; possibly none for multi-select). */
export function pickStep<T extends vscode.QuickPickItem>(options: PickStepOptions<T>): Promise<StepResult<readonly T[]>> {
  const pick = vscode.window.createQuickPick<T>();
  applyStepOptions(pick, options);
  pick.placeholder = options.placeholder;
  pick.canSelectMany = options.canSelectMany ?? false;
  pick.matchOnDescription = options.matchOnDescription ?? false;
  pick.items = options.items;
  if (options.selected?.length) {
    if (pick.canSelectMany) pick.selectedItems = options.selected;
    else pick.activeItems = options.selected;
  }
  return runStep(pick, (resolve) => [
    pick.onDidAccept(() => {
      const chosen = pick.canSelectMany ? pick.selectedItems : pick.activeItems.slice(0, 1);
      if (!pick.canSelectMany && chosen.length === 0) return;
      resolve({ kind: 'value', value: chosen });
    }),
  ]);
}

export interface InputStepOptions extends StepOptions {
  readonly prompt: string;
  readonly placeholder?: string;
  readonly value?: string;
  readonly password?: boolean;
  /** Error message, or undefined when valid. Runs as the user types and again on Enter. */
  readonly validate?: (value: string) => string | undefined;
}

export function inputStep(options: InputStepOptions): Promise<StepResult<string>> {
  const input = vscode.window.createInputBox();
  applyStepOptions(input, options);
  input.prompt = options.prompt;
  input.placeholder = options.placeholder;
  input.value = options.value ?? '';
  input.password = options.password ?? false;
  // Pre-filled values are checked at once; an empty box waits for typing before complaining.
  const validate = (value: string) => (input.validationMessage = options.validate?.(value));
  if (input.value) validate(input.value);
  return runStep(input, (resolve) => [
    input.onDidChangeValue(validate),
    input.onDidAccept(() => {
      if (validate(input.value)) return;
      resolve({ kind: 'value', value: input.value });
    }),
  ]);
}

function applyStepOptions(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, options: StepOptions): void {
  input.title = options.title;
  input.step = options.step;
  input.totalSteps = options.totalSteps;
  input.ignoreFocusOut = options.ignoreFocusOut ?? true;
  input.buttons = options.back ? [vscode.QuickInputButtons.Back] : [];
}

function runStep<T>(
  input: vscode.QuickInput & { onDidTriggerButton: vscode.Event<vscode.QuickInputButton> },
  listen: (resolve: (result: StepResult<T>) => void) => vscode.Disposable[],
): Promise<StepResult<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const disposables: vscode.Disposable[] = [];
    const finish = (result: StepResult<T>) => {
      if (settled) return;
      settled = true;
      resolve(result);
      disposables.forEach((d) => d.dispose());
      input.dispose();
    };
    disposables.push(
      ...listen(finish),
      input.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) finish({ kind: 'back' });
      }),
      input.onDidHide(() => finish({ kind: 'cancel' })),
    );
    input.show();
  });
}
