// The domain layer's restore-point and health rules against the emulator's demo data, over real HTTP.
import * as assert from 'assert';
import type { Instance, ServiceId } from '../../src/cloud/model';
import type { AdapterContext } from '../../src/cloud/services/adapter';
import { adapterFor, ADAPTERS } from '../../src/cloud/services/registry';
import { createCloudSession } from '../../src/cloud/session';
import { DEFAULT_SETTINGS } from '../../src/cloud/settings';
import { findRestorePoint } from '../../src/domain/findRestorePoint';
import { scanHealth } from '../../src/domain/health';
import { healthToMarkdown } from '../../src/domain/healthReport';
import { cloudRejection } from '../support/cloudError';
import { DEMO_NAMES, startEmulator, type Emulator } from '../emulator';
import { EXPECTED_FINDINGS } from '../emulator/plantedFindings';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('domain rules against the emulator', function () {
  this.timeout(30_000);
  let emulator: Emulator;
  let ctx: AdapterContext;

  before(async () => {
    emulator = await startEmulator({ now: new Date(NOW) });
    const session = createCloudSession({
      settings: {
        ...DEFAULT_SETTINGS,
        endpointTemplate: emulator.endpointTemplate,
        region: emulator.region,
        projectId: emulator.projectId,
        maxRetries: 0,
      },
      credentials: emulator.credentials,
      tuning: { sleep: async () => undefined },
    });
    ctx = await session.context();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.clearRequests());

  async function instanceNamed(service: ServiceId, name: string): Promise<Instance> {
    const page = await adapterFor(service).listInstances(ctx, { limit: 50 });
    const found = page.items.find((instance) => instance.name === name);
    assert.ok(found, `${service} instance ${name} not found`);
    return found;
  }

  describe('restore-time', () => {
    it('RDS answers a day or, without one, the whole retention period, in milliseconds', async () => {
      const payments = await instanceNamed('rds', DEMO_NAMES.rds.payments);
      const all = await adapterFor('rds').restoreTimes!(ctx, payments, undefined);
      assert.strictEqual(all.ranges.length, 2, 'the 5-day gap splits the retention period in two');
      const gapMs = all.ranges[1].from - all.ranges[0].to;
      assert.ok(gapMs > 4.9 * DAY && gapMs < 5.1 * DAY, `gap of ${gapMs / DAY} days`);
      const day = await adapterFor('rds').restoreTimes!(ctx, payments, '2026-11-20');
      assert.deepStrictEqual(day.ranges, [{ from: Date.UTC(2026, 10, 20), to: Date.UTC(2026, 10, 21) - 1 }]);
      assert.strictEqual(emulator.requests.at(-1)?.query.date, '2026-11-20');
    });

    it('DDS requires the day (400 from the API; the adapter does not send without one) and has gaps where a backup failed', async () => {
      const catalog = await instanceNamed('dds', DEMO_NAMES.dds.catalog);
      const error = await cloudRejection(adapterFor('dds').restoreTimes!(ctx, catalog, undefined));
      assert.strictEqual(error.code, 'INVALID_REQUEST');
      const raw = await ctx.get('dds', `/v3/${ctx.projectId}/instances/${catalog.id}/restore-time`, {}).catch((e: unknown) => e);
      assert.strictEqual((raw as { status?: number }).status, 400);
      // catalog-mongo's automatic backup of 6 days ago failed: that day has a gap.
      const gapDay = new Date(NOW - 6 * DAY).toISOString().slice(0, 10);
      const ranges = (await adapterFor('dds').restoreTimes!(ctx, catalog, gapDay)).ranges;
      assert.ok(ranges.length >= 1);
      assert.ok(ranges[0].from > Date.parse(`${gapDay}T00:00:00Z`) || ranges.length > 1, JSON.stringify(ranges));
    });

    it('keeps a reversed range apart and a malformed one as invalid, never hiding the others', async () => {
      const payments = await instanceNamed('rds', DEMO_NAMES.rds.payments);
      const saved = emulator.data.restoreTimes!.get(payments.id)!;
      emulator.data.restoreTimes!.set(payments.id, [
        { start_time: 2000, end_time: 1000 },
        { start_time: 'soon' as unknown as number, end_time: 5 },
        { start_time: 3000, end_time: 4000 },
      ]);
      try {
        const answer = await adapterFor('rds').restoreTimes!(ctx, payments, undefined);
        assert.deepStrictEqual(answer.ranges, [{ from: 3000, to: 4000 }]);
        assert.deepStrictEqual(answer.reversed, [{ from: 2000, to: 1000 }]);
        assert.strictEqual(answer.invalid.length, 1);
      } finally {
        emulator.data.restoreTimes!.set(payments.id, saved);
      }
    });
  });

  describe('Find Restore Point', () => {
    it('payments-mysql inside its 5-day gap: the nearest restorable moment before it, the backup to use, the loss window', async () => {
      const payments = await instanceNamed('rds', DEMO_NAMES.rds.payments);
      const moment = NOW - 11 * DAY;
      const answer = await findRestorePoint(ctx, adapterFor('rds'), payments, moment);
      assert.ok(answer.rangeFindings && !answer.rangeFindings.error);
      assert.strictEqual(answer.rangeFindings.containing, undefined, 'the moment is in the gap');
      assert.ok(answer.lastRestorable! < moment && answer.lossWindowMs! > 2 * DAY, `loss ${answer.lossWindowMs! / DAY} days`);
      assert.ok(answer.best, 'a full backup before the moment');
      assert.ok(answer.best.full.start.instant! <= answer.lastRestorable!);
      assert.deepStrictEqual(answer.best.breaks, []);
      assert.ok(answer.coverage.serverFiltered);
      assert.ok(answer.coverage.requests <= 2, `${answer.coverage.requests} backup requests`);
      const backupRequests = emulator.requests.filter((r) => r.path.endsWith('/backups'));
      assert.ok(
        backupRequests.every((r) => r.query.begin_time && r.query.end_time),
        'every list asked with a time window',
      );
    });

    it('billing-pg after its failed incremental: the broken link, the loss window, the previous full as the alternative', async () => {
      const billing = await instanceNamed('rds', DEMO_NAMES.rds.billing);
      const answer = await findRestorePoint(ctx, adapterFor('rds'), billing, NOW - HOUR);
      const best = answer.best!;
      assert.strictEqual(best.breaks[0]?.kind, 'failed');
      assert.strictEqual(best.breaks[0].backup?.type, 'incremental');
      assert.ok(best.restorableTo < best.breaks[0].to);
      assert.strictEqual(answer.alternatives.length, 1);
      assert.ok(answer.alternatives[0].full.start.instant! < best.full.start.instant!);
      // The ranges agree: nothing after the break can be restored to.
      assert.ok(answer.lastRestorable! <= best.breaks[0].to, 'the ranges end before the broken link');
    });

    it('GES (no restore-time API, no server time filter) answers from the backups and says how far it scanned', async () => {
      const social = await instanceNamed('ges', DEMO_NAMES.ges.social);
      const answer = await findRestorePoint(ctx, adapterFor('ges'), social, NOW);
      assert.strictEqual(answer.rangeFindings, undefined);
      assert.strictEqual(answer.coverage.serverFiltered, false);
      assert.ok(answer.best && answer.lastRestorable === answer.best.restorableTo);
      assert.ok(answer.coverage.recordsScanned > 0 && !answer.coverage.cut);
    });
  });

  describe('health scan over the demo data', () => {
    it('reports every planted finding and nothing else, with one backup request per instance', async () => {
      const started = Date.now();
      const report = await scanHealth([{ key: `default/${emulator.region}`, label: emulator.region, context: ctx, adapters: ADAPTERS }], {
        now: NOW,
        concurrency: 4,
      });
      const found = report.instances
        .flatMap((health) =>
          health.findings.map((f) => `${health.service} ${health.instance.name} ${f.kind}${'backup' in f ? ` ${f.backup.name}` : ''}`),
        )
        .sort();
      assert.deepStrictEqual(found, EXPECTED_FINDINGS, found.map((line) => `'${line}',`).join('\n'));
      assert.deepStrictEqual(report.serviceFailures, []);
      const ledger = report.instances.find((health) => health.instance.name === DEMO_NAMES.dcs.ledger)!;
      assert.match((ledger.findings[0] as { error: string }).error, /APIGW\.0302/);
      // The emulator lists newest first, as the APIs do: one backup request per instance, and no CSBS count.
      assert.ok(report.instances.every((h) => h.requests === 1));
      const backupRequests = emulator.requests.filter((r) => r.at >= started && /backups|checkpoint_items/.test(r.path));
      assert.strictEqual(backupRequests.length, report.instances.length, backupRequests.map((r) => r.path).join('\n'));
      assert.match(healthToMarkdown(report), /\| critical \| cn-north-4 \| GES \| kg-archive \|/);
    });
  });
});
