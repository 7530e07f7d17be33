import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push();
}

export function deactivate(): void {
  // Nothing to release beyond the subscriptions.
}
