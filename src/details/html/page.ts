import * as l10n from '@vscode/l10n';
import { displayLanguage } from '../../cloud/locale';
import type { PanelTexts } from '../protocol';
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

/**
 * The wording the webview script renders itself (the ticking "3 s ago"), in the display language.
 * The page carries it in `<body data-l10n>`: the script has no l10n of its own.
 */
export function panelTexts(): PanelTexts {
  return { secondsAgo: l10n.t('{0} s ago'), minutesAgo: l10n.t('{0} min ago'), hoursAgo: l10n.t('{0} h ago') };
}

/**
 * A translated message with HTML in its placeholders: `translated` comes from `l10n.t(message)`
 * without arguments (so its `{0}`… are still there); it is escaped, then each `{n}` is replaced by
 * `html[n]`, which must already be escaped.
 */
export function fillHtml(translated: string, ...html: readonly string[]): string {
  return escapeHtml(translated).replace(/\{(\d+)\}/g, (match, index: string) => html[Number(index)] ?? match);
}

/**
 * A complete webview document around `body` (already-escaped HTML), in the display language
 * (`<html lang>`), with the script's own texts in `<body data-l10n>`.
 */
export function renderPage(options: { readonly resources: WebviewResources; readonly title: string; readonly body: string }): string {
  const { resources, title, body } = options;
  const styles = resources.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(displayLanguage())}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(resources.cspSource, resources.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(title)}</title>
</head>
<body data-l10n="${escapeHtml(JSON.stringify(panelTexts()))}">
${body}
<script nonce="${escapeHtml(resources.nonce)}" src="${escapeHtml(resources.script)}"></script>
</body>
</html>`;
}
