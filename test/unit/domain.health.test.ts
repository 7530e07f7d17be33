// The health rules (assessBackups), the report's rows, sorting and exports, and the tree's marks, on
// hand-made data: no host, no HTTP.
import * as assert from 'assert';
import type { Backup, Instance } from '../../src/cloud/model';
import type { Page, PageRequest } from '../../src/cloud/paging';
import type { AdapterContext, ServiceAdapter } from '../../src/cloud/services/adapter';
import { assessBackups, scanInstance, type HealthReport, type InstanceHealth, type InstanceRules } from '../../src/domain/health';
import { healthRows, healthToCsv, healthToJson, healthToMarkdown } from '../../src/domain/healthReport';
import { DAY_MS, HOUR_MS } from '../../src/domain/timelineAnalysis';
import { countDecoration, HealthMarks, instanceDecoration, markOf, parseHealthPath } from '../../src/explorer/healthMarks';
import { autoBackup } from './detailsFixtures';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const GB = 1024 ** 3;
const RULES: InstanceRules = { now: NOW, windowMs: 7 * DAY_MS, maxBackupAgeHours: 0 };
/** The default connection in cn-north-4 (Scope.key). */
const SCOPE = 'default/cn-north-4';

/** Daily automatic backups `daysAgo` days before NOW (2 a.m.-ish), 10 GB each. */
const daily = (daysAgo: readonly number[], overrides: Partial<Backup> = {}) =>
  daysAgo.map((d) => autoBackup(`d${d}`, NOW - d * DAY_MS, 10 * GB, overrides));

const kinds = (backups: readonly Backup[], rules: InstanceRules = RULES) =>
  assessBackups(backups, rules).findings.map((f) => (f.kind === 'failed' ? `failed${f.isLatest ? ' latest' : ''}` : f.kind));

describe('health rules (assessBackups)', () => {
  it('finds nothing wrong with daily good backups', () => {
    const result = assessBackups(daily([1, 2, 3, 4, 5, 6]), RULES);
    assert.deepStrictEqual(result.findings, []);
    assert.strictEqual(result.usualIntervalMs, DAY_MS);
    assert.strictEqual(result.lastSucceeded?.id, 'd1');
    assert.strictEqual(result.lastSucceededAgeMs, DAY_MS);
  });

  it('is stale after 1.5 × its own usual interval, or after maxBackupAgeHours when set', () => {
    assert.deepStrictEqual(kinds(daily([2, 3, 4, 5, 6])), ['stale']);
    assert.deepStrictEqual(kinds(daily([1, 2, 3, 4])), []);
    // The setting overrides the schedule: 12 hours is exceeded by a backup a day old.
    assert.deepStrictEqual(kinds(daily([1, 2, 3, 4]), { ...RULES, maxBackupAgeHours: 12 }), ['stale']);
    const stale = assessBackups(daily([1, 2]), { ...RULES, maxBackupAgeHours: 12 }).findings[0];
    assert.ok(stale.kind === 'stale' && stale.thresholdSource === 'maxBackupAge' && stale.thresholdMs === 12 * HOUR_MS);
  });

  it('says when an instance has no succeeded automatic backup at all (with the setting on)', () => {
    const manual = daily([1], { type: 'manual' });
    const [finding] = assessBackups(manual, { ...RULES, maxBackupAgeHours: 24 }).findings;
    assert.ok(finding.kind === 'stale' && finding.lastAutomatic === undefined && finding.ageMs === undefined);
  });

  it('reports a failure in the window: critical when it is the latest backup, a notice otherwise; older ones not at all', () => {
    const backups = [autoBackup('latest', NOW - HOUR_MS, 0, { status: 'failed' }), ...daily([1, 2, 3, 4, 5])];
    const result = assessBackups(backups, RULES);
    assert.deepStrictEqual(
      result.findings.map((f) => [f.kind, f.severity]),
      [['failed', 'critical']],
    );
    const older = [...daily([1, 3, 4, 5]), autoBackup('mid', NOW - 2 * DAY_MS, 0, { status: 'failed' })];
    assert.deepStrictEqual(kinds(older), ['failed']);
    assert.strictEqual(assessBackups(older, RULES).findings[0].severity, 'notice');
    const outside = [...daily([1, 2, 3]), autoBackup('old', NOW - 10 * DAY_MS, 0, { status: 'failed' })];
    assert.deepStrictEqual(kinds(outside), []);
  });

  it('finds a size drop of more than half, and compares CBR backups within one resource only', () => {
    const backups = daily([1, 2, 3, 4]).map((b) => (b.id === 'd1' ? { ...b, sizeBytes: 4 * GB } : b));
    assert.deepStrictEqual(kinds(backups), ['sizeDrop']);
    const vault = [
      autoBackup('disk', NOW - DAY_MS, GB, { resourceName: 'disk-1' }),
      autoBackup('server', NOW - 1.5 * DAY_MS, 40 * GB, { resourceName: 'server-1' }),
      autoBackup('disk0', NOW - 2 * DAY_MS, GB, { resourceName: 'disk-1' }),
      autoBackup('server0', NOW - 2.5 * DAY_MS, 40 * GB, { resourceName: 'server-1' }),
    ];
    assert.ok(!kinds(vault).includes('sizeDrop'), 'a small disk after a large server is no drop');
  });

  it('finds a backup running for more than 3 × its usual duration', () => {
    const running = autoBackup('running', NOW - 2 * HOUR_MS, undefined, { status: 'inProgress', end: {} });
    assert.deepStrictEqual(kinds([running, ...daily([1, 2, 3])]), ['longRunning']);
    const young = autoBackup('young', NOW - 5 * 60_000, undefined, { status: 'inProgress', end: {} });
    assert.deepStrictEqual(kinds([young, ...daily([1, 2, 3])]), []);
  });
});

