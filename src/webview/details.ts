// Webview script of the detail and timeline panels, bundled by esbuild into media/details.js. It
// only keeps the panel's state for a window reload and forwards clicks to the extension; the HTML
// itself is built (and escaped) by the extension, in the user's language; the few texts the script
// renders itself come translated in `<body data-l10n>`. Messages: ../details/protocol.ts.
import {
  isHostMessage,
  PANEL_ACTIONS,
  parsePanelTexts,
  shortAge,
  SORT_KEYS,
  type PanelAction,
  type PanelMessage,
  type SortKey,
} from '../details/protocol';

interface VsCodeApi {
  postMessage(message: PanelMessage): void;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const main = document.querySelector('main[data-state]');

function post(element: Element): void {
  const action = element.getAttribute('data-action');
  const type: PanelAction = (PANEL_ACTIONS as readonly string[]).includes(action ?? '') ? (action as PanelAction) : 'open';
  if (type === 'refresh') {
    main?.classList.add('busy');
    element.setAttribute('disabled', '');
  }
  const attribute = (name: string) => element.getAttribute(name) || undefined;
  const sort = attribute('data-sort');
  vscode.postMessage({
    type,
    backupId: attribute('data-backup-id'),
    service: attribute('data-service'),
    instanceId: attribute('data-instance-id'),
    scopeKey: attribute('data-scope-key'),
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : undefined,
  });
}

if (main) {
  // What the panel serializer receives after a reload. A state we cannot parse is simply not kept.
  try {
    vscode.setState(JSON.parse(main.getAttribute('data-state') || 'null'));
  } catch {
    // The panel still works.
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action], .mark[data-backup-id]') : null;
    if (!target) return;
    event.preventDefault();
    post(target);
  });

  // Timeline marks are focusable SVG groups: Enter or Space opens them like a button.
  document.addEventListener('keydown', (event) => {
    const target = event.target instanceof Element ? event.target.closest('.mark[data-backup-id]') : null;
    if (!target || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    post(target);
  });

  window.addEventListener('message', (event: MessageEvent) => {
    if (isHostMessage(event.data)) main.classList.add('busy');
  });

  // Keep "fetched 14:02:11, 3 s ago" current, worded as the extension rendered it.
  const texts = parsePanelTexts(document.body.getAttribute('data-l10n'));
  const fetched = document.querySelector('[data-fetched-at]');
  const age = fetched?.querySelector('.age');
  const fetchedAt = Number(fetched?.getAttribute('data-fetched-at'));
  if (age && Number.isFinite(fetchedAt)) {
    const render = () => (age.textContent = shortAge(Date.now() - fetchedAt, texts));
    render();
    setInterval(render, 1000);
  }
}
