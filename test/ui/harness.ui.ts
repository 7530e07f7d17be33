// Checks the harness itself against built-in workbench features, so that a broken helper is told
// apart from a broken extension: the command palette, quick picks, input boxes and webview frames.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { withWorkbench } from './harness';

describe('UI harness', () => {
  it('runs commands, answers quick picks and reads a webview', async () => {
    await withWorkbench(
      async (wb) => {
        fs.writeFileSync(path.join(wb.workspaceFolder, 'notes.md'), '# Harness check\n\nHello from the harness.\n');

        await wb.runCommand('Go to File...');
        await wb.pickItem('notes.md');
        await wb.page.locator('.tabs-container .tab', { hasText: 'notes.md' }).waitFor({ state: 'visible' });

        await wb.runCommand('Go to Line/Column...');
        await wb.typeInInput(':3');
        await wb.page.locator('.statusbar-item', { hasText: 'Ln 3, Col 1' }).waitFor({ state: 'visible' });

        await wb.runCommand('Change Language Mode');
        await wb.pickItem('Plain Text');
        await wb.page.locator('.statusbar-item', { hasText: 'Plain Text' }).first().waitFor({ state: 'visible' });
        await wb.runCommand('Change Language Mode');
        await wb.pickItem('Markdown');

        await wb.runCommand('Markdown: Open Preview');
        const preview = await wb.webviewFrame('Preview notes.md');
        await preview.locator('h1', { hasText: 'Harness check' }).waitFor({ state: 'visible' });
        assert.match((await preview.locator('body').textContent()) ?? '', /Hello from the harness/);
        await wb.screenshot('harness-markdown-preview');
      },
      { credentials: false },
    );
  });
});
