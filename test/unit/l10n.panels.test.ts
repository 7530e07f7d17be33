// Issue 11: the detail panel, the timeline and the shared formatters render in the display
// language. configureLocale is what extension.ts calls at activation with VS Code's language and
// bundle; here it gets the zh-cn bundle from l10n/, and English again afterwards.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  codeExplanation,
  errorSummary,
  filterSummary,
  formatBytes,
  formatElapsed,
  formatRelative,
  unfinishedText,
} from '../../src/cloud/format';
import { configureLocale } from '../../src/cloud/locale';
import { CloudError } from '../../src/cloud/http/errors';
import * as z from '../../src/cloud/schemas/check';
import { requiredText } from '../../src/cloud/schemas/lenient';
import { validateRecords } from '../../src/cloud/schemas/records';
import { summarizeCoverage } from '../../src/domain/backupScan';
import { describeError } from '../../src/domain/errorText';
import { renderDetailsHtml } from '../../src/details/html/details';
import { formatDuration } from '../../src/details/html/time';
import { renderTimelineHtml } from '../../src/details/html/timeline';
import { ENGLISH_PANEL_TEXTS, parsePanelTexts, shortAge } from '../../src/details/protocol';
import { DAY_MS } from '../../src/domain/timelineAnalysis';
import { autoBackup, FAILED_DCS_BACKUP } from './detailsFixtures';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ZH_BUNDLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));

const NOW = Date.UTC(2026, 10, 21, 6, 2, 14);
const HOUR = 3_600_000;
const GB = 1024 ** 3;
const resources = {
  cspSource: 'vscode-webview://x',
  nonce: 'n0nce',
  styles: ['vscode-webview://x/media/details.css'],
  script: 'vscode-webview://x/media/details.js',
};

function dcsPanel(): string {
  return renderDetailsHtml({
    backup: FAILED_DCS_BACKUP,
    serviceLabel: 'DCS — 分布式缓存服务（Redis）',
    fetchedAt: NOW - 3000,
    now: NOW,
    error: { code: 'APIGW.0308', message: 'The throttling threshold has been reached', requestId: 'req-42', status: 429, at: NOW - 1000 },
    resources,
  });
}

/** Daily automatic backups with a 4-day gap and an 80 % size drop, as in the timeline tests. */
const T0 = Date.UTC(2026, 10, 1, 2, 0, 0);
const RANGE = { from: T0 - DAY_MS, to: T0 + 12 * DAY_MS };
const SERIES = [
  ...[0, 1, 2, 3, 4, 8, 9, 10, 11].map((d) => autoBackup(`d${d}`, T0 + d * DAY_MS, d === 10 ? 2 * GB : 10 * GB)),
  autoBackup('f6', T0 + 6 * DAY_MS, undefined, { status: 'failed' }),
];

function timeline(): string {
  return renderTimelineHtml({
    instance: { service: 'rds', id: 'orders-mysql-id', name: 'orders-mysql' },
    serviceLabel: 'RDS — 云数据库',
    range: RANGE,
    backups: SERIES,
    truncatedAt: 10,
    fetchedAt: T0,
    resources,
  });
}

function section(html: string, id: string): string {
  const match = new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html);
  assert.ok(match, `section ${id} present`);
  return match[0];
}

/** The page's text as a reader sees it, without the parts that are API values, codes or raw JSON. */
function visibleWords(html: string): string {
  return html
    .replace(/<section id="raw"[\s\S]*?<\/section>/, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/<p lang="en">[\s\S]*?<\/p>/g, '')
    .replace(/<p class="muted source">[\s\S]*?<\/p>/g, '')
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<[^>]*>/g, ' ');
}

/** A schema in the shape of the response schemas: a required id, a status and a name. */
const rdsBackupSchemaForTest = z.object({ id: requiredText, status: z.string(), name: z.string() });

