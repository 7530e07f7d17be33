/**
 * The emulator's accounts and regions (issue 13), over real HTTP with the product's own session and
 * adapters: each region resolves its own project from IAM and lists its own data, account B's keys
 * see only B's project, and a region without a project or with a refused one fails clearly.
 */
import * as assert from 'assert';
import type { Instance, ServiceId } from '../../src/cloud/model';
import { adapterFor, SERVICE_IDS } from '../../src/cloud/services/registry';
import { createCloudSession } from '../../src/cloud/session';
import { DEFAULT_SETTINGS } from '../../src/cloud/settings';
import { CloudError } from '../../src/cloud/http/errors';
import { searchScopes } from '../../src/domain/backupScan';
import { maxInFlight } from '../support/bigInstance';
import { cloudRejection } from '../support/cloudError';
import { allPages } from '../support/pages';
import {
  ACCOUNT_B_CREDENTIALS,
  ACCOUNT_B_PROJECT_ID,
  DEMO_CREDENTIALS,
  DEMO_NAMES,
  DEMO_PROJECT_ID,
  DENIED_PROJECT_ID,
  FAILING_REGION,
  regionalNames,
  SECOND_PROJECT_ID,
  SECOND_REGION,
  startEmulator,
  type Emulator,
} from '../emulator';

const NOW = new Date('2026-11-21T12:00:00Z');

