// Webview script of the detail and timeline panels. It only keeps the panel's state for a window
// reload and forwards clicks to the extension; the HTML itself is built (and escaped) by the extension.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is injected by VS Code into every webview
  const vscode = acquireVsCodeApi();
  const main = document.querySelector('main[data-state]');
  if (!main) return;

  // What the panel serializer receives after a reload.
  try {
    vscode.setState(JSON.parse(main.getAttribute('data-state') || 'null'));
  } catch (e) {
    // A state we cannot parse is simply not kept; the panel still works.
  }

  /** @param {Element} element */
  function post(element) {
    const action = element.getAttribute('data-action');
    const backupId = element.getAttribute('data-backup-id');
    if (action === 'refresh') {
      main.classList.add('busy');
      element.setAttribute('disabled', '');
    }
    vscode.postMessage({ type: action || 'open', backupId: backupId || undefined });
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

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'busy') main.classList.add('busy');
  });

  // Keep "fetched 14:02:11, 3 s ago" current.
  const fetched = document.querySelector('[data-fetched-at]');
  const age = fetched && fetched.querySelector('.age');
  const fetchedAt = fetched ? Number(fetched.getAttribute('data-fetched-at')) : NaN;
  if (age && Number.isFinite(fetchedAt)) {
    const render = () => {
      const seconds = Math.max(0, Math.floor((Date.now() - fetchedAt) / 1000));
      age.textContent =
        seconds < 60 ? `${seconds} s ago` : seconds < 3600 ? `${Math.floor(seconds / 60)} min ago` : `${Math.floor(seconds / 3600)} h ago`;
    };
    render();
    setInterval(render, 1000);
  }
})();
