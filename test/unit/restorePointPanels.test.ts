// The Find Restore Point… and Show Backup Health panels' pure parts: the moment presets and the
// typed moment, the health settings, the new panel messages and both pages' HTML.
import * as assert from 'assert';
import { readHealthSettings } from '../../src/auth/settings';
import type { Backup, Instance } from '../../src/cloud/model';
import { momentPresets, parseMoment } from '../../src/commands/restoreMoment';
import { isPanelMessage } from '../../src/details/protocol';
import { renderHealthHtml } from '../../src/details/html/health';
import { coverageText, renderRestorePointHtml, windowText } from '../../src/details/html/restorePoint';
import type { RestorePointAnswer } from '../../src/domain/findRestorePoint';
import { assessBackups, type HealthReport } from '../../src/domain/health';
import { restoreChains } from '../../src/domain/restoreChain';
import { DAY_MS, HOUR_MS } from '../../src/domain/timelineAnalysis';
import { autoBackup } from './detailsFixtures';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const RESOURCES = {
  cspSource: 'https://csp',
  nonce: 'n0nce',
  styles: ['https://csp/media/details.css'],
  script: 'https://csp/media/details.js',
};
const payments: Instance = { service: 'rds', id: 'pay-1', name: 'payments-mysql', raw: {} };

describe('Find Restore Point…: the moment', () => {
  it('offers now, an hour ago and a day ago', () => {
    assert.deepStrictEqual(
      momentPresets(NOW).map((p) => [p.id, p.instant]),
      [
        ['now', NOW],
        ['hourAgo', NOW - HOUR_MS],
        ['dayAgo', NOW - DAY_MS],
      ],
    );
  });

  it('reads a typed local time or ISO time, and refuses nonsense and the future', () => {
    assert.deepStrictEqual(parseMoment('2026-11-20T10:02:00Z', NOW), { instant: Date.parse('2026-11-20T10:02:00Z') });
    assert.deepStrictEqual(parseMoment('2026-11-20 10:02', NOW), { instant: new Date(2026, 10, 20, 10, 2).getTime() });
    assert.ok('problem' in parseMoment('', NOW));
    assert.match((parseMoment('yesterday', NOW) as { problem: string }).problem, /not a valid time/);
    assert.match((parseMoment('2027-01-01T00:00:00Z', NOW) as { problem: string }).problem, /future/);
  });
});

describe('hwcBackups.health.* settings', () => {
  it('defaults to the instance’s own schedule and badges on', () => {
    assert.deepStrictEqual(readHealthSettings({}), { settings: { maxBackupAgeHours: 0, decorateTree: true }, problems: [] });
  });
  it('keeps good values, clamps and reports bad ones', () => {
    assert.deepStrictEqual(readHealthSettings({ maxBackupAgeHours: 36, decorateTree: false }).settings, {
      maxBackupAgeHours: 36,
      decorateTree: false,
    });
    const bad = readHealthSettings({ maxBackupAgeHours: -3, decorateTree: 'yes' });
    assert.deepStrictEqual(bad.settings, { maxBackupAgeHours: 0, decorateTree: true });
    assert.strictEqual(bad.problems.length, 2);
    assert.match(readHealthSettings({ maxBackupAgeHours: 'x' }).problems[0], /health\.maxBackupAgeHours must be a number/);
  });
});

describe('panel messages of the new panels', () => {
  it('carries the instance of a row and the sort asked for, checked', () => {
    assert.ok(isPanelMessage({ type: 'timeline', service: 'rds', instanceId: 'i1' }));
    assert.ok(isPanelMessage({ type: 'sort', sort: 'age' }));
    assert.ok(isPanelMessage({ type: 'open', backupId: 'b', service: 'rds', instanceId: 'i1', scopeKey: 'prod/ap-southeast-1' }));
    assert.ok(!isPanelMessage({ type: 'open', scopeKey: 7 }), 'a scope key is text');
    assert.ok(isPanelMessage({ type: 'copyMarkdown' }));
    assert.strictEqual(isPanelMessage({ type: 'sort', sort: 'size' }), false);
    assert.strictEqual(isPanelMessage({ type: 'timeline', instanceId: 3 }), false);
  });
});

function answerFor(backups: Backup[], moment: number, ranges?: RestorePointAnswer['rangeFindings']): RestorePointAnswer {
  const { best, alternatives } = restoreChains(backups, moment);
  const lastRestorable = ranges ? ranges.ranges.filter((r) => r.to < moment).at(-1)?.to : best?.restorableTo;
  return {
    instance: payments,
    moment,
    rangeFindings: ranges,
    lastRestorable,
    lossWindowMs: lastRestorable === undefined ? undefined : moment - lastRestorable,
    best,
    alternatives,
    backups: [...backups].sort((a, b) => b.start.instant! - a.start.instant!),
    coverage: {
      serverFiltered: true,
      requests: 2,
      recordsScanned: backups.length,
      readBackTo: moment - 7 * DAY_MS,
      cut: false,
      invalid: 0,
    },
  };
}

