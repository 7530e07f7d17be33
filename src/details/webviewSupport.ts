import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { CloudError } from '../cloud/http/errors';
import type { DetailsError } from './html/details';
import type { WebviewResources } from './html/page';

/** The only folder a panel may load from (docs/SPEC.md §7: localResourceRoots limited to media/). */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, enableFindWidget: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/** Stylesheets, script and a fresh nonce for one render. */
export function webviewResources(webview: vscode.Webview, extensionUri: vscode.Uri): WebviewResources {
  const media = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', ...path)).toString();
  return {
    cspSource: webview.cspSource,
    nonce: randomBytes(16).toString('hex'),
    styles: [media('codicons', 'codicon.css'), media('details.css')],
    script: media('details.js'),
  };
}

/** A failure as the panels show it: code, message and request id, never a stack. */
export function toDetailsError(error: unknown, at: number): DetailsError {
  if (error instanceof CloudError) {
    return { code: error.code, message: error.message, requestId: error.requestId, status: error.status, at };
  }
  return { message: error instanceof Error ? error.message : String(error), at };
}

/** Messages media/details.js posts. */
export interface PanelMessage {
  readonly type: 'refresh' | 'copyId' | 'copyJson' | 'reveal' | 'open';
  readonly backupId?: string;
}

function isPanelMessage(message: unknown): message is PanelMessage {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

/** Gives a panel the extension's icon and hands it the messages media/details.js posts; `onClose` runs once the panel is closed. */
export function wirePanel(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, handle: (message: PanelMessage) => Promise<void>, onClose: () => void): void {
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