const instance = (service: string, id: string, name = id): Instance => ({ service, id, name, raw: {} });

/** An API over `records` in the order given that filters by time on the server, recording each request. */
function listingApi(records: readonly Backup[]) {
  const requests: (PageRequest & { filter?: { timeRange?: { from: number; to: number } } })[] = [];
  const adapter = {
    id: 'rds',
    async listBackups(_ctx: AdapterContext, _instance: Instance, request: (typeof requests)[number]): Promise<Page<Backup>> {
      requests.push(request);
      const range = request.filter?.timeRange;
      const matching = range ? records.filter((b) => b.start.instant! >= range.from && b.start.instant! <= range.to) : records;
      const items = matching.slice(0, request.limit);
      return {
        items,
        invalid: [],
        next: matching.length > request.limit ? { kind: 'offset', offset: request.limit } : undefined,
        scanned: items.length,
      };
    },
  } as unknown as ServiceAdapter;
  const scope = {
    key: SCOPE,
    label: 'cn-north-4',
    context: { projectId: 'p', get: () => Promise.reject(new Error('no HTTP')) },
    adapters: [adapter],
  };
  const scan = () => scanInstance(scope, adapter, instance('rds', 'i1'), RULES, 100);
  return { requests, scan };
}

describe('health scan of one instance (scanInstance)', () => {
  it('reads the newest page once, unfiltered, without a count, when the API lists newest first', async () => {
    const api = listingApi(daily(Array.from({ length: 200 }, (_, i) => i + 1)));
    const health = await api.scan();
    assert.strictEqual(api.requests.length, 1);
    assert.strictEqual(api.requests[0].filter, undefined);
    assert.strictEqual(api.requests[0].skipTotal, true);
    assert.deepStrictEqual(health.findings, []);
    assert.strictEqual(health.requests, 1);
    assert.strictEqual(health.cut, false, 'a hundred daily backups reach back past the 7-day window');
  });

  it('dates the last automatic backup of an instance whose backups stopped, from that one page', async () => {
    const api = listingApi(daily([40, 41, 42, 43]));
    const health = await api.scan();
    assert.strictEqual(api.requests.length, 1);
    const [stale] = health.findings;
    assert.ok(stale.kind === 'stale' && stale.lastAutomatic?.id === 'd40' && stale.ageMs === 40 * DAY_MS);
  });

  it('says when the page did not reach back to the window’s start (older failures may be missing)', async () => {
    const hourly = Array.from({ length: 300 }, (_, i) => autoBackup(`h${i}`, NOW - (i + 1) * HOUR_MS, 10 * GB));
    const health = await listingApi(hourly).scan();
    assert.strictEqual(health.cut, true);
  });

  it('asks for the lookback by time when the API listed oldest first, and still finds the recent failure', async () => {
    const oldestFirst = [
      ...daily(Array.from({ length: 150 }, (_, i) => 150 - i)),
      autoBackup('bad', NOW - HOUR_MS, 0, { status: 'failed' }),
    ];
    const api = listingApi(oldestFirst);
    const health = await api.scan();
    assert.strictEqual(api.requests.length, 2);
    assert.ok(api.requests[1].filter?.timeRange && api.requests[1].filter.timeRange.to === NOW);
    assert.strictEqual(health.requests, 2);
    assert.deepStrictEqual(
      health.findings.map((f) => [f.kind, f.severity]),
      [['failed', 'critical']],
    );
  });
});

