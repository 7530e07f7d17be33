import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { CloudError } from '../cloud/http/errors';
import type { DetailsError } from './html/details';
import type { WebviewResources } from './html/page';

/** The only folder a panel may load from (SPEC §7: localResourceRoots limited to media/). */
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

export function panelIcon(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'backups.svg');
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

export function isPanelMessage(message: unknown): message is PanelMessage {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}
