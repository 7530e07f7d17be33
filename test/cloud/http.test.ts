import * as assert from 'assert';
import { HttpClient, type HttpClientOptions } from '../../src/cloud/http/client';
import { CloudError } from '../../src/cloud/http/errors';
import { DEFAULT_SETTINGS, type CloudSettings, type RequestLogEntry } from '../../src/cloud/settings';
import { canonicalRequest, parseAuthorization, signature, stringToSign } from '../../src/cloud/signing/signer';
import { cloudRejection } from '../support/cloudError';
import { json, sequence, startFakeServer, type FakeRequest, type FakeServer } from '../support/fakeServer';

const CREDENTIALS = {
  accessKey: 'TESTACCESSKEY0000001',
  secretKey: 'very-secret-key-do-not-log-0123456789abcd',
  securityToken: 'temporary-security-token-do-not-log-' + 'x'.repeat(300),
};
const PROJECT = '0a1b2c3d4e5f40718293a4b5c6d7e8f9';

/** Verifies a received request's signature the way the gateway does. */
function verifySignature(request: FakeRequest, secretKey: string): boolean {
  const auth = parseAuthorization(request.headers.authorization);
  if (!auth) return false;
  const signed = Object.fromEntries(auth.signedHeaders.map((name) => [name, request.headers[name] ?? '']));
  const { canonicalRequest: canonical } = canonicalRequest(request.method, `http://${request.headers.host}${request.url}`, signed);
  return signature(secretKey, stringToSign(request.headers['x-sdk-date'], canonical)) === auth.signature;
}