describe('the restore-point page', () => {
  const backups = [0, 1, 2, 8, 9].map((d) => autoBackup(`b${d}`, NOW - 12 * DAY_MS + d * DAY_MS, 10 * 1024 ** 3));
  const moment = NOW - 5 * DAY_MS;
  const ranges = {
    ranges: [
      { from: NOW - 13 * DAY_MS, to: NOW - 10 * DAY_MS + HOUR_MS },
      { from: NOW - 4 * DAY_MS, to: NOW },
    ],
    reversed: [],
    daysRead: ['2026-11-16', '2026-11-15'],
  };

  it('says the moment is in a gap, names the nearest restorable moment, the loss window, the backup to use', () => {
    const html = renderRestorePointHtml({
      instance: payments,
      serviceLabel: 'RDS — Relational Database',
      moment,
      answer: answerFor(backups, moment, ranges),
      resources: RESOURCES,
    });
    assert.match(html, /id="verdict" class="verdict verdict-warning"/);
    assert.match(html, /not inside any restorable range/);
    assert.match(html, /Data-loss window: <strong>4 days 23 hours<\/strong>/);
    assert.match(html, /id="best"[^]*data-backup-id="b2"/);
    assert.match(html, /Read with the API’s time filter: 2 requests/);
    // Every backup read, each opening its panel, with local and UTC times.
    assert.strictEqual((html.match(/data-action="open"/g) ?? []).length >= backups.length, true);
    assert.match(html, /UTC<\/span>/);
    assert.match(html, /data-action="findRestorePoint"/);
  });

  it('says when the moment is inside a range, and when the list was scanned client-side and cut', () => {
    const inside = answerFor(backups, NOW - HOUR_MS, { ...ranges, containing: ranges.ranges[1] });
    const html = renderRestorePointHtml({
      instance: payments,
      serviceLabel: 'RDS',
      moment: NOW - HOUR_MS,
      answer: { ...inside, lastRestorable: NOW - HOUR_MS, lossWindowMs: 0 },
      resources: RESOURCES,
    });
    assert.match(html, /verdict-ok/);
    assert.match(html, /it can be restored to exactly/);
    const scanned = { ...inside, coverage: { ...inside.coverage, serverFiltered: false, cut: true } };
    assert.match(coverageText(scanned), /scanned client-side[^]*record limit/);
    assert.strictEqual(windowText(25 * 60_000), '25 min');
    assert.strictEqual(windowText(0), 'nothing: the moment itself can be restored to');
  });

  it('escapes what the API sent', () => {
    const evil = autoBackup('x', NOW - DAY_MS, 1, { name: '<img src=x onerror=alert(1)>' });
    const html = renderRestorePointHtml({
      instance: payments,
      serviceLabel: 'RDS',
      moment: NOW,
      answer: answerFor([evil], NOW),
      resources: RESOURCES,
    });
    assert.ok(!html.includes('<img src=x'));
    assert.match(html, /&lt;img src=x/);
  });
});

describe('the health page', () => {
  const inst = (id: string, name: string): Instance => ({ service: 'rds', id, name, raw: {} });
  const rules = { now: NOW, windowMs: 7 * DAY_MS, maxBackupAgeHours: 0 };
  const stale = [3, 4, 5, 6].map((d) => autoBackup(`s${d}`, NOW - d * DAY_MS, 1));
  const report: HealthReport = {
    now: NOW,
    windowMs: 7 * DAY_MS,
    maxBackupAgeHours: 0,
    instances: [
      {
        scope: 'cn-north-4',
        scopeKey: 'default/cn-north-4',
        service: 'rds',
        instance: inst('z', 'zeta'),
        ...assessBackups(stale, rules),
        requests: 1,
        cut: false,
      },
      {
        scope: 'cn-north-4',
        scopeKey: 'default/cn-north-4',
        service: 'dcs',
        instance: { service: 'dcs', id: 'l', name: 'ledger-redis', raw: {} },
        findings: [{ kind: 'unscannable', severity: 'warning', error: 'APIGW.0302: forbidden' }],
        requests: 1,
        cut: false,
      },
    ],
    summaries: [
      {
        scope: 'cn-north-4',
        service: 'rds',
        instances: 1,
        instancesCut: false,
        counts: { stale: 1, failed: 0, sizeDrop: 0, longRunning: 0, unscannable: 0 },
        healthy: 0,
      },
    ],
    serviceFailures: [],
    backupRequests: 2,
  };

  it('shows a summary line per service, the findings sorted as asked, rows opening timelines and backups', () => {
    const html = renderHealthHtml({ report, sort: 'name', scanning: false, resources: RESOURCES });
    assert.match(html, /id="summary"[^]*RDS: 1 stale, 0 failed/);
    assert.match(html, /data-action="sort" data-sort="name" aria-pressed="true"/);
    assert.ok(html.indexOf('ledger-redis') < html.indexOf('zeta'), 'sorted by name');
    assert.match(html, /data-action="timeline" data-service="rds" data-instance-id="z" data-scope-key="default\/cn-north-4"/);
    assert.match(
      html,
      /data-action="open" data-backup-id="s3" data-service="rds" data-instance-id="z" data-scope-key="default\/cn-north-4"/,
    );
    assert.match(html, /Could not be scanned: APIGW\.0302: forbidden/);
    for (const action of ['refresh', 'copyMarkdown', 'exportCsv', 'exportJson']) assert.match(html, new RegExp(`data-action="${action}"`));
  });

  it('says how many instances had more backups in the window than the page read, and only then', () => {
    assert.doesNotMatch(
      renderHealthHtml({ report, sort: 'name', scanning: false, resources: RESOURCES }),
      /older failures there may be missing/,
    );
    const cut = { ...report, instances: report.instances.map((health, i) => (i === 0 ? { ...health, cut: true } : health)) };
    const html = renderHealthHtml({ report: cut, sort: 'name', scanning: false, resources: RESOURCES });
    assert.match(html, /1 instances had more backups in the window than the page read: older failures there may be missing/);
  });

  it('shows a spinner before the first report and disables the exports', () => {
    const html = renderHealthHtml({ sort: 'severity', scanning: true, resources: RESOURCES });
    assert.match(html, /Scanning every instance/);
    assert.match(html, /data-action="copyMarkdown" disabled/);
  });
});
