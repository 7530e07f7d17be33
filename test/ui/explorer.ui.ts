// The Backups tree as a user sees it in the browser: every service expanded, "load more", an error
// node under an injected fault, and an invalid-record node with its tooltip. Each flow saves a
// screenshot to test-results/screenshots/explorer-*.png.
import * as assert from 'assert';
import { withWorkbench, type Workbench } from './harness';

const SERVICES = [
  'RDS — Relational Database',
  'DDS — Document Database',
  'DCS — Distributed Cache (Redis)',
  'GES — Graph Engine',
  'CSBS — Cloud Server Backup',
  'CBR — Cloud Backup and Recovery',
];

const step = (name: string) => process.env.HWC_UI_VERBOSE && console.log(`    … ${name}`);

interface Row {
  /** The row's data-index in the (virtualised) list, to find it again. */
  readonly index: string;
  readonly label: string;
  readonly description: string;
  readonly level: number;
  readonly expanded: boolean | undefined;
}

const ROWS = '.part.sidebar .customview-tree .monaco-list-row';

/** The rendered rows of the Backups tree, read in one round trip. */
function readRows(wb: Workbench): Promise<Row[]> {
  return wb.page.$$eval(ROWS, (elements) =>
    elements.map((element) => {
      const expanded = element.getAttribute('aria-expanded');
      return {
        index: element.getAttribute('data-index') ?? '',
        label: element.querySelector('.label-name')?.textContent?.trim() ?? '',
        description: element.querySelector('.label-description')?.textContent?.trim() ?? '',
        level: Number(element.getAttribute('aria-level')),
        expanded: expanded === null ? undefined : expanded === 'true',
      };
    }),
  );
}

const rowLocator = (wb: Workbench, row: Row) => wb.page.locator(`${ROWS}[data-index="${row.index}"]`);

/** Polls the rendered tree until `matches` finds a row. */
async function waitForRow(wb: Workbench, what: string, matches: (row: Row) => boolean, timeoutMs = 20_000): Promise<Row> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await readRows(wb);
    const row = rows.find(matches);
    if (row) return row;
    if (Date.now() > deadline) {
      const shown = rows.map((candidate) => `${'  '.repeat(candidate.level - 1)}${candidate.label} | ${candidate.description}`);
      throw new Error(`timed out waiting for ${what}; the tree shows:\n${shown.join('\n')}`);
    }
    await wb.page.waitForTimeout(100);
  }
}

/** Expands the collapsed row labelled `label` and waits until its first child is rendered. */
async function expand(wb: Workbench, label: string): Promise<void> {
  const row = await waitForRow(wb, `row "${label}"`, (candidate) => candidate.label === label);
  if (!row.expanded) await rowLocator(wb, row).click();
  await waitForRow(wb, `"${label}" expanded`, (candidate) => candidate.label === label && candidate.expanded === true);
  // Its first child is the row right below it.
  await waitForRow(
    wb,
    `children of "${label}"`,
    (candidate) => candidate.level === row.level + 1 && Number(candidate.index) === Number(row.index) + 1,
  );
}

/** Clicks a collapsible row to collapse it again. */
async function collapse(wb: Workbench, label: string): Promise<void> {
  const row = await waitForRow(wb, `row "${label}"`, (candidate) => candidate.label === label);
  if (row.expanded) await rowLocator(wb, row).click();
  await waitForRow(wb, `"${label}" collapsed`, (candidate) => candidate.label === label && candidate.expanded === false);
}

/** Moves the mouse onto a row and waits for its hover tooltip. */
async function hover(wb: Workbench, row: Row): Promise<string> {
  const hoverWidget = wb.page.locator('.monaco-hover, .workbench-hover').first();
  // The workbench sometimes ignores a pointer that arrives while it is still redrawing: try again.
  for (let attempt = 1; ; attempt++) {
    await wb.page.mouse.move(0, 0);
    await rowLocator(wb, row).hover({ position: { x: 60, y: 10 } });
    const shown = await hoverWidget.waitFor({ state: 'visible', timeout: 4000 }).then(
      () => true,
      () => false,
    );
    if (shown) return (await hoverWidget.innerText()).replace(/\s+/g, ' ');
    if (attempt === 3) throw new Error(`no tooltip appeared over "${row.label}"`);
  }
}