function report(instances: InstanceHealth[]): HealthReport {
  return {
    now: NOW,
    windowMs: 7 * DAY_MS,
    maxBackupAgeHours: 0,
    instances,
    summaries: [
      {
        scope: 'cn-north-4',
        service: 'rds',
        instances: instances.length,
        instancesCut: false,
        counts: { stale: 1, failed: 1, sizeDrop: 0, longRunning: 0, unscannable: 1 },
        healthy: 0,
      },
    ],
    serviceFailures: [],
    backupRequests: instances.length,
  };
}

function healthOf(inst: Instance, backups: Backup[]): InstanceHealth {
  return {
    scope: 'cn-north-4',
    scopeKey: SCOPE,
    service: inst.service,
    instance: inst,
    ...assessBackups(backups, RULES),
    requests: 1,
    cut: false,
  };
}

/** zeta: stale for 3 days; alpha|pipe: latest failed an hour ago; mid: not scannable. */
function sample(): HealthReport {
  const zeta = healthOf(instance('rds', 'z1', 'zeta'), daily([3, 4, 5, 6]));
  const alpha = healthOf(instance('rds', 'a1', 'alpha|pipe'), [
    autoBackup('bad', NOW - HOUR_MS, 0, { status: 'failed', name: 'bad|name', errorCode: 'DBS.200001' }),
    ...daily([1, 2, 3]),
  ]);
  const mid: InstanceHealth = {
    scope: 'cn-north-4',
    scopeKey: SCOPE,
    service: 'rds',
    instance: instance('rds', 'm1', 'mid'),
    findings: [{ kind: 'unscannable', severity: 'warning', error: 'APIGW.0302: forbidden' }],
    requests: 1,
    cut: false,
  };
  return report([zeta, alpha, mid]);
}

describe('health report rows and exports', () => {
  it('sorts by severity (then oldest first), by age (unscannable last), and by name', () => {
    const r = sample();
    assert.deepStrictEqual(
      healthRows(r, 'severity').map((row) => `${row.severity} ${row.instanceName}`),
      ['critical zeta', 'critical alpha|pipe', 'warning mid'],
    );
    assert.deepStrictEqual(
      healthRows(r, 'age').map((row) => row.instanceName),
      ['zeta', 'alpha|pipe', 'mid'],
    );
    assert.deepStrictEqual(
      healthRows(r, 'name').map((row) => row.instanceName),
      ['alpha|pipe', 'mid', 'zeta'],
    );
  });

  it('lists a service that could not be listed as a row of its own', () => {
    const r = { ...sample(), serviceFailures: [{ scope: 'cn-north-4', service: 'dds', error: 'DBS.280001' }] };
    const row = healthRows(r).find((candidate) => candidate.kind === 'serviceUnavailable');
    assert.ok(row && /DBS\.280001/.test(row.description));
  });

  it('makes a Markdown table a person can paste: pipes in names escaped, one row per finding', () => {
    const markdown = healthToMarkdown(sample());
    const lines = markdown.trimEnd().split('\n');
    const table = lines.filter((line) => line.startsWith('|'));
    assert.strictEqual(table.length, 2 + 3, 'header, separator and three rows');
    assert.match(table[1], /^\|(---\|)+$/);
    const cellsOf = (line: string) => line.split(/(?<!\\)\|/).length;
    assert.ok(
      table.every((line) => cellsOf(line) === cellsOf(table[0])),
      'an escaped | never adds a column',
    );
    assert.match(markdown, /alpha\\\|pipe/);
    assert.match(markdown, /bad\\\|name/);
    assert.match(markdown, /- cn-north-4 · RDS: 1 stale/);
  });

  it('writes CSV with a BOM, CRLF and quoted cells, and JSON with every instance', () => {
    const csv = healthToCsv(sample());
    assert.ok(csv.startsWith('\uFEFFSeverity,Scope,Service,Instance,Finding,Backup,Started (UTC)\r\n'));
    assert.strictEqual(csv.split('\r\n').length, 1 + 3 + 1);
    assert.match(csv, /"Could not be scanned: APIGW\.0302: forbidden"|Could not be scanned: APIGW\.0302: forbidden/);
    const json = JSON.parse(healthToJson(sample())) as { instances: { instanceName: string; findings: unknown[] }[] };
    assert.deepStrictEqual(
      json.instances.map((i) => [i.instanceName, i.findings.length]),
      [
        ['zeta', 1],
        ['alpha|pipe', 1],
        ['mid', 1],
      ],
    );
  });
});