describe('l10n: panels in Simplified Chinese (issue 11)', () => {
  let englishPanel: string;
  let englishTimeline: string;

  before(() => {
    configureLocale({ language: 'en' });
    englishPanel = dcsPanel();
    englishTimeline = timeline();
    configureLocale({ language: 'zh-cn', bundle: ZH_BUNDLE });
  });

  after(() => configureLocale({ language: 'en' }));

  describe('the detail panel of a failed DCS backup', () => {
    it('is a zh-cn page whose headings, labels and buttons are Chinese', () => {
      const html = dcsPanel();
      assert.match(html, /<html lang="zh-cn">/);
      for (const heading of ['基本信息', '状态', '时间', '大小', 'DCS 详情', 'API 返回的其他字段', '原始 JSON']) {
        assert.ok(html.includes(`<h2>${heading}`), heading);
      }
      assert.match(section(html, 'identity'), /<dt>实例<\/dt>/);
      assert.match(section(html, 'identity'), /<dt>类型<\/dt><dd>自动备份 <span class="muted">（API：<code>auto<\/code>）<\/span>/);
      const status = section(html, 'status');
      assert.match(status, /<dt>状态<\/dt><dd><span class="status status-failed">[^]*?失败<\/span>/);
      assert.match(status, /<dt>进度<\/dt><dd>35\.00 %/);
      assert.match(status, /<dt>错误码<\/dt>/);
      assert.match(section(html, 'timing'), /<dt>开始时间<\/dt>[^]*?2018-04-15 22:00:00 UTC/);
      assert.match(section(html, 'timing'), /<dt>耗时<\/dt><dd>31 分钟 10 秒/);
      assert.match(section(html, 'size'), /（0 字节）/);
      for (const button of ['刷新', '复制ID', '复制 JSON', '在树中定位']) assert.ok(html.includes(`</span> ${button}</button>`), button);
      assert.match(html, /获取于 <span class="clock">[\d:]+<\/span>，<span class="age">3 秒前<\/span>/);
    });

    it('explains the error code Chinese first, with the English kept below it', () => {
      const status = section(dcsPanel(), 'status');
      assert.match(status, /<div class="explanation"><p lang="zh">执行超时。<\/p><p lang="en">The backup or restore timed out\.<\/p>/);
      assert.match(status, /来源：DCS API reference/);
    });

    it('words the refresh failure in Chinese, keeping the API message and codes as sent', () => {
      const banner = section(dcsPanel(), 'refresh-error');
      assert.match(banner, /刷新失败 — 显示最后一次获取的数据/);
      assert.match(banner, /The throttling threshold has been reached/);
      assert.match(banner, /<p lang="zh">请求被流控（429）/);
      assert.match(banner, /请求ID <code>req-42<\/code>/);
      assert.match(banner, /发生于 [\d:]+（1 秒前）/);
    });

    it('hands the webview script its ticking age in Chinese', () => {
      const attribute = /<body data-l10n="([^"]*)">/.exec(dcsPanel())![1].replace(/&quot;/g, '"');
      const texts = parsePanelTexts(attribute);
      assert.deepStrictEqual(texts, { secondsAgo: '{0} 秒前', minutesAgo: '{0} 分钟前', hoursAgo: '{0} 小时前' });
      assert.strictEqual(shortAge(125_000, texts), '2 分钟前');
    });

    it('leaves none of its own English words, only API values and codes', () => {
      const words = visibleWords(dcsPanel()).match(/[A-Za-z][\w'-]*(?: [A-Za-z][\w'-]*)*/g) ?? [];
      // API values (message, names, raw field names, size unit), acronyms, and the adapter's field labels (src/cloud/services);
      // "UTC-02" is how a zone like UTC-02:30 (Newfoundland) reads to the word pattern.
      const allowed = new RegExp(
        '^(The throttling threshold has been reached|backup_20180415230000|session-cache|is_support_restore|bytes|false|null|FALSE|' +
          'B|DCS|Redis|API|JSON|ID|HTTP|UTC(?:[+-]\\d\\d)?|Backup window|Remark|Restore supported)$',
      );
      assert.deepStrictEqual(
        words.filter((word) => !allowed.test(word)),
        [],
      );
    });
  });

  describe('the timeline', () => {
    it('renders its title, legend, findings, table and chart in Chinese', () => {
      const html = timeline();
      assert.match(html, /<html lang="zh-cn">/);
      assert.match(html, /<title>orders-mysql 的备份<\/title>/);
      assert.match(html, /（最近 30 天） · 获取于 [\d:]+/);
      assert.match(html, /仅显示最新的 10 个备份；列表在此处截断。/);
      for (const legend of ['成功', '失败', '备份中', '等待中', '已过期/已删除', '未知', '自动备份空缺', '大小下降超过 50%']) {
        assert.ok(/<ul class="legend">[^]*?<\/ul>/.exec(html)![0].includes(legend), legend);
      }
      const findings = section(html, 'findings');
      assert.match(findings, /<h2>分析结果<\/h2><p>自动备份通常每 1 天执行一次。<\/p>/);
      assert.match(findings, /4 天内无自动备份：[\d-]+ [\d:]+ → [\d-]+ [\d:]+ · 在 <button[^>]*data-backup-id="d4"/);
      assert.match(findings, /比上一个备份缩小 80%（10 GB → 2 GB）：<button[^>]*data-backup-id="d10"/);
      const table = section(html, 'backups');
      assert.match(table, /<h2>备份（10）<\/h2>/);
      assert.match(table, /<th>名称<\/th><th>状态<\/th><th>类型<\/th><th>开始时间<\/th><th class="num">大小<\/th>/);
      assert.match(table, /<td>自动备份<\/td>/);
      assert.match(html, /<text class="gap-label"[^>]*>4 天内无自动备份<\/text>/);
      assert.match(html, /<text class="scale"[^>]*>最大：10 GB<\/text>/);
      assert.match(html, /aria-label="[\d-]+ 至 [\d-]+ 的备份"/);
      assert.match(html, /<g class="tick">[^]*?>\d+月\d+日<\/text>/);
    });

    it('says loading and a failed load in Chinese', () => {
      const base = { instance: { service: 'rds' as const, id: 'i', name: 'i' }, serviceLabel: 'RDS', range: RANGE, resources };
      assert.match(renderTimelineHtml(base), /正在加载备份…/);
      const failed = renderTimelineHtml({ ...base, backups: [], error: { code: 'DBS.200002', message: 'x', requestId: 'r-1', at: T0 } });
      assert.match(failed, /加载备份失败/);
      assert.match(failed, /请求ID <code>r-1<\/code>/);
      assert.match(failed, /未发现空缺或大小骤降。/);
    });
  });

  describe('the shared formatters', () => {
    it('word relative times, elapsed times and durations in Chinese', () => {
      assert.strictEqual(formatRelative(NOW - 20_000, NOW), '刚刚');
      assert.strictEqual(formatRelative(NOW - 2 * HOUR - 59 * 60_000, NOW), '2 小时前');
      assert.strictEqual(formatRelative(NOW - 3 * DAY_MS, NOW), '3 天前');
      assert.strictEqual(formatRelative(NOW - 45 * DAY_MS, NOW), '1 个月前');
      assert.strictEqual(formatRelative(NOW + 10 * 60_000, NOW), '10 分钟后');
      assert.strictEqual(formatElapsed(3 * HOUR + 12 * 60_000), '3 小时 12 分钟');
      assert.strictEqual(formatDuration(HOUR + 2 * 60_000 + 3000), '1 小时 2 分钟 3 秒');
      const running = { status: 'inProgress' as const, start: { instant: NOW - 45_000 } };
      assert.strictEqual(unfinishedText(running, NOW), '已运行 45 秒');
      assert.strictEqual(unfinishedText({ ...running, status: 'waiting' }, NOW), '已等待 45 秒');
    });

    it('put the Chinese explanation first and keep the English', () => {
      assert.strictEqual(codeExplanation('dcs.08.0002'), '执行超时。（The backup or restore timed out.）');
      assert.strictEqual(errorSummary('dcs.08.0002', undefined), 'dcs.08.0002 — 执行超时。（The backup or restore timed out.）');
    });

    it('summarise a filter in Chinese, keeping sizes numeric', () => {
      const summary = filterSummary({
        types: ['auto', 'manual'],
        timeRange: { from: NOW - 7 * DAY_MS, to: NOW, preset: 'last7d' },
        statuses: ['failed'],
        resourceTypes: ['server', 'disk'],
      });
      assert.strictEqual(summary, '自动备份、手动备份 · 最近 7 天 · 失败 · 资源：服务器、云硬盘');
      assert.strictEqual(formatBytes(1.2 * GB), '1.2 GB');
    });
  });

  describe('what the cloud layer says', () => {
    it("words a record the API sent wrong, a search's coverage and an error line in Chinese", () => {
      // What the tree's "invalid record" row shows for it, beside its valid sibling.
      const checked = validateRecords(
        [
          { id: 'ok', status: 'x', name: 'n' },
          { id: '', status: 7 },
        ],
        rdsBackupSchemaForTest,
        (r) => r,
      );
      assert.strictEqual(checked.items.length, 1);
      assert.strictEqual(checked.invalid[0].message, 'id：不能为空；status：应为 string，实际为 number；name：缺少此字段');
      const coverage = summarizeCoverage([
        {
          service: 'dcs',
          strategy: 'instanceScan',
          instancesSearched: 3,
          recordsScanned: 47,
          listsCut: 0,
          instancesListed: 3,
          instancesCut: false,
          errors: [],
        },
      ]);
      assert.deepStrictEqual(coverage.searched, ['DCS：已在 3 个实例中扫描 47 个备份']);
      const error = new CloudError('超时', { service: 'rds', code: 'TIMEOUT', requestId: 'r-1' });
      assert.strictEqual(describeError(error), '超时（TIMEOUT、请求ID r-1）');
    });
  });

  describe('back in English', () => {
    it('renders the panel and the timeline exactly as before the switch', () => {
      configureLocale({ language: 'en' });
      try {
        assert.strictEqual(dcsPanel(), englishPanel);
        assert.strictEqual(timeline(), englishTimeline);
        assert.match(englishPanel, /<html lang="en">/);
        assert.match(
          section(englishPanel, 'status'),
          /<div class="explanation"><p lang="en">The backup or restore timed out\.<\/p><p lang="zh">执行超时。/,
        );
        assert.match(englishPanel, /fetched <span class="clock">[\d:]+<\/span>, <span class="age">3 s ago<\/span>/);
        assert.match(englishTimeline, /Automatic backups usually run every 1 day\./);
        assert.match(englishTimeline, /<g class="tick">[^]*?>[A-Z][a-z]{2} \d+<\/text>/);
        assert.strictEqual(formatRelative(NOW - 2 * HOUR, NOW), '2 h ago');
        assert.strictEqual(codeExplanation('dcs.08.0002'), 'The backup or restore timed out. (执行超时。)');
      } finally {
        configureLocale({ language: 'zh-cn', bundle: ZH_BUNDLE });
      }
    });
  });
});

describe('panel texts for the webview script', () => {
  it('falls back to English when the page carries none or a broken set', () => {
    assert.deepStrictEqual(parsePanelTexts(null), ENGLISH_PANEL_TEXTS);
    assert.deepStrictEqual(parsePanelTexts('{not json'), ENGLISH_PANEL_TEXTS);
    assert.deepStrictEqual(parsePanelTexts('{"secondsAgo":"x","minutesAgo":"{0} m","hoursAgo":"{0} h"}'), ENGLISH_PANEL_TEXTS);
    assert.strictEqual(shortAge(3_400), '3 s ago');
  });
});