/** Drags the side bar's edge so labels and descriptions fit in the screenshots. */
async function widenSideBar(wb: Workbench, width: number): Promise<void> {
  const box = await wb.page.locator('.part.sidebar').boundingBox();
  assert.ok(box, 'the side bar is not shown');
  const y = box.y + box.height / 2;
  await wb.page.mouse.move(box.x + box.width + 1, y);
  await wb.page.mouse.down();
  await wb.page.mouse.move(box.x + width, y, { steps: 5 });
  await wb.page.mouse.up();
}

describe('explorer: the Backups tree in the browser', function () {
  // One workbench for four flows.
  this.timeout(300_000);

  it('shows all six services expanded, loads more, and keeps errors and invalid records inside the tree', async () => {
    await withWorkbench(
      async (wb) => {
        await wb.openView();
        await widenSideBar(wb, 620);

        step('1 services');
        // 1. Every service expanded, with counts in the descriptions.
        for (const service of SERVICES) await expand(wb, service);
        const rows = await readRows(wb);
        const topLevel = rows.filter((row) => row.level === 1).map((row) => row.label);
        assert.deepStrictEqual(topLevel, SERVICES);
        // The count, once the load that brought it has ended.
        await waitForRow(wb, 'RDS instance count', (row) => row.label === SERVICES[0] && /^\d+ instances$/.test(row.description));
        await waitForRow(wb, 'GES graph count', (row) => row.label === SERVICES[3] && /^\d+ graphs$/.test(row.description));
        await waitForRow(
          wb,
          'CSBS counts',
          (row) => row.label === SERVICES[4] && /^\d+ backups · \d+ error · \d+ servers$/.test(row.description),
        );
        await waitForRow(wb, 'CBR vault count', (row) => row.label === SERVICES[5] && row.description === '4 vaults');
        const message = (
          await wb.page.locator('.part.sidebar .customview-tree').locator('xpath=..').locator('.message').first().innerText()
        ).trim();
        assert.match(message, /^cn-north-4 · project \S+ · using HUAWEICLOUD_SDK_AK from the environment$/);
        assert.ok(rows.some((row) => row.label === 'orders-mysql' && row.level === 2));
        assert.ok(rows.some((row) => row.label === 'web-01' && row.level === 2));
        await wb.screenshot('explorer-all-services-expanded');

        for (const service of SERVICES.slice(1)) await collapse(wb, service);

        step('2 load more');
        // 2. "Load more": the first page, then the next one with a click.
        await expand(wb, 'orders-mysql');
        const more = await waitForRow(wb, 'the load-more row', (row) => row.label.startsWith('Load 10 more…'));
        assert.strictEqual(more.label, 'Load 10 more… (10 of 143)');
        await waitForRow(
          wb,
          'the instance count',
          (row) => row.label === 'orders-mysql' && row.description.includes('143 backups (10 shown)'),
        );
        await rowLocator(wb, more).click();
        await waitForRow(wb, 'the second page', (row) => row.label === 'Load 10 more… (20 of 143)');
        await waitForRow(
          wb,
          'the updated count',
          (row) => row.label === 'orders-mysql' && row.description.includes('143 backups (20 shown)'),
        );
        const backups = (await readRows(wb)).filter((row) => row.level === 3 && !row.label.startsWith('Load'));
        assert.strictEqual(backups.length, 20);
        await wb.screenshot('explorer-load-more');
        await collapse(wb, 'orders-mysql');

        step('3 error');
        // 3. An error node: DDS answers 503 while the fault lasts; the row names code and request id.
        wb.emulator.injectFault({ kind: 'serverError', service: 'dds', status: 503 });
        await wb.runCommand('Huawei Cloud Backups: Refresh');
        await expand(wb, SERVICES[1]);
        const error = await waitForRow(wb, 'the error row', (row) => row.level === 2 && /DBS|503|error/i.test(row.label));
        const failed = wb.emulator.requests.filter((request) => request.service === 'dds' && request.status === 503);
        assert.ok(failed.length > 0);
        assert.ok(error.description.includes(failed[failed.length - 1].requestId), `"${error.description}" names the request id`);
        assert.match(error.description, /click to retry/);
        await hover(wb, error);
        await wb.screenshot('explorer-error-node');
        // Retry by clicking the error row once the service is back.
        wb.emulator.clearFaults();
        await wb.page.mouse.move(0, 0);
        await rowLocator(wb, error).click();
        await waitForRow(wb, 'DDS instances after the retry', (row) => row.label === 'catalog-mongo');

        step('4 invalid');
        // 4. Invalid records: legacy-drift has two malformed records among its backups.
        await collapse(wb, SERVICES[1]);
        await expand(wb, 'legacy-drift');
        const invalid = await waitForRow(wb, 'an invalid-record row', (row) => row.label.startsWith('Invalid record'));
        const legacyRows = (await readRows(wb)).filter((row) => row.level === 3);
        assert.strictEqual(legacyRows.filter((row) => row.label.startsWith('Invalid record')).length, 2);
        assert.ok(legacyRows.filter((row) => !row.label.startsWith('Invalid record') && !row.label.startsWith('Load')).length >= 8);
        const tooltip = await hover(wb, invalid);
        assert.match(tooltip, /cannot read/);
        await wb.screenshot('explorer-invalid-record');
      },
      { settings: { 'hwcBackups.pageSize': 10, 'hwcBackups.maxRetries': 0 } },
    );
  });

  it("counts a CSBS server's backups like every other instance (the count API with resource_id)", async () => {
    await withWorkbench(
      async (wb) => {
        await wb.openView();
        await widenSideBar(wb, 620);
        await expand(wb, SERVICES[4]);
        await expand(wb, 'web-01');
        // Marker paging has no total: the count API gives it, so the node says more than "more available".
        await waitForRow(wb, 'the web-01 total', (row) => row.label === 'web-01' && row.description === 'server · 9 backups (5 shown)');
        const more = await waitForRow(wb, 'the load-more row', (row) => row.label === 'Load 4 more… (5 of 9)');
        await wb.screenshot('explorer-csbs-server-total');

        // Refresh keeps how far a list was loaded: both pages come back, one request each.
        await rowLocator(wb, more).click();
        await waitForRow(wb, 'all 9 shown', (row) => row.label === 'web-01' && row.description === 'server · 9 backups');
        wb.emulator.clearRequests();
        await wb.runCommand('Huawei Cloud Backups: Refresh');
        const pageRequests = () => wb.emulator.requests.filter((request) => request.path.endsWith('/checkpoint_items'));
        for (let waited = 0; pageRequests().length < 2 && waited < 20_000; waited += 100) await wb.page.waitForTimeout(100);
        await waitForRow(wb, 'all 9 again after Refresh', (row) => row.label === 'web-01' && row.description === 'server · 9 backups');
        await wb.page.waitForTimeout(500);
        assert.strictEqual(pageRequests().length, 2, JSON.stringify(pageRequests().map((request) => request.query)));
        await wb.screenshot('explorer-refresh-keeps-pages');

        // An instance without backups says so.
        await collapse(wb, SERVICES[4]);
        await expand(wb, SERVICES[0]);
        // The sixth RDS instance is on the second page of instances.
        await rowLocator(wb, await waitForRow(wb, 'more RDS instances', (row) => row.label.startsWith('Load 1 more…'))).click();
        await expand(wb, 'staging-mysql');
        await waitForRow(wb, 'the empty row', (row) => row.label === 'No backups' && row.level === 3);
        await wb.screenshot('explorer-empty-instance');
      },
      { settings: { 'hwcBackups.pageSize': 5 } },
    );
  });
});
