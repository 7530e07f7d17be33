import { escapeHtml } from './escape';

/** URIs the webview may load, already converted with `webview.asWebviewUri`, plus the CSP inputs. */
export interface WebviewResources {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** Fresh per render; only the script carrying it runs. */
  readonly nonce: string;
  readonly styles: readonly string[];
  readonly script: string;
}

/** No inline styles or scripts, no remote content: everything comes from media/ through the webview. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; font-src ${cspSource}; ` + `img-src ${cspSource} data:; script-src 'nonce-${nonce}'`;
}

/** A complete webview document around `body` (already-escaped HTML). */
export function renderPage(options: { readonly resources: WebviewResources; readonly title: string; readonly body: string }): string {
  const { resources, title, body } = options;
  const styles = resources.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(resources.cspSource, resources.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(title)}</title>
</head>
<body>
${body}
<script nonce="${escapeHtml(resources.nonce)}" src="${escapeHtml(resources.script)}"></script>
</body>
</html>`;
}