describe('emulator: two accounts, several regions', function () {
  let emulator: Emulator;

  before(async () => {
    emulator = await startEmulator({ now: NOW });
  });
  after(() => emulator.close());

  function session(region: string, credentials: { accessKey: string; secretKey: string } = DEMO_CREDENTIALS, projectId = '') {
    return createCloudSession({
      settings: { ...DEFAULT_SETTINGS, endpointTemplate: emulator.endpointTemplate, region, projectId, maxRetries: 0 },
      credentials,
      tuning: { sleep: async () => undefined },
    });
  }

  async function instanceNames(region: string, service: ServiceId, credentials = DEMO_CREDENTIALS): Promise<string[]> {
    const ctx = await session(region, credentials).context();
    const pages = await allPages((cursor) => adapterFor(service).listInstances(ctx, { cursor, limit: 50 }));
    return pages.flatMap((page) => page.items.map((instance: Instance) => instance.name));
  }

  it('exposes both accounts, the second region, the failing and the refused region on its handle', () => {
    assert.deepStrictEqual(emulator.credentials, DEMO_CREDENTIALS);
    assert.deepStrictEqual(emulator.accountB, {
      credentials: ACCOUNT_B_CREDENTIALS,
      region: 'cn-north-4',
      projectId: ACCOUNT_B_PROJECT_ID,
    });
    assert.notStrictEqual(emulator.accountB.credentials.accessKey, emulator.credentials.accessKey);
    assert.deepStrictEqual(emulator.secondRegion, { region: SECOND_REGION, projectId: SECOND_PROJECT_ID });
    assert.strictEqual(emulator.failingRegion, FAILING_REGION);
    assert.deepStrictEqual(emulator.deniedRegion, { region: 'ap-southeast-3', projectId: DENIED_PROJECT_ID });
    assert.deepStrictEqual(
      emulator.accounts.a.projects.map((project) => [project.region, project.id]),
      [
        ['cn-north-4', DEMO_PROJECT_ID],
        [SECOND_REGION, SECOND_PROJECT_ID],
        ['ap-southeast-3', DENIED_PROJECT_ID],
      ],
    );
    assert.strictEqual(emulator.accounts.a.projects[0].data, emulator.data, 'account A in cn-north-4 is the demo data set');
  });

  it('resolves a different project in each region of account A, and lists different data there', async () => {
    assert.strictEqual((await session('cn-north-4').project()).id, DEMO_PROJECT_ID);
    assert.strictEqual((await session(SECOND_REGION).project()).id, SECOND_PROJECT_ID);
    const hk = regionalNames('hk');
    assert.deepStrictEqual((await instanceNames(SECOND_REGION, 'rds')).sort(), [hk.rds.billing, hk.rds.orders]);
    const home = await instanceNames('cn-north-4', 'rds');
    assert.ok(home.includes(DEMO_NAMES.rds.orders));
    assert.ok(!home.includes(hk.rds.orders));
    for (const service of SERVICE_IDS) {
      const names = await instanceNames(SECOND_REGION, service);
      assert.ok(
        names.every((name) => name.startsWith('hk-')),
        `${service}: ${names.join(', ')}`,
      );
    }
  });

  it('has a failed backup in the second region for Show Failed to find', async () => {
    const ctx = await session(SECOND_REGION).context();
    for (const [service, name] of [
      ['rds', regionalNames('hk').rds.orders],
      ['dds', regionalNames('hk').dds.catalog],
      ['dcs', regionalNames('hk').dcs.sessions],
    ] as const) {
      const instances = (await adapterFor(service).listInstances(ctx, { limit: 50 })).items;
      const instance = instances.find((candidate) => candidate.name === name);
      assert.ok(instance, name);
      const pages = await allPages((cursor) => adapterFor(service).listBackups(ctx, instance, { cursor, limit: 50 }));
      const backups = pages.flatMap((page) => page.items);
      assert.ok(backups.length >= 2, service);
      assert.ok(
        backups.some((backup) => 'status' in backup && backup.status === 'failed'),
        `${service}: no failed backup`,
      );
    }
  });

  it("gives account B its own project and data, and refuses its keys on account A's project", async () => {
    assert.strictEqual((await session('cn-north-4', ACCOUNT_B_CREDENTIALS).project()).id, ACCOUNT_B_PROJECT_ID);
    assert.deepStrictEqual((await instanceNames('cn-north-4', 'rds', ACCOUNT_B_CREDENTIALS)).sort(), [
      regionalNames('b').rds.billing,
      regionalNames('b').rds.orders,
    ]);
    // IAM shows B none of A's regions.
    await cloudRejection(session(SECOND_REGION, ACCOUNT_B_CREDENTIALS).project());

    const intruder = await session('cn-north-4', ACCOUNT_B_CREDENTIALS, DEMO_PROJECT_ID).context();
    const error = await cloudRejection(adapterFor('rds').listInstances(intruder, { limit: 10 }));
    assert.strictEqual(error.status, 403);
    assert.strictEqual(error.code, 'APIGW.0306');
    // And the other way round: A's keys on B's project.
    const other = await session('cn-north-4', DEMO_CREDENTIALS, ACCOUNT_B_PROJECT_ID).context();
    assert.strictEqual((await cloudRejection(adapterFor('dcs').listInstances(other, { limit: 10 }))).status, 403);
  });

  it('fails the region without a project clearly, while the other regions keep working', async () => {
    const [failing, working] = await Promise.allSettled([session(FAILING_REGION).context(), instanceNames(SECOND_REGION, 'dcs')]);
    assert.strictEqual(failing.status, 'rejected');
    const error = await cloudRejection(Promise.reject((failing as PromiseRejectedResult).reason));
    assert.strictEqual(error.code, 'NO_PROJECT');
    assert.match(error.message, /eu-west-101/);
    assert.deepStrictEqual(working, { status: 'fulfilled', value: [regionalNames('hk').dcs.sessions] });
  });

  it('refuses every service call in the denied region with 403 APIGW.0802, though IAM lists the project', async () => {
    const ctx = await session('ap-southeast-3').context();
    assert.strictEqual(ctx.projectId, DENIED_PROJECT_ID);
    for (const service of SERVICE_IDS) {
      const error = await cloudRejection(adapterFor(service).listInstances(ctx, { limit: 10 }));
      assert.strictEqual(error.status, 403, service);
      assert.strictEqual(error.code, 'APIGW.0802', service);
    }
  });

  it('searches every scope at once, answering in scope order, with one bound per endpoint across accounts and regions', async () => {
    const endpointLimits = new Map();
    const attempts: Array<{ start: number; end: number }> = [];
    const scope = (key: string, region: string, credentials = DEMO_CREDENTIALS) => {
      const shared = createCloudSession({
        settings: { ...DEFAULT_SETTINGS, endpointTemplate: emulator.endpointTemplate, region, projectId: '', maxRetries: 0 },
        credentials,
        // Whole milliseconds: an attempt that starts as another ends may seem to overlap it by one.
        onRequest: (entry) => {
          if (entry.service === 'dcs') attempts.push({ start: Date.now() - entry.durationMs + 1, end: Date.now() - 1 });
        },
        tuning: { concurrencyPerService: 2 },
        endpointLimits,
      });
      return { key, connectionId: key, connectionName: key, region, adapterContext: shared.context, project: shared.project };
    };
    const scopes = [
      scope('a/cn-north-4', 'cn-north-4'),
      scope('a/hk', SECOND_REGION),
      scope('a/eu', FAILING_REGION),
      scope('b/cn-north-4', 'cn-north-4', ACCOUNT_B_CREDENTIALS),
    ];
    await Promise.all(scopes.map((candidate) => (candidate.region === FAILING_REGION ? undefined : candidate.project())));
    attempts.length = 0;
    emulator.injectFault({ kind: 'latency', service: 'dcs', latencyMs: 40 });
    try {
      let running = 0;
      let mostRunning = 0;
      const outcomes = await searchScopes(scopes, async (ctx) => {
        mostRunning = Math.max(mostRunning, ++running);
        try {
          // Three requests at once per scope: without the shared bound, DCS would see up to 6.
          const pages = await Promise.all([0, 1, 2].map(() => adapterFor('dcs').listInstances(ctx, { limit: 10 })));
          return pages[0].items.map((instance) => instance.name);
        } finally {
          running--;
        }
      });
      assert.deepStrictEqual(
        outcomes.map((outcome) => outcome.scope.key),
        ['a/cn-north-4', 'a/hk', 'a/eu', 'b/cn-north-4'],
      );
      assert.ok(mostRunning >= 2, `scopes ran one after another (${mostRunning} at once)`);
      assert.strictEqual((outcomes[2].error as { code?: string }).code, 'NO_PROJECT');
      assert.deepStrictEqual(outcomes[1].value, [regionalNames('hk').dcs.sessions]);
      assert.ok(outcomes[3].value?.every((name) => name.startsWith('b-')));
      assert.ok(maxInFlight(attempts) <= 2, `the DCS endpoint had ${maxInFlight(attempts)} requests in flight, bound 2`);
    } finally {
      emulator.clearFaults();
    }
  });

  it('ends a settled search: the scopes still running are stopped and left out', async () => {
    const seen: string[] = [];
    const scopes = ['first', 'second', 'third'].map((key) => ({
      key,
      connectionId: key,
      connectionName: key,
      region: 'cn-north-4',
      adapterContext: async () => ({ projectId: key, get: () => Promise.reject(new Error('unused')) }),
      project: async () => ({ id: key, name: key, source: 'settings' as const }),
    }));
    const outcomes = await searchScopes(
      scopes,
      (_ctx, candidate, signal) =>
        new Promise<string>((resolve, reject) => {
          seen.push(candidate.key);
          if (candidate.key === 'second') setTimeout(() => resolve('found'), 10);
          signal.addEventListener('abort', () => reject(new CloudError('stopped', { service: 'rds', code: 'CANCELLED' })));
        }),
      undefined,
      (value) => value === 'found',
    );
    assert.deepStrictEqual(seen, ['first', 'second', 'third']);
    assert.deepStrictEqual(
      outcomes.map((outcome) => [outcome.scope.key, outcome.value]),
      [['second', 'found']],
    );

    const cancel = new AbortController();
    const cancelled = searchScopes(
      scopes,
      (_ctx, _scope, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
      cancel.signal,
    );
    cancel.abort();
    assert.strictEqual((await cloudRejection(cancelled)).code, 'CANCELLED');

    // Cancelled after a scope settled the search: the answer stands.
    const late = new AbortController();
    const answered = await searchScopes(
      scopes,
      (_ctx, candidate, signal) =>
        new Promise<string>((resolve, reject) => {
          if (candidate.key === 'first') resolve('found');
          else signal.addEventListener('abort', () => (late.abort(), reject(new Error('stopped'))));
        }),
      late.signal,
      (value) => value === 'found',
    );
    assert.deepStrictEqual(
      answered.map((outcome) => outcome.value),
      ['found'],
    );
  });
});
