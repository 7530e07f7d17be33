import * as assert from 'assert';
import { DAY_MS, findGaps, findSizeDrops } from '../../src/domain/timelineAnalysis';
import { axisTicks, renderTimelineSvg } from '../../src/details/timeline/svg';
import { renderTimelineHtml } from '../../src/details/html/timeline';
import { autoBackup } from './detailsFixtures';

const T0 = Date.UTC(2026, 10, 1, 2, 0, 0);
const GB = 1024 ** 3;
const RANGE = { from: T0 - DAY_MS, to: T0 + 12 * DAY_MS };

/** Daily backups with a 4-day gap after day 4 and a size drop on day 10. */
const BACKUPS = [0, 1, 2, 3, 4, 8, 9, 10, 11].map((d) => autoBackup(`d${d}`, T0 + d * DAY_MS, d === 10 ? 2 * GB : 10 * GB));
const FAILED = autoBackup('f6', T0 + 6 * DAY_MS, undefined, { status: 'failed', name: '<img src=x onerror=alert(1)>' });
const ALL = [...BACKUPS, FAILED];

function svg() {
  return renderTimelineSvg({ backups: ALL, range: RANGE, gaps: findGaps(ALL, RANGE), drops: findSizeDrops(ALL), width: 1000, height: 260 });
}

describe('timeline SVG', () => {
  it('draws one focusable mark per backup, coloured by status class and carrying its id', () => {
    const text = svg();
    const marks = text.match(/<g class="mark [^"]*" data-backup-id="[^"]*" tabindex="0" role="button"/g) ?? [];
    assert.strictEqual(marks.length, ALL.length);
    assert.strictEqual((text.match(/class="mark status-succeeded"/g) ?? []).length, BACKUPS.length);
    assert.match(text, /class="mark status-failed no-size" data-backup-id="f6"/);
  });

  it('scales mark heights by size, with a minimum for unknown sizes', () => {
    const text = svg();
    const heightOf = (id: string) => Number(new RegExp(`data-backup-id="${id}"[^]*?<rect [^>]*height="([\\d.]+)"`).exec(text)![1]);
    const plot = 260 - 44 - 30;
    assert.strictEqual(heightOf('d0'), plot);
    assert.strictEqual(heightOf('d10'), Math.round((plot / 5) * 10) / 10);
    assert.strictEqual(heightOf('f6'), 4);
  });

  it('places marks in time order along the axis', () => {
    const text = svg();
    const xOf = (id: string) => Number(new RegExp(`data-backup-id="${id}"[^]*?<rect x="([\\d.]+)"`).exec(text)![1]);
    assert.ok(xOf('d0') < xOf('d1') && xOf('d1') < xOf('d4') && xOf('d4') < xOf('d8'));
  });

  it('shades and labels the gap in automatic backups', () => {
    const text = svg();
    assert.strictEqual((text.match(/<g class="gap">/g) ?? []).length, 1);
    assert.match(text, /<text class="gap-label"[^>]*>no automatic backup for 4 days<\/text>/);
  });

  it('flags the size drop on the smaller backup', () => {
    const text = svg();
    assert.match(text, /<g class="drop" data-backup-id="d10"><title>size dropped 80% from the previous backup<\/title>/);
    assert.match(text, /−80%/);
  });

  it('escapes backup names in titles and labels', () => {
    const text = svg();
    assert.ok(!text.includes('<img'));
    assert.ok(text.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  it('has no inline styles or handlers', () => {
    for (const tag of svg().match(/<[a-zA-Z][^>]*>/g) ?? []) {
      const names = tag.replace(/"[^"]*"/g, '""');
      assert.ok(!/\sstyle\s*=/.test(names), tag);
      assert.ok(!/\son[a-z]+\s*=/i.test(names), tag);
    }
  });

  it('puts at most about ten ticks on the axis, inside the range', () => {
    for (const span of [6 * 3_600_000, 3 * DAY_MS, 30 * DAY_MS, 365 * DAY_MS]) {
      const ticks = axisTicks({ from: T0, to: T0 + span });
      assert.ok(ticks.length >= 1 && ticks.length <= 11, `${span}: ${ticks.length} ticks`);
      for (const tick of ticks) assert.ok(tick.at >= T0 && tick.at <= T0 + span);
    }
  });
});

describe('timeline page', () => {
  const resources = {
    cspSource: 'vscode-webview://x',
    nonce: 'n0nce',
    styles: ['vscode-webview://x/media/details.css'],
    script: 'vscode-webview://x/media/details.js',
  };
  const instance = { service: 'rds' as const, id: 'orders-mysql-id', name: 'orders-mysql' };

  it('lists the findings with buttons that open the backups involved', () => {
    const html = renderTimelineHtml({
      instance,
      serviceLabel: 'RDS — Relational Database',
      range: RANGE,
      backups: ALL,
      fetchedAt: T0,
      resources,
    });
    assert.match(html, /Automatic backups usually run every 1 day\./);
    assert.match(html, /no automatic backup for 4 days/);
    assert.match(html, /size dropped 80% from the previous backup/);
    assert.match(html, /data-action="open" data-backup-id="d4"/);
    assert.match(html, /data-action="open" data-backup-id="d10"/);
    assert.match(html, /<h2>Backups \(10\)<\/h2>/);
    assert.ok(!html.includes('<img'));
  });

  it('shows a loading state before the first fetch and an inline error after a failed one', () => {
    const loading = renderTimelineHtml({ instance, serviceLabel: 'RDS', range: RANGE, resources });
    assert.match(loading, /Loading backups…/);
    const failed = renderTimelineHtml({
      instance,
      serviceLabel: 'RDS',
      range: RANGE,
      resources,
      error: { code: 'DBS.200002', message: 'The DB instance does not exist.', requestId: 'r-1', at: T0 },
    });
    assert.match(failed, /role="alert"/);
    assert.match(failed, /DBS\.200002/);
    assert.match(failed, /r-1/);
  });

  it('keeps the instance and the fixed range in data-state', () => {
    const html = renderTimelineHtml({ instance, serviceLabel: 'RDS', range: RANGE, fixedRange: RANGE, backups: [], resources });
    const state = JSON.parse(/data-state="([^"]*)"/.exec(html)![1].replace(/&quot;/g, '"'));
    assert.deepStrictEqual(state, { kind: 'timeline', instance, fixedRange: RANGE });
  });
});
