// The extension in a Chinese workbench (display language zh-cn through a stub language pack):
// the activity bar entry, the view and the command palette show the strings of
// package.nls.zh-cn.json. VS Code's own UI stays English (no real language pack offline), and
// the tree's labels stay English until src/ goes through vscode.l10n.t.
import * as assert from 'assert';
import { withWorkbench } from './harness';

describe('l10n UI: the extension in a zh-cn workbench', () => {
  it('shows the Backups view and its commands in Chinese', async () => {
    await withWorkbench(
      async (wb) => {
        assert.strictEqual(wb.viewContainerTitle, '华为云备份');
        await wb.openView();
        const title = (await wb.page.locator('.part.sidebar .composite.title').textContent()) ?? '';
        assert.match(title, /华为云备份/);
        await wb.treeRow(/\S/);
        await wb.resizeSideBar(420);
        await wb.screenshot('zh-cn-backups-view');

        await wb.page.keyboard.press('F1');
        const input = wb.page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill('>华为云备份');
        const rows = wb.page.locator('.quick-input-widget .monaco-list-row .label-name');
        await rows.filter({ hasText: '筛选备份…' }).first().waitFor({ state: 'visible' });
        // The list is virtualised: only the first rows are rendered.
        const labels = (await rows.allTextContents()).map((label) => label.trim());
        assert.ok(labels.includes('华为云备份: 筛选备份…'), labels.join(' | '));
        assert.ok(labels.includes('华为云备份: 刷新'), labels.join(' | '));
        await wb.screenshot('zh-cn-command-palette');
      },
      { locale: 'zh-cn' },
    );
  });

  it('shows the welcome view with its buttons in Chinese when no credentials are set', async () => {
    await withWorkbench(
      async (wb) => {
        await wb.openView();
        const welcome = wb.page.locator('.part.sidebar .welcome-view-content');
        await welcome.getByText('尚未设置华为云凭证。').waitFor({ state: 'visible' });
        for (const button of ['设置凭证', '打开设置']) await welcome.getByRole('button', { name: button }).waitFor({ state: 'visible' });
        await wb.screenshot('zh-cn-welcome-view');
      },
      { locale: 'zh-cn', credentials: false },
    );
  });
});
