// What a panel's webview may load and with which nonce: the media/ folder only (docs/SPEC.md §7).
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
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
