// Smoke UI spec: the extension's activity bar entry opens the Huawei Cloud Backups view.
import * as assert from 'assert';
import * as fs from 'fs';
import { withWorkbench } from './harness';

describe('smoke: Huawei Cloud Backups view in the browser', () => {
  it('opens from the activity bar and shows the Backups tree', async () => {
    await withWorkbench(async (wb) => {
      await wb.openView();
      const title = (await wb.page.locator('.part.sidebar .composite.title').textContent()) ?? '';
      assert.match(title, /Huawei Cloud Backups/i);
      // The demo keys are in the environment, so the tree replaces the welcome view.
      await wb.page.locator('.part.sidebar .customview-tree').waitFor({ state: 'visible' });
      await wb.treeRow(/\S/); // any row: the tree has content
      const shot = await wb.screenshot('smoke-backups-view');
      assert.ok(fs.statSync(shot).size > 0);
    });
  });
});
