// The plumbing both panels share: their icon and message hand-off, and the set of open panels.
import * as vscode from 'vscode';
import { isPanelMessage, type HostMessage, type PanelMessage } from './protocol';
import { webviewOptions } from './webviewResources';

/** Gives a panel the extension's icon and hands it the messages its script posts (checked); `onClose` runs once the panel is closed. */
export function wirePanel(
  panel: vscode.WebviewPanel,
  extensionUri: vscode.Uri,
  handle: (message: PanelMessage) => Promise<void>,
  onClose: () => void,
): void {
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'backups.svg');
  panel.webview.onDidReceiveMessage((message: unknown) => {
    if (isPanelMessage(message)) void handle(message);
  });
  panel.onDidDispose(onClose);
}

/**
 * The open panels of one view type, at most one per key; a closed panel leaves the set. The
 * details and timeline panel sets extend it with how they open and restore their panels.
 */
export abstract class PanelSet<P extends { readonly panel: vscode.WebviewPanel }> implements vscode.Disposable {
  private readonly panels = new Map<string, P>();

  protected constructor(
    private readonly viewType: string,
    protected readonly extensionUri: vscode.Uri,
    private readonly keyOf: (panel: P) => string,
  ) {}

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.panel.dispose();
  }

  protected find(key: string): P | undefined {
    return this.panels.get(key);
  }

  /** A new, still empty panel of this view type in the active editor column. */
  protected create(title: string): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(this.viewType, title, vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
  }

  /**
   * Takes back a panel VS Code restored after a window reload. When nothing usable was saved (e.g. an
   * older version's state) the panel is closed rather than left empty, and this returns false.
   */
  protected adopt<S>(panel: vscode.WebviewPanel, saved: S | undefined): saved is S {
    panel.webview.options = webviewOptions(this.extensionUri);
    if (saved === undefined) panel.dispose();
    return saved !== undefined;
  }

  protected track(panel: P): void {
    const key = this.keyOf(panel);
    this.panels.set(key, panel);
    panel.panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) this.panels.delete(key);
    });
  }
}

/** Tells a panel's script something (protocol.ts). */
export function tellPanel(panel: vscode.WebviewPanel, message: HostMessage): void {
  void panel.webview.postMessage(message);
}