describe('HTTP client over real HTTP', function () {
  let server: FakeServer;
  let log: RequestLogEntry[];
  let delays: number[];

  beforeEach(async () => {
    server = await startFakeServer();
    log = [];
    delays = [];
  });
  afterEach(() => server.close());

  function client(settings: Partial<CloudSettings> = {}, options: Partial<HttpClientOptions> = {}): HttpClient {
    return new HttpClient({
      settings: { ...DEFAULT_SETTINGS, endpointTemplate: server.endpointTemplate, maxRetries: 3, ...settings },
      credentials: CREDENTIALS,
      onRequest: (entry) => log.push(entry),
      ...options,
      tuning: {
        random: () => 0.5,
        // Record the back-off instead of waiting it out.
        sleep: async (ms) => void delays.push(ms),
        ...options.tuning,
      },
    });
  }

  describe('signed GET', () => {
    it('sends the signed headers of docs/SPEC.md §6 and returns the parsed body', async () => {
      server.respond(() => json(200, { backups: [], total_count: 0 }, { 'X-Request-Id': 'req-1' }));
      const response = await client().get(
        'rds',
        `/v3/${PROJECT}/backups`,
        { instance_id: 'a b+c', offset: 0, limit: 10, skipped: undefined },
        { projectId: PROJECT },
      );
      assert.deepStrictEqual(response, { status: 200, body: { backups: [], total_count: 0 }, requestId: 'req-1' });

      const [request] = server.received;
      assert.strictEqual(request.method, 'GET');
      assert.strictEqual(request.url, `/rds/v3/${PROJECT}/backups?instance_id=a%20b%2Bc&offset=0&limit=10`);
      assert.strictEqual(request.headers['content-type'], 'application/json');
      assert.strictEqual(request.headers['x-project-id'], PROJECT);
      assert.strictEqual(request.headers['x-security-token'], CREDENTIALS.securityToken);
      assert.match(request.headers['x-sdk-date'], /^\d{8}T\d{6}Z$/);
      assert.deepStrictEqual(parseAuthorization(request.headers.authorization)?.signedHeaders, [
        'content-type',
        'host',
        'x-project-id',
        'x-sdk-date',
        'x-security-token',
      ]);
      assert.ok(verifySignature(request, CREDENTIALS.secretKey), 'signature verifies on the server side');
    });

    it('omits X-Project-Id when the project is not known yet and X-Security-Token for permanent keys', async () => {
      const permanent = { accessKey: 'AK', secretKey: 'SK' };
      await client({}, { credentials: permanent }).get('iam', '/v3/projects', { name: 'cn-north-4' });
      const [request] = server.received;
      assert.strictEqual(request.headers['x-project-id'], undefined);
      assert.strictEqual(request.headers['x-security-token'], undefined);
      assert.deepStrictEqual(parseAuthorization(request.headers.authorization)?.signedHeaders, ['content-type', 'host', 'x-sdk-date']);
      assert.ok(verifySignature(request, 'SK'));
    });

    it('logs one entry per attempt with method, path and query, status, duration, request id and attempt', async () => {
      server.respond(
        sequence(
          json(503, { error_code: 'SYS.503', error_msg: 'busy' }, { 'X-Request-Id': 'r0' }),
          json(200, {}, { 'X-Request-Id': 'r1' }),
        ),
      );
      await client().get('dds', '/v3/p/backups', { offset: 0 });
      assert.strictEqual(log.length, 2);
      assert.deepStrictEqual(
        log.map(({ durationMs: _duration, ...rest }) => rest),
        [
          { service: 'dds', method: 'GET', path: '/v3/p/backups?offset=0', status: 503, requestId: 'r0', attempt: 0, error: 'SYS.503' },
          { service: 'dds', method: 'GET', path: '/v3/p/backups?offset=0', status: 200, requestId: 'r1', attempt: 1, error: undefined },
        ],
      );
      assert.ok(log.every((entry) => typeof entry.durationMs === 'number' && entry.durationMs >= 0));
    });

    it('re-signs every attempt with a fresh X-Sdk-Date', async () => {
      let clock = Date.UTC(2024, 0, 1);
      server.respond(sequence({ status: 500 }, { status: 500 }, json(200, {})));
      await client({}, { now: () => new Date((clock += 1000)) }).get('rds', '/v3/p/instances', {});
      const dates = server.received.map((r) => r.headers['x-sdk-date']);
      assert.deepStrictEqual(dates, ['20240101T000001Z', '20240101T000002Z', '20240101T000003Z']);
      assert.ok(server.received.every((r) => verifySignature(r, CREDENTIALS.secretKey)));
    });
  });

  describe('retries', () => {
    for (const status of [500, 502, 503]) {
      it(`retries ${status} and succeeds`, async () => {
        server.respond(sequence({ status }, json(200, { ok: true })));
        const response = await client().get('rds', '/v3/p/instances', {});
        assert.deepStrictEqual(response.body, { ok: true });
        assert.strictEqual(server.received.length, 2);
      });
    }

    it('makes exactly maxRetries + 1 attempts, then throws the last error', async () => {
      server.respond(() => json(503, { error_code: 'SYS.0503', error_msg: 'Service busy.' }, { 'X-Request-Id': 'last' }));
      const error = await cloudRejection(client({ maxRetries: 2 }).get('rds', '/v3/p/instances', {}));
      assert.strictEqual(server.received.length, 3);
      assert.deepStrictEqual(
        log.map((e) => e.attempt),
        [0, 1, 2],
      );
      assert.strictEqual(error.status, 503);
      assert.strictEqual(error.code, 'SYS.0503');
      assert.strictEqual(error.requestId, 'last');
      // Full jitter with random() = 0.5 and the default 1 s base: 0.5 s, then 1 s.
      assert.deepStrictEqual(delays, [500, 1000]);
    });

    it('does not retry at all with maxRetries 0', async () => {
      server.respond(() => ({ status: 500 }));
      await cloudRejection(client({ maxRetries: 0 }).get('rds', '/v3/p/instances', {}));
      assert.strictEqual(server.received.length, 1);
    });

    it('backs off at least 2 s after a 429 without Retry-After (Huawei: retry after 2–5 s)', async () => {
      server.respond(() => json(429, { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached' }));
      const error = await cloudRejection(client({ maxRetries: 3 }).get('rds', '/v3/p/instances', {}));
      assert.strictEqual(server.received.length, 4);
      assert.strictEqual(error.code, 'APIGW.0308');
      assert.strictEqual(error.status, 429);
      // Three retries; the last 429 still holds the endpoint for whoever sends next.
      assert.deepStrictEqual(delays, [2500, 3000, 4000, 6000]);
    });

    it('honours Retry-After in seconds', async () => {
      server.respond(sequence(json(429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'Retry-After': '7' }), json(200, {})));
      await client().get('rds', '/v3/p/instances', {});
      assert.deepStrictEqual(delays, [7000]);
    });

    it('honours Retry-After as an HTTP date', async () => {
      const at = new Date(Date.now() + 10_000).toUTCString();
      server.respond(sequence({ status: 503, headers: { 'Retry-After': at } }, json(200, {})));
      await client().get('rds', '/v3/p/instances', {});
      assert.strictEqual(delays.length, 1);
      assert.ok(delays[0] > 5000 && delays[0] <= 10_000, `delay ${delays[0]}`);
    });

    it('falls back to the back-off when Retry-After is not a number or a date', async () => {
      server.respond(sequence(json(429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'Retry-After': 'soon' }), json(200, {})));
      await client().get('rds', '/v3/p/instances', {});
      assert.deepStrictEqual(delays, [2500]);
    });

    it('gives up at once when Retry-After asks for longer than a minute', async () => {
      server.respond(() => json(429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'Retry-After': '3600' }));
      const error = await cloudRejection(client().get('rds', '/v3/p/instances', {}));
      assert.strictEqual(error.status, 429);
      assert.strictEqual(server.received.length, 1);
    });

    it('retries a connection reset, and reports NETWORK after maxRetries + 1 resets', async () => {
      server.respond(sequence({ reset: true }, json(200, { ok: 1 })));
      assert.deepStrictEqual((await client().get('rds', '/v3/p/instances', {})).body, { ok: 1 });
      assert.strictEqual(server.received.length, 2);

      server.received.length = 0;
      server.respond(() => ({ reset: true }));
      const error = await cloudRejection(client({ maxRetries: 1 }).get('rds', '/v3/p/instances', {}));
      assert.strictEqual(server.received.length, 2);
      assert.strictEqual(error.code, 'NETWORK');
      assert.strictEqual(error.status, undefined);
      assert.match(error.message, /^Could not reach RDS: /);
    });

    it('does not retry other 4xx errors', async () => {
      server.respond(() => json(400, { error_code: 'DBS.200001', error_msg: 'Invalid instance_id.' }));
      const error = await cloudRejection(client().get('rds', '/v3/p/backups', { instance_id: 'x' }));
      assert.strictEqual(server.received.length, 1);
      assert.strictEqual(error.message, 'Invalid instance_id. (DBS.200001, HTTP 400 Bad Request)');
    });

    it('never retries a non-GET request, even on 503 or a reset', async () => {
      server.respond(() => ({ status: 503 }));
      await cloudRejection(client().send({ method: 'POST', service: 'rds', path: '/v3/p/backups' }));
      assert.strictEqual(server.received.length, 1);
      assert.strictEqual(server.received[0].method, 'POST');

      server.received.length = 0;
      server.respond(() => ({ reset: true }));
      await cloudRejection(client().send({ method: 'DELETE', service: 'rds', path: '/v3/p/backups/1' }));
      assert.strictEqual(server.received.length, 1);
    });

    it('waits for real between attempts by default, and cancelling during the back-off stops it', async () => {
      server.respond(() => ({ status: 503 }));
      const controller = new AbortController();
      // Real sleep with a long base delay: only cancellation can end this quickly.
      const pending = client({}, { tuning: { sleep: undefined, baseDelayMs: 60_000 } }).get(
        'rds',
        '/v3/p/instances',
        {},
        { signal: controller.signal },
      );
      await server.until(() => log.length === 1);
      controller.abort();
      const error = await cloudRejection(pending);
      assert.strictEqual(error.code, 'CANCELLED');
      assert.strictEqual(server.received.length, 1);
    });
  });

  describe('responses', () => {
    const shapes: Array<[string, object, string, string]> = [
      [
        '{error_code, error_msg, error_ext_msg}',
        { error_code: 'DCS.4005', error_msg: 'Invalid backup.', error_ext_msg: 'Backup expired.' },
        'DCS.4005',
        'Invalid backup. — Backup expired.',
      ],
      [
        '{error: {code, message}}',
        { error: { code: 'CSBS.1001', message: 'Checkpoint not found.' } },
        'CSBS.1001',
        'Checkpoint not found.',
      ],
      [
        'GES {errorCode, errorMessage}',
        { errorCode: 'GES.7006', errorMessage: 'The graph does not exist.' },
        'GES.7006',
        'The graph does not exist.',
      ],
    ];
    for (const [name, body, code, message] of shapes) {
      it(`parses the ${name} error shape with status, code, message, request id and service`, async () => {
        server.respond(() => json(404, body, { 'X-Request-Id': 'rid-404' }));
        const error = await cloudRejection(client().get('ges', '/v1.0/p/graphs', {}));
        assert.strictEqual(error.status, 404);
        assert.strictEqual(error.code, code);
        assert.strictEqual(error.message, `${message} (${code}, HTTP 404 Not Found)`);
        assert.strictEqual(error.requestId, 'rid-404');
        assert.strictEqual(error.service, 'ges');
      });
    }

    it("reads the gateway's 401 APIGW.0301 as an auth failure", async () => {
      server.respond(() =>
        json(401, {
          error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
          error_code: 'APIGW.0301',
          request_id: 'gw-1',
        }),
      );
      const error = await cloudRejection(client().get('rds', '/v3/p/instances', {}));
      assert.ok(error.isAuthFailure);
      assert.strictEqual(error.code, 'APIGW.0301');
      assert.strictEqual(error.requestId, 'gw-1');
      assert.strictEqual(server.received.length, 1);
    });

    it('describes an HTML error page from a proxy with a short excerpt (and retries the 502)', async () => {
      server.respond(() => ({
        status: 502,
        headers: { 'content-type': 'text/html' },
        body:
          '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad ' +
          'Gateway</h1></center><hr><center>nginx</center></body></html>',
      }));
      const error = await cloudRejection(client({ maxRetries: 1 }).get('rds', '/v3/p/instances', {}));
      assert.strictEqual(server.received.length, 2);
      assert.strictEqual(
        error.message,
        'RDS answered HTTP 502 Bad Gateway with a non-JSON body (text/html): "502 Bad Gateway 502 Bad Gateway nginx"',
      );
    });

    it('describes an empty error body', async () => {
      server.respond(() => ({ status: 403 }));
      const error = await cloudRejection(client().get('rds', '/v3/p/instances', {}));
      assert.strictEqual(error.message, 'RDS answered HTTP 403 Forbidden with an empty body.');
    });

    it('turns a 200 with malformed JSON into INVALID_RESPONSE, not retried', async () => {
      server.respond(() => ({
        status: 200,
        headers: { 'content-type': 'application/json', 'X-Request-Id': 'bad-json' },
        body: '{"backups": [{"id": "1"',
      }));
      const error = await cloudRejection(client().get('rds', '/v3/p/backups', {}));
      assert.strictEqual(error.code, 'INVALID_RESPONSE');
      assert.strictEqual(error.requestId, 'bad-json');
      assert.match(error.message, /not valid JSON: "\{"backups": \[\{"id": "1""/);
      assert.strictEqual(server.received.length, 1);
    });

    it('does not follow redirects (they would replay the signed headers elsewhere)', async () => {
      server.respond(() => ({ status: 302, headers: { location: 'http://127.0.0.2/elsewhere' } }));
      const error = await cloudRejection(client().get('rds', '/v3/p/instances', {}));
      assert.strictEqual(error.status, 302);
      assert.strictEqual(server.received.length, 1);
    });

    it('throws CONFIG before sending anything when the endpoint is not allowed', async () => {
      const error = await cloudRejection(client({ endpointTemplate: 'http://{service}.example.com' }).get('rds', '/v3/p/instances', {}));
      assert.strictEqual(error.code, 'CONFIG');
      assert.strictEqual(server.received.length, 0);
    });

    it('refuses a nonsensical timeout and treats a nonsensical retry count as no retries', async () => {
      const error = await cloudRejection(client({ requestTimeoutSeconds: Number.NaN }).get('rds', '/v3/p/instances', {}));
      assert.strictEqual(error.code, 'CONFIG');
      assert.match(error.message, /hwcBackups\.requestTimeoutSeconds/);
      server.respond(() => ({ status: 503 }));
      await cloudRejection(client({ maxRetries: -1 }).get('rds', '/v3/p/instances', {}));
      assert.strictEqual(server.received.length, 1);
    });
  });

  describe('timeouts and cancellation', () => {
    it('times out a request that hangs, without retrying it', async () => {
      server.respond(() => ({ hang: true }));
      const error = await cloudRejection(client({ requestTimeoutSeconds: 0.2 }).get('rds', '/v3/p/instances', {}));
      assert.strictEqual(error.code, 'TIMEOUT');
      assert.match(error.message, /^RDS did not answer within 0\.2 s \(GET \/v3\/p\/instances\)/);
      assert.strictEqual(server.received.length, 1);
      assert.strictEqual(log[0].error, 'TIMEOUT');
    });

    it('cancels a request in flight through the caller’s signal', async () => {
      server.respond(() => ({ hang: true }));
      const controller = new AbortController();
      const pending = client().get('rds', '/v3/p/instances', {}, { signal: controller.signal });
      await server.until(() => server.received.length === 1);
      controller.abort();
      const error = await cloudRejection(pending);
      assert.strictEqual(error.code, 'CANCELLED');
      assert.ok(error.isCancellation);
      assert.strictEqual(log.length, 1);
      assert.strictEqual(log[0].error, 'CANCELLED');
    });

    it('rejects at once when the signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await cloudRejection(client().get('rds', '/v3/p/instances', {}, { signal: controller.signal }));
      assert.strictEqual(error.code, 'CANCELLED');
      assert.strictEqual(server.received.length, 0);
    });
  });

  describe('concurrency', () => {
    it('keeps at most 4 requests in flight per service, and other services are not held up', async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      server.respond((request) => (request.url.startsWith('/rds/') ? { ...json(200, {}), release: gate } : json(200, { other: true })));
      const http = client();
      const pending = Array.from({ length: 10 }, (_, i) => http.get('rds', `/v3/p/backups`, { offset: i }));
      await server.until(() => server.inFlight === 4);
      // A different service gets through while RDS is saturated.
      assert.deepStrictEqual((await http.get('dds', '/v3/p/instances', {})).body, { other: true });
      assert.strictEqual(server.received.filter((r) => r.url.startsWith('/rds/')).length, 4);
      open();
      await Promise.all(pending);
      assert.strictEqual(server.received.length, 11);
      assert.strictEqual(server.maxInFlightFor('rds'), 4);
    });

    it('lets a request waiting for a slot be cancelled, and never sends it', async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      server.respond(() => ({ ...json(200, {}), release: gate }));
      const http = client();
      const running = Array.from({ length: 4 }, () => http.get('rds', '/v3/p/instances', {}));
      await server.until(() => server.inFlight === 4);
      const controller = new AbortController();
      const queued = http.get('rds', '/v3/p/instances', { queued: 1 }, { signal: controller.signal });
      controller.abort();
      const error = await cloudRejection(queued);
      assert.strictEqual(error.code, 'CANCELLED');
      open();
      await Promise.all(running);
      // One more request proves the cancelled waiter gave its place back.
      await http.get('rds', '/v3/p/instances', {});
      assert.strictEqual(server.received.length, 5);
      assert.ok(server.received.every((r) => !r.url.includes('queued')));
    });
  });

  describe('secrets', () => {
    it('never puts the secret key, security token or Authorization header into logs or errors', async () => {
      // A hostile or chatty server echoing the request headers back in every kind of failure.
      const echo = (request: FakeRequest) => JSON.stringify(request.headers);
      const scenarios: Array<{
        settings?: Partial<CloudSettings>;
        respond: (request: FakeRequest) => ReturnType<Parameters<FakeServer['respond']>[0]>;
        cancel?: boolean;
      }> = [
        { respond: () => json(200, { ok: true }) },
        { respond: (r) => json(401, { error_code: 'APIGW.0301', error_msg: `bad signature for ${echo(r)}` }) },
        { respond: (r) => json(400, { error: { code: 'X', message: echo(r) } }) },
        { respond: (r) => json(400, { errorCode: 'GES.1', errorMessage: echo(r) }) },
        {
          respond: (r) => ({
            status: 502,
            headers: { 'content-type': 'text/html' },
            body: `<html><body><pre>${echo(r)}</pre></body></html>`,
          }),
        },
        { respond: (r) => ({ status: 500, body: `{"error_code": "SYS", "error_msg": ${JSON.stringify(echo(r))}` }) },
        { respond: (r) => ({ status: 200, body: `not json ${echo(r)}` }) },
        { respond: () => ({ reset: true }) },
        { respond: () => ({ hang: true }), settings: { requestTimeoutSeconds: 0.2 } },
        { respond: () => ({ hang: true }), cancel: true },
      ];
      const texts: string[] = [];
      for (const scenario of scenarios) {
        server.respond(scenario.respond);
        const controller = new AbortController();
        const pending = client({ maxRetries: 1, ...scenario.settings }).get(
          'rds',
          `/v3/${PROJECT}/backups`,
          { limit: 1 },
          { projectId: PROJECT, signal: controller.signal },
        );
        if (scenario.cancel) {
          const before = server.received.length;
          await server.until(() => server.received.length > before);
          controller.abort();
        }
        try {
          await pending;
        } catch (error) {
          assert.ok(error instanceof CloudError);
          texts.push(error.message, String(error.stack), JSON.stringify(error.details), JSON.stringify(error));
        }
      }
      texts.push(...log.map((entry) => JSON.stringify(entry)));

      const signatures = server.received.map((r) => parseAuthorization(r.headers.authorization)?.signature ?? 'missing');
      assert.ok(server.received.length >= scenarios.length && !signatures.includes('missing'));
      assert.ok(texts.length > scenarios.length * 2, 'errors and log entries were collected');
      const forbidden = [
        CREDENTIALS.secretKey,
        CREDENTIALS.securityToken,
        CREDENTIALS.securityToken.slice(0, 30),
        'SDK-HMAC-SHA256',
        ...signatures,
      ];
      for (const text of texts) {
        for (const secret of forbidden) {
          assert.ok(!text.includes(secret), `leaked ${secret.slice(0, 12)}… in: ${text.slice(0, 300)}`);
        }
      }
    });
  });
});