describe('tree health marks', () => {
  const rds = `/${SCOPE}/rds`;
  it('marks stale and latest-failed instances only, and counts them on the service, region and connection', () => {
    const marks = new HealthMarks();
    const changed = marks.applyReport(sample());
    assert.deepStrictEqual(changed.sort(), ['/default', '/default/cn-north-4', rds, `${rds}/a1`, `${rds}/z1`]);
    assert.deepStrictEqual(marks.decorationOf(`${rds}/a1`), {
      badge: '✕',
      color: 'error',
      tooltip: marks.instanceMark(SCOPE, 'rds', 'a1')!.reasons[0],
    });
    assert.strictEqual(marks.decorationOf(`${rds}/z1`)?.badge, '!');
    assert.strictEqual(marks.decorationOf(`${rds}/z1`)?.color, 'warning');
    assert.strictEqual(marks.decorationOf(`${rds}/m1`), undefined, 'unscannable is in the report, not a badge');
    for (const path of [rds, '/default/cn-north-4', '/default'])
      assert.deepStrictEqual([marks.decorationOf(path)?.badge, marks.decorationOf(path)?.color], ['2', 'error'], path);
    assert.strictEqual(marks.decorationOf(`/${SCOPE}/dds`), undefined);
  });

  it('keeps scopes apart: the same instance id in two regions, counted on each region and both on the connection', () => {
    const marks = new HealthMarks();
    const stale = assessBackups(daily([3, 4, 5, 6]), RULES).findings;
    marks.applyFindings('prod/cn-north-4', 'rds', 'same-id', stale, 'probe');
    marks.applyFindings('prod/ap-southeast-1', 'rds', 'same-id', stale, 'probe');
    marks.applyFindings('staging/cn-north-4', 'rds', 'other', [], 'probe');
    assert.strictEqual(marks.decorationOf('/prod/cn-north-4')?.badge, '1');
    assert.strictEqual(marks.decorationOf('/prod/ap-southeast-1/rds')?.badge, '1');
    assert.strictEqual(marks.decorationOf('/prod')?.badge, '2');
    assert.strictEqual(marks.decorationOf('/staging'), undefined);
    assert.strictEqual(marks.decorationOf('/pro'), undefined, 'a connection id that is a prefix of another counts nothing of it');
    assert.ok(!marks.isJudged('staging/ap-southeast-1', 'rds', 'same-id'));
  });

  it('lets a scan replace anything, a loaded list replace a probe, never a probe a scan', () => {
    const marks = new HealthMarks();
    const stale = assessBackups(daily([3, 4, 5, 6]), RULES).findings;
    const above = ['/default', '/default/cn-north-4', rds];
    assert.deepStrictEqual(marks.applyFindings(SCOPE, 'rds', 'z1', stale, 'probe').sort(), [...above, `${rds}/z1`]);
    assert.ok(marks.isJudged(SCOPE, 'rds', 'z1'));
    assert.deepStrictEqual(
      marks.applyFindings(SCOPE, 'rds', 'z1', [], 'loaded').sort(),
      [...above, `${rds}/z1`],
      'the loaded list clears it',
    );
    assert.deepStrictEqual(marks.applyFindings(SCOPE, 'rds', 'z1', stale, 'probe'), [], 'a later probe does not undo it');
    marks.applyReport(sample());
    assert.deepStrictEqual(marks.applyFindings(SCOPE, 'rds', 'z1', [], 'loaded'), [], 'the scan stands');
    assert.strictEqual(marks.decorationOf(`${rds}/z1`)?.badge, '!');
    assert.deepStrictEqual(marks.clear().sort(), [...above, `${rds}/a1`, `${rds}/z1`]);
    assert.strictEqual(marks.decorationOf(rds), undefined);
  });

  it('words decorations and parses paths, ids with slashes included', () => {
    const mark = markOf(assessBackups(daily([3, 4, 5, 6]), RULES).findings, 'report')!;
    assert.deepStrictEqual(instanceDecoration(mark).badge, '!');
    assert.strictEqual(countDecoration([]), undefined);
    assert.strictEqual(countDecoration(Array(120).fill(mark))?.badge, '99');
    assert.deepStrictEqual(parseHealthPath(`/${SCOPE}/cbr/vault/with/slash`), {
      connectionId: 'default',
      region: 'cn-north-4',
      service: 'cbr',
      instanceId: 'vault/with/slash',
    });
    assert.deepStrictEqual(parseHealthPath('/default'), {
      connectionId: 'default',
      region: undefined,
      service: undefined,
      instanceId: undefined,
    });
    assert.strictEqual(parseHealthPath('nope'), undefined);
  });
});
