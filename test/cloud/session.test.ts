import * as assert from 'assert';
import { createCloudSession, credentialsFromEnvironment, type CloudSessionOptions } from '../../src/cloud/session';
import { DEFAULT_SETTINGS, type CloudSettings, type RequestLogEntry } from '../../src/cloud/settings';
import { DEMO_CREDENTIALS, DEMO_PROJECT_ID, DEMO_REGION, startEmulator, type Emulator } from '../emulator';
import { cloudRejection } from '../support/cloudError';
import { json, sequence, startFakeServer, type FakeServer } from '../support/fakeServer';

const CREDENTIALS = { accessKey: 'AKSESSION00000000001', secretKey: 'session-secret-key' };
const PROJECT_ID = '11112222333344445555666677778888';

const projectsBody = (...projects: Array<{ id: string; name: string }>) => ({ projects, links: { self: 'x' } });

describe('cloud session', () => {
  describe('against a fake server', () => {
    let server: FakeServer;
    beforeEach(async () => {
      server = await startFakeServer();
    });
    afterEach(() => server.close());

    function session(settings: Partial<CloudSettings> = {}, options: Partial<CloudSessionOptions> = {}) {
      return createCloudSession({
        settings: { ...DEFAULT_SETTINGS, endpointTemplate: server.endpointTemplate, maxRetries: 0, ...settings },
        credentials: CREDENTIALS,
        tuning: { sleep: async () => undefined },
        ...options,
      });
    }

    it('resolves the project from IAM with a signed request without X-Project-Id, once per session', async () => {
      server.respond(() => json(200, projectsBody({ id: 'other', name: 'cn-north-1' }, { id: PROJECT_ID, name: 'cn-north-4' })));
      const s = session();
      const [a, b] = await Promise.all([s.project(), s.project()]);
      assert.deepStrictEqual(a, { id: PROJECT_ID, name: 'cn-north-4', source: 'iam' });
      assert.deepStrictEqual(b, a);
      assert.deepStrictEqual(await s.project(), a);
      assert.strictEqual(server.received.length, 1, 'one IAM call for the whole session');
      const [request] = server.received;
      assert.strictEqual(request.url, '/iam/v3/projects?name=cn-north-4');
      assert.strictEqual(request.headers['x-project-id'], undefined);
      assert.match(
        request.headers.authorization,
        /^SDK-HMAC-SHA256 Access=AKSESSION00000000001, SignedHeaders=content-type;host;x-sdk-date, Signature=/,
      );
    });

    it('uses settings.projectId without calling IAM', async () => {
      const s = session({ projectId: ` ${PROJECT_ID} ` });
      assert.deepStrictEqual(await s.project(), { id: PROJECT_ID, name: 'cn-north-4', source: 'settings' });
      assert.strictEqual(server.received.length, 0);
    });

    it('gives adapters signed GETs carrying X-Project-Id, logged per attempt', async () => {
      const log: RequestLogEntry[] = [];
      server.respond((request) =>
        request.url.startsWith('/iam/') ? json(200, projectsBody({ id: PROJECT_ID, name: 'cn-north-4' })) : json(200, { instances: [] }),
      );
      const ctx = await session({}, { onRequest: (entry) => log.push(entry) }).context();
      assert.strictEqual(ctx.projectId, PROJECT_ID);
      const response = await ctx.get('dcs', `/v1.0/${ctx.projectId}/instances`, { start: 1, limit: 10 });
      assert.deepStrictEqual(response.body, { instances: [] });
      const request = server.received[1];
      assert.strictEqual(request.url, `/dcs/v1.0/${PROJECT_ID}/instances?start=1&limit=10`);
      assert.strictEqual(request.headers['x-project-id'], PROJECT_ID);
      assert.match(request.headers.authorization, /SignedHeaders=content-type;host;x-project-id;x-sdk-date,/);
      assert.deepStrictEqual(
        log.map((e) => `${e.service} ${e.path} ${e.status}`),
        ['iam /v3/projects?name=cn-north-4 200', `dcs /v1.0/${PROJECT_ID}/instances?start=1&limit=10 200`],
      );
    });

    it('says clearly when the region has no project', async () => {
      server.respond(() => json(200, projectsBody(), { 'X-Request-Id': 'iam-1' }));
      const error = await cloudRejection(session({ region: 'eu-west-101' }).project());
      assert.strictEqual(error.code, 'NO_PROJECT');
      assert.strictEqual(error.service, 'iam');
      assert.strictEqual(error.requestId, 'iam-1');
      assert.match(error.message, /no project named "eu-west-101".*hwcBackups\.region.*hwcBackups\.projectId/);
    });

    it('rejects an IAM body of the wrong shape as INVALID_RESPONSE', async () => {
      for (const body of [{}, { projects: 'x' }, { projects: [{ name: 'cn-north-4' }] }, { projects: [{ id: '', name: 'cn-north-4' }] }]) {
        server.respond(() => json(200, body));
        const error = await cloudRejection(session().project());
        assert.strictEqual(error.code, 'INVALID_RESPONSE', JSON.stringify(body));
        assert.match(error.message, /^IAM answered the project look-up with an unexpected body/);
      }
    });

    it('does not cache a failed look-up', async () => {
      server.respond(
        sequence(
          json(500, { error_code: 'IAM.0001', error_msg: 'Internal error' }),
          json(200, projectsBody({ id: PROJECT_ID, name: 'cn-north-4' })),
        ),
      );
      const s = session();
      const error = await cloudRejection(s.context());
      assert.strictEqual(error.code, 'IAM.0001');
      assert.strictEqual((await s.context()).projectId, PROJECT_ID);
      assert.strictEqual(server.received.length, 2);
    });

    it('lets a caller stop waiting for the look-up without failing the others', async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      server.respond(() => ({ ...json(200, projectsBody({ id: PROJECT_ID, name: 'cn-north-4' })), release: gate }));
      const s = session();
      const controller = new AbortController();
      const impatient = s.project(controller.signal);
      const patient = s.project();
      await server.until(() => server.received.length === 1);
      controller.abort();
      assert.strictEqual((await cloudRejection(impatient)).code, 'CANCELLED');
      open();
      assert.strictEqual((await patient).id, PROJECT_ID);
      assert.strictEqual(server.received.length, 1);
    });

    it('throws CONFIG for a forbidden IAM endpoint, naming the setting', async () => {
      const error = await cloudRejection(session({ endpoints: { iam: 'http://iam.example.com' } }).project());
      assert.strictEqual(error.code, 'CONFIG');
      assert.match(error.message, /hwcBackups\.endpoints\.iam/);
    });
  });

  describe('against the emulator', () => {
    let emulator: Emulator;
    before(async () => {
      emulator = await startEmulator({ now: new Date('2024-06-01T00:00:00Z') });
    });
    after(() => emulator.close());

    const settingsFor = (e: Emulator): CloudSettings => ({
      ...DEFAULT_SETTINGS,
      endpointTemplate: e.endpointTemplate,
      region: DEMO_REGION,
      maxRetries: 0,
    });

    it("resolves the demo project from the emulator's IAM and lists RDS instances with it", async () => {
      const s = createCloudSession({ settings: settingsFor(emulator), credentials: DEMO_CREDENTIALS });
      assert.deepStrictEqual(await s.project(), { id: DEMO_PROJECT_ID, name: DEMO_REGION, source: 'iam' });
      const ctx = await s.context();
      const response = await ctx.get('rds', `/v3/${ctx.projectId}/instances`, { offset: 0, limit: 10 });
      assert.strictEqual(response.status, 200);
      assert.ok(Array.isArray((response.body as { instances?: unknown }).instances));
    });

    it('gets 401 APIGW.0301 with wrong keys', async () => {
      const s = createCloudSession({
        settings: settingsFor(emulator),
        credentials: { accessKey: DEMO_CREDENTIALS.accessKey, secretKey: 'wrong-secret' },
      });
      const error = await cloudRejection(s.project());
      assert.strictEqual(error.status, 401);
      assert.strictEqual(error.code, 'APIGW.0301');
      assert.ok(error.isAuthFailure);
      assert.ok(error.requestId, 'the request id is reported');
      assert.ok(!error.message.includes('wrong-secret'));
    });

    it('gets 401 APIGW.0301 when the clock is more than 15 minutes off', async () => {
      const s = createCloudSession({
        settings: settingsFor(emulator),
        credentials: DEMO_CREDENTIALS,
        now: () => new Date(Date.now() - 20 * 60 * 1000),
      });
      const error = await cloudRejection(s.project());
      assert.strictEqual(error.code, 'APIGW.0301');
    });
  });

  describe('credentialsFromEnvironment', () => {
    it("reads Huawei's SDK variables", () => {
      assert.deepStrictEqual(
        credentialsFromEnvironment({
          HUAWEICLOUD_SDK_AK: ' AK ',
          HUAWEICLOUD_SDK_SK: 'SK',
          HUAWEICLOUD_SDK_SECURITY_TOKEN: 'TOKEN',
          HUAWEICLOUD_SDK_PROJECT_ID: 'P',
        }),
        { credentials: { accessKey: 'AK', secretKey: 'SK', securityToken: 'TOKEN' }, projectId: 'P' },
      );
      assert.deepStrictEqual(
        credentialsFromEnvironment({ HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: 'SK', HUAWEICLOUD_SDK_SECURITY_TOKEN: ' ' }),
        {
          credentials: { accessKey: 'AK', secretKey: 'SK' },
        },
      );
    });

    it('needs both the access key and the secret key', () => {
      assert.strictEqual(credentialsFromEnvironment({}), undefined);
      assert.strictEqual(credentialsFromEnvironment({ HUAWEICLOUD_SDK_AK: 'AK' }), undefined);
      assert.strictEqual(credentialsFromEnvironment({ HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: '  ' }), undefined);
    });
  });
});
