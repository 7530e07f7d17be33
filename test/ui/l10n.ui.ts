// The extension in a Chinese workbench (display language zh-cn through a stub language pack):
// the activity bar entry, the view and the command palette show the strings of
// package.nls.zh-cn.json; the tree, the filter wizard, error nodes, the detail panel and the
// timeline those of l10n/bundle.l10n.zh-cn.json. VS Code's own UI stays English (no real language
// pack offline). Screenshots: test-results/screenshots/zh-cn-*.png.
import * as assert from 'assert';
import { withWorkbench, type Workbench } from './harness';
import {
  CHINESE,
  contextMenu,
  demoRecord,
  filterToDemoMonth,
  openFromPalette,
  quickInputShows,
  shot,
  text,
  textOf,
  treeRow,
  waitForText,
} from './workbenchSteps';

/** The description of the tree row `label` once it matches `pattern` (descriptions update after loads). */
async function waitForDescription(wb: Workbench, label: string, pattern: RegExp): Promise<string> {
  let last = '';
  for (let i = 0; i < 100; i++) {
    last = (await wb.treeRows()).find((row) => row.label === label)?.description ?? '';
    if (pattern.test(last)) return last;
    await wb.page.waitForTimeout(200);
  }
  throw new Error(`${label}'s description stayed "${last}", never matching ${pattern}`);
}

/** Latin words of three letters or more that are not API values, codes or names: English left behind. */
function englishWords(rendered: string, allowed: RegExp): string[] {
  return (rendered.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? []).filter((word) => !allowed.test(word));
}

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
        await wb.screenshot('zh-cn-view-services');

        await wb.page.keyboard.press('F1');
        const input = wb.page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        const rows = wb.page.locator('.quick-input-widget .monaco-list-row .label-name');
        // The list is virtualised (only the first rows are rendered): narrow it to each command looked for.
        for (const title of ['刷新', '筛选备份…']) {
          await input.fill(`>华为云备份: ${title}`);
          await rows.filter({ hasText: title }).first().waitFor({ state: 'visible' });
          const labels = (await rows.allTextContents()).map((label) => label.trim());
          assert.ok(labels.includes(`华为云备份: ${title}`), labels.join(' | '));
        }
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

  it('shows the tree, an error node and the filter wizard in Chinese', async () => {
    await withWorkbench(
      async (wb) => {
        await wb.openView();
        await wb.resizeSideBar(480);
        const rds = await treeRow(wb, (label) => label === 'RDS — 云数据库', 'RDS — 云数据库');
        for (const label of [
          'DDS — 文档数据库服务',
          'DCS — 分布式缓存服务（Redis）',
          'GES — 图引擎服务',
          'CSBS — 云服务器备份服务',
          'CBR — 云备份',
        ]) {
          await treeRow(wb, (candidate) => candidate === label, label);
        }
        await rds.locator.click();
        const orders = await treeRow(wb, (label) => label === 'orders-mysql', 'orders-mysql');
        await orders.locator.click();
        // "MySQL 8.0 · 143 个备份（已显示 50 个）" once its first page is in.
        await wb.treeRow(/orders-mysql-/);
        const described = await waitForDescription(wb, 'orders-mysql', /个备份/);
        assert.match(described, /143 个备份（已显示 50 个）/);
        const rdsRow = (await wb.treeRows()).find((row) => row.label === 'RDS — 云数据库');
        assert.match(rdsRow?.description ?? '', /个实例/);
        await wb.screenshot('zh-cn-backups-view');

        // An error node: DDS answers 503 while the fault lasts (RDS collapsed, so DDS is in sight).
        await (await treeRow(wb, (label) => label === 'RDS — 云数据库', 'RDS — 云数据库')).locator.click();
        wb.emulator.injectFault({ kind: 'serverError', service: 'dds', status: 503 });
        const dds = await treeRow(wb, (label) => label === 'DDS — 文档数据库服务', 'DDS');
        await dds.locator.click();
        const error = await wb.treeRow(/503/);
        assert.match(error.description, /单击重试/);
        await wb.screenshot('zh-cn-error-node');
        wb.emulator.clearFaults();

        // The filter wizard's first step.
        await wb.runCommand(CHINESE.filterBackups);
        await quickInputShows(wb, /要显示的类型/);
        const items = await wb.page.locator('.quick-input-widget .monaco-list-row .label-name').allTextContents();
        // The palette's own row can linger in the DOM while the wizard's list replaces it.
        assert.deepStrictEqual(
          items.map((item) => item.trim()).filter((item) => !item.includes(':')),
          ['自动备份', '手动备份', '增量备份', '差异备份'],
        );
        await wb.screenshot('zh-cn-filter-types');
        await wb.page.keyboard.press('Escape');
      },
      { locale: 'zh-cn' },
    );
  });

  it("shows a failed DCS backup's panel and the payments-mysql timeline in Chinese", async () => {
    await withWorkbench(
      async (wb) => {
        await wb.openView();
        const dcsName = demoRecord(wb, 'dcs', 'sessions-redis', (r) => r.error_code === 'dcs.08.0002').backup_name as string;
        const panel = await openFromPalette(wb, 'DCS — 分布式缓存服务（Redis）', 'sessions-redis', dcsName, CHINESE);
        assert.strictEqual(await panel.locator('html').getAttribute('lang'), 'zh-cn');
        const explanation = panel.locator('#status dd p[lang]');
        assert.deepStrictEqual(await explanation.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('lang'))), ['zh', 'en']);
        assert.match(await textOf(explanation.first()), /执行超时/);
        const status = await text(panel, '#status');
        assert.match(status, /状态/);
        assert.match(status, /错误码/);
        // Everything but the English explanation (shown second) and the cited API page (a document's title).
        const ownWords = await panel.locator('#status').evaluate((section) => {
          const copy = section.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('p[lang="en"], .source').forEach((node) => node.remove());
          return copy.textContent ?? '';
        });
        assert.deepStrictEqual(englishWords(ownWords, /^(API|dcs|DCS|Redis|failed)$/), []);
        await shot(wb, panel, '#status', 'zh-cn-details-dcs-failed');

        await filterToDemoMonth(wb, CHINESE);
        const rds = await treeRow(wb, (label) => label === 'RDS — 云数据库', 'RDS — 云数据库');
        if (!rds.expanded) await rds.locator.click();
        const payments = await treeRow(wb, (label) => label === 'payments-mysql', 'payments-mysql');
        const tab = wb.page.locator('.tabs-container .tab', { hasText: '时间线：payments-mysql' });
        await contextMenu(wb, payments, '查看备份时间线', async () => (await tab.count()) > 0);
        const timeline = await wb.webviewFrame('时间线：payments-mysql');
        await timeline.locator('svg.timeline').waitFor({ state: 'visible', timeout: 20_000 });
        assert.match(await text(timeline, 'svg.timeline .gap-label'), /5 天内无自动备份/);
        const findings = await text(timeline, '#findings');
        assert.match(findings, /缩小 \d+%/);
        await shot(wb, timeline, 'svg.timeline', 'zh-cn-timeline');
      },
      { locale: 'zh-cn' },
    );
  });

  it('speaks Chinese in notifications and dialogs: Find Backup by ID found, and not found with what it searched', async () => {
    await withWorkbench(
      async (wb) => {
        await wb.openView();
        await wb.resizeSideBar(480);
        // Found: a DCS backup beyond the tree's first page, so the search runs and says where.
        const target = demoRecord(wb, 'dcs', 'sessions-redis', (r) => r.error_code === 'dcs.08.0002');
        await wb.runCommand(CHINESE.findBackup);
        await quickInputShows(wb, /按ID查找备份/);
        await wb.typeInInput(target.backup_id as string);
        const found = await wb.notification(/在 DCS sessions-redis 中找到备份/);
        assert.match(await found.innerText(), new RegExp(`找到备份“${target.backup_name as string}”`));
        await wb.screenshot('zh-cn-find-found');

        // Not found: a modal dialog that says, in Chinese, what was searched and how.
        await wb.runCommand(CHINESE.findBackup);
        await quickInputShows(wb, /按ID查找备份/);
        await wb.typeInInput('no-such-backup-4242');
        const dialog = await waitForText(wb.page, '.monaco-dialog-box', /未找到ID为 no-such-backup-4242 的备份/, 120_000);
        assert.match(dialog, /已搜索/);
        assert.match(dialog, /RDS：已在 \d+ 个实例中按 ID 查询/);
        assert.match(dialog, /DCS：已在 \d+ 个实例中扫描 \d+ 个备份/);
        // Ours in Chinese; what follows "未搜索" quotes the API's own messages (ledger-redis answers 403).
        const ours = dialog.split('未搜索')[0];
        assert.deepStrictEqual(englishWords(ours, /^(RDS|DDS|DCS|GES|CSBS|CBR|no-such-backup-|OK|Cancel|Close)$/), []);
        assert.match(dialog, /未搜索或未搜索完整：\n• DCS：实例 ledger-redis：/);
        await wb.screenshot('zh-cn-find-not-found');
      },
      { locale: 'zh-cn', installed: true },
    );
  });
});
