/**
 * The emulator itself, over real HTTP with requests signed by the project's signer: parameter rules
 * and their 400s, 404s, each service's paging and filters, the gateway's 401s, faults, the control
 * API, and the data sets.
 */
import * as assert from 'assert';
import * as http from 'http';
import { signRequest, type Credentials } from '../../src/cloud/signing/signer';
import { explain } from '../../src/cloud/errorCodes';
import { adapterFor } from '../../src/cloud/services/registry';
import { gateway } from '../emulator/http';
import { SERVICES } from '../emulator/services';
import {
  DCS_ERROR_CODES,
  DEMO_CREDENTIALS,
  DEMO_NAMES,
  DEMO_PROJECT_ID,
  SCALE,
  startEmulator,
  toArray,
  type Emulator,
  type RawRecord,
} from '../emulator';

const NOW = new Date('2026-11-21T08:00:00Z');
const P = DEMO_PROJECT_ID;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

function send(url: string, headers: Record<string, string> = {}, method = 'GET', body?: string, timeoutMs?: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (timeoutMs !== undefined) req.setTimeout(timeoutMs, () => req.destroy(new Error('client timeout')));
    req.end(body);
  });
}

const json = (reply: Reply): any => JSON.parse(reply.text);

interface SignOptions {
  credentials?: Credentials;
  signedAt?: Date;
  headers?: Record<string, string>;
}

function signedHeaders(url: string, options: SignOptions = {}): Record<string, string> {
  return signRequest(
    { method: 'GET', url, headers: { 'content-type': 'application/json', ...options.headers } },
    options.credentials ?? DEMO_CREDENTIALS,
    options.signedAt ?? new Date(),
  );
}

function makeClient(emu: Emulator) {
  const get = (service: string, path: string, options: SignOptions = {}) => {
    const url = `${emu.url}/${service}${path}`;
    return send(url, signedHeaders(url, options));
  };
  /** A signed GET that must succeed; returns the parsed body. */
  const body = async (service: string, path: string): Promise<any> => {
    const reply = await get(service, path);
    assert.strictEqual(reply.status, 200, `${service}${path}: ${reply.text}`);
    return json(reply);
  };
  /** Asserts a 400 (or `status`) in the service's error shape and returns the body. */
  const error = async (service: string, path: string, status = 400): Promise<any> => {
    const reply = await get(service, path);
    assert.strictEqual(reply.status, status, `${service}${path}: ${reply.text}`);
    return json(reply);
  };
  return { get, body, error };
}

function idOf(emu: Emulator, service: 'rds' | 'dds' | 'dcs' | 'ges', name: string): string {
  const record = toArray(emu.data[service].instances).find((r) => r.name === name);
  assert.ok(record, `no ${service} instance ${name}`);
  return String(service === 'dcs' ? record.instance_id : record.id);
}

const serverId = (emu: Emulator, name: string) => String(toArray(emu.data.ecs.servers).find((r) => r.name === name)!.id);

/** RDS time "2026-11-20T02:00:00+0800" (spaces tolerated) to epoch ms. */
const rdsMs = (value: string) => Date.parse(value.replace(/\s+/g, '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

function assertNewestFirst(times: number[]) {
  for (let i = 1; i < times.length; i++) assert.ok(times[i - 1] >= times[i], `not newest first at ${i}`);
}

describe('Emulator', function () {
  let emu: Emulator;
  let client: ReturnType<typeof makeClient>;

  before(async () => {
    emu = await startEmulator({ now: NOW });
    client = makeClient(emu);
  });
  after(() => emu.close());
  beforeEach(() => {
    emu.clearFaults();
    emu.clearRequests();
  });

  describe('API gateway: signatures, clock skew and project', () => {
    const instancesPath = `/v3/${P}/instances`;

    it('accepts a correctly signed request and sends a uuid X-Request-Id', async () => {
      const reply = await client.get('rds', instancesPath, { headers: { 'X-Project-Id': P } });
      assert.strictEqual(reply.status, 200);
      assert.match(String(reply.headers['x-request-id']), UUID);
    });

    it("accepts requests signed by Huawei's official SDK signer (query values with + : and spaces)", async () => {
      const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
        AKSKSigner: { sign(request: object, credential: { getAk(): string; getSk(): string }): Record<string, string> };
      };
      const queryParams = {
        instance_id: idOf(emu, 'dds', DEMO_NAMES.dds.catalog),
        begin_time: '2026-11-10 00:00:00',
        end_time: '2026-11-15T08:00:00+0800',
      };
      const endpoint = `${emu.url}/dds/v3/${P}/backups`;
      const headers = AKSKSigner.sign(
        { method: 'GET', endpoint, headers: { 'content-type': 'application/json' }, queryParams },
        { getAk: () => DEMO_CREDENTIALS.accessKey, getSk: () => DEMO_CREDENTIALS.secretKey },
      );
      const query = Object.entries(queryParams)
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join('&');
      const reply = await send(`${endpoint}?${query}`, headers);
      assert.strictEqual(reply.status, 200, reply.text);
      assert.ok(json(reply).total_count > 0);
    });

    it('rejects a request without Authorization with 401 APIGW.0301 and a request id', async () => {
      const reply = await send(`${emu.url}/rds${instancesPath}`);
      assert.strictEqual(reply.status, 401);
      assert.strictEqual(json(reply).error_code, 'APIGW.0301');
      assert.match(json(reply).error_msg, /^Incorrect IAM authentication information: /);
      assert.match(String(reply.headers['x-request-id']), UUID);
    });

    it('rejects an unknown access key', async () => {
      const reply = await client.get('rds', instancesPath, {
        credentials: { accessKey: 'UNKNOWNACCESSKEY0000', secretKey: DEMO_CREDENTIALS.secretKey },
      });
      assert.strictEqual(reply.status, 401);
      assert.match(json(reply).error_msg, /access key/);
    });

    it('rejects a wrong secret key and a request altered after signing', async () => {
      const wrongKey = await client.get('rds', instancesPath, { credentials: { ...DEMO_CREDENTIALS, secretKey: 'not-the-secret' } });
      assert.strictEqual(wrongKey.status, 401);
      const url = `${emu.url}/rds${instancesPath}?limit=2`;
      const tampered = await send(url.replace('limit=2', 'limit=3'), signedHeaders(url));
      assert.strictEqual(tampered.status, 401);
      assert.strictEqual(json(tampered).error_code, 'APIGW.0301');
    });

    it('rejects an X-Sdk-Date more than 15 minutes off, and accepts 10 minutes', async () => {
      const late = await client.get('rds', instancesPath, { signedAt: new Date(Date.now() - 20 * 60_000) });
      assert.strictEqual(late.status, 401);
      assert.match(json(late).error_msg, /15 minutes/);
      const early = await client.get('rds', instancesPath, { signedAt: new Date(Date.now() + 20 * 60_000) });
      assert.strictEqual(early.status, 401);
      const slightlyOff = await client.get('rds', instancesPath, { signedAt: new Date(Date.now() - 10 * 60_000) });
      assert.strictEqual(slightlyOff.status, 200);
    });

    it('accepts a signed security token and rejects one added after signing', async () => {
      const signed = await client.get('rds', instancesPath, {
        credentials: { ...DEMO_CREDENTIALS, securityToken: 'temporary-token-value' },
      });
      assert.strictEqual(signed.status, 200);
      const url = `${emu.url}/rds${instancesPath}`;
      const unsigned = await send(url, { ...signedHeaders(url), 'X-Security-Token': 'added-later' });
      assert.strictEqual(unsigned.status, 401);
    });

    it('rejects an X-Project-Id that does not match, and a foreign project in the URL', async () => {
      const header = await client.get('rds', instancesPath, { headers: { 'X-Project-Id': 'ffffffffffffffffffffffffffffffff' } });
      assert.strictEqual(header.status, 401);
      const foreign = await client.get('rds', '/v3/ffffffffffffffffffffffffffffffff/instances');
      assert.strictEqual(foreign.status, 401);
    });

    it('answers unknown services and paths with the gateway 404 APIGW.0101', async () => {
      for (const path of ['/nosuch/v1/x', `/rds/v3/${P}/flavors`]) {
        const url = `${emu.url}${path}`;
        const reply = await send(url, signedHeaders(url));
        assert.strictEqual(reply.status, 404);
        assert.strictEqual(json(reply).error_code, 'APIGW.0101');
        assert.match(String(reply.headers['x-request-id']), UUID);
      }
    });

    it('serves unsigned requests when signature checks are off', async () => {
      const open = await startEmulator({ now: NOW, verifySignatures: false });
      try {
        const reply = await send(`${open.url}/rds${instancesPath}`);
        assert.strictEqual(reply.status, 200);
      } finally {
        await open.close();
      }
    });
  });

  describe('IAM', () => {
    it('resolves the project by region name', async () => {
      const body = await client.body('iam', '/v3/projects?name=cn-north-4');
      assert.deepStrictEqual(
        body.projects.map((p: RawRecord) => [p.id, p.name]),
        [[P, 'cn-north-4']],
      );
      assert.deepStrictEqual((await client.body('iam', '/v3/projects?name=eu-west-101')).projects, []);
    });
  });

  describe('RDS', () => {
    const backups = (query: string) => `/v3/${P}/backups?${query}`;
    let orders: string;
    before(() => (orders = idOf(emu, 'rds', DEMO_NAMES.rds.orders)));

    it('lists instances with total_count and validates offset/limit', async () => {
      const body = await client.body('rds', `/v3/${P}/instances?offset=1&limit=2`);
      assert.strictEqual(body.total_count, 6);
      assert.strictEqual(body.instances.length, 2);
      assert.ok(body.instances.every((i: RawRecord) => typeof i.id === 'string' && (i.datastore as RawRecord).type));
      for (const q of ['limit=101', 'limit=0', 'offset=-1', 'offset=abc']) {
        assert.strictEqual((await client.error('rds', `/v3/${P}/instances?${q}`)).error_code, 'DBS.200001', q);
      }
    });

    it('requires instance_id and answers 404 for an unknown instance', async () => {
      const missing = await client.error('rds', backups('limit=10'));
      assert.strictEqual(missing.error_code, 'DBS.200001');
      assert.match(missing.error_msg, /instance_id/);
      assert.strictEqual((await client.error('rds', backups('instance_id=nosuchin01'), 404)).error_code, 'DBS.200002');
    });

    it('rejects limit outside 1–100, a negative or non-numeric offset', async () => {
      for (const q of ['limit=0', 'limit=101', 'limit=ten', 'offset=-5', 'offset=1.5']) {
        const body = await client.error('rds', backups(`instance_id=${orders}&${q}`));
        assert.strictEqual(body.error_code, 'DBS.200001', q);
      }
    });

    it('pages by offset with a default limit of 100, newest first, each backup once', async () => {
      const first = await client.body('rds', backups(`instance_id=${orders}`));
      assert.strictEqual(first.total_count, 143);
      assert.strictEqual(first.backups.length, 100);
      const ids: string[] = [];
      const times: number[] = [];
      for (let offset = 0; offset < 143; offset += 50) {
        const page = await client.body('rds', backups(`instance_id=${orders}&offset=${offset}&limit=50`));
        assert.strictEqual(page.total_count, 143);
        for (const b of page.backups) {
          ids.push(b.id);
          times.push(rdsMs(b.begin_time));
        }
      }
      assert.strictEqual(ids.length, 143);
      assert.strictEqual(new Set(ids).size, 143);
      assertNewestFirst(times);
      assert.deepStrictEqual((await client.body('rds', backups(`instance_id=${orders}&offset=143`))).backups, []);
    });

    it('filters by backup_type (auto, manual, fragment, incremental) and rejects others', async () => {
      const seen = new Set<string>();
      for (const id of toArray(emu.data.rds.instances).map((i) => String(i.id))) {
        for (const type of ['auto', 'manual', 'fragment', 'incremental']) {
          const body = await client.body('rds', backups(`instance_id=${id}&backup_type=${type}`));
          assert.ok(body.backups.every((b: RawRecord) => b.type === type));
          assert.strictEqual(body.backups.length, Math.min(body.total_count, 100));
          if (body.backups.length) seen.add(type);
        }
      }
      assert.deepStrictEqual([...seen].sort(), ['auto', 'fragment', 'incremental', 'manual']);
      assert.strictEqual((await client.error('rds', backups(`instance_id=${orders}&backup_type=differential`))).error_code, 'DBS.200001');
    });

    it('finds one backup by backup_id', async () => {
      const [newest] = (await client.body('rds', backups(`instance_id=${orders}&limit=1`))).backups;
      const body = await client.body('rds', backups(`instance_id=${orders}&backup_id=${newest.id}`));
      assert.deepStrictEqual(body.backups, [newest]);
      assert.strictEqual(body.total_count, 1);
    });

    it('filters by begin_time/end_time with a zone offset, both or neither, end after begin', async () => {
      const begin = '2026-11-10T00:00:00+0800';
      const end = '2026-11-15T00:00:00+0800';
      const body = await client.body(
        'rds',
        backups(`instance_id=${orders}&begin_time=${encodeURIComponent(begin)}&end_time=${encodeURIComponent(end)}`),
      );
      assert.ok(body.total_count > 5);
      for (const b of body.backups) {
        const t = rdsMs(b.begin_time);
        assert.ok(t >= rdsMs(begin) && t <= rdsMs(end), b.begin_time);
      }
      const bad = [
        `begin_time=${encodeURIComponent(begin)}`,
        `end_time=${encodeURIComponent(end)}`,
        `begin_time=${encodeURIComponent(end)}&end_time=${encodeURIComponent(begin)}`,
        `begin_time=2026-11-10T00:00:00Z&end_time=2026-11-15T00:00:00Z`,
        `begin_time=2026-11-10%2000:00:00&end_time=2026-11-15%2000:00:00`,
      ];
      for (const q of bad)
        assert.strictEqual((await client.error('rds', backups(`instance_id=${orders}&${q}`))).error_code, 'DBS.200001', q);
    });

    it('covers every status, the three engines and SQL Server databases', async () => {
      const all = [...emu.data.rds.backups.values()].flatMap(toArray);
      assert.deepStrictEqual([...new Set(all.map((b) => b.status))].filter((s) => typeof s === 'string').sort(), [
        'BUILDING',
        'COMPLETED',
        'DELETING',
        'FAILED',
      ]);
      assert.deepStrictEqual([...new Set(toArray(emu.data.rds.instances).map((i) => (i.datastore as RawRecord).type))].sort(), [
        'MySQL',
        'PostgreSQL',
        'SQLServer',
      ]);
      const sqlServer = toArray(emu.data.rds.backups.get(idOf(emu, 'rds', DEMO_NAMES.rds.reporting))!);
      assert.ok(sqlServer.some((b) => Array.isArray(b.databases) && (b.databases as RawRecord[]).every((d) => typeof d.name === 'string')));
    });

    it('reproduces the seed defects and keeps legacy-drift malformed records among good ones', async () => {
      const billing = await client.body('rds', backups(`instance_id=${idOf(emu, 'rds', DEMO_NAMES.rds.billing)}`));
      assert.ok(billing.backups.some((b: RawRecord) => / - .* T\d{2}: \d{2}: \d{2} \+ 0800$/.test(String(b.begin_time))));
      const reporting = await client.body('rds', backups(`instance_id=${idOf(emu, 'rds', DEMO_NAMES.rds.reporting)}`));
      assert.ok(reporting.backups.some((b: RawRecord) => 'id ' in b && !('id' in b)));
      const legacy = (await client.body('rds', backups(`instance_id=${idOf(emu, 'rds', DEMO_NAMES.rds.legacy)}`))).backups as RawRecord[];
      assert.ok(legacy.some((b) => typeof b.id === 'number'));
      assert.ok(legacy.some((b) => !('id' in b)));
      assert.ok(legacy.filter((b) => typeof b.id === 'string').length >= 6);
    });

    it('gives payments-mysql a 3+ day gap and a >50% size drop between consecutive automatic backups', async () => {
      const autos = (await client.body('rds', backups(`instance_id=${idOf(emu, 'rds', DEMO_NAMES.rds.payments)}&backup_type=auto`)))
        .backups as RawRecord[];
      const times = autos.map((b) => rdsMs(String(b.begin_time)));
      const gaps = times.slice(1).map((t, i) => times[i] - t);
      assert.ok(gaps.some((g) => g >= 3 * 86_400_000));
      const sizes = autos.filter((b) => b.status === 'COMPLETED').map((b) => Number(b.size));
      assert.ok(
        sizes.slice(1).some((older, i) => sizes[i] < older / 2),
        'a newer backup under half the previous size',
      );
    });
  });

  describe('DDS', () => {
    const backups = (query: string) => `/v3/${P}/backups?${query}`;
    let catalog: string;
    before(() => (catalog = idOf(emu, 'dds', DEMO_NAMES.dds.catalog)));

    it('lists backups project-wide when instance_id is absent, newest first', async () => {
      const total = [...emu.data.dds.backups.values()].reduce((n, list) => n + list.length, 0);
      const body = await client.body('dds', backups('limit=100'));
      assert.strictEqual(body.total_count, total);
      assert.ok(new Set(body.backups.map((b: RawRecord) => b.instance_id)).size >= 2);
      assertNewestFirst(body.backups.map((b: RawRecord) => Date.parse(String(b.begin_time).replace(' ', 'T') + 'Z')));
    });

    it('accepts backup_type Auto/Manual in any case and returns lower-case types', async () => {
      for (const [q, type] of [
        ['Auto', 'auto'],
        ['AUTO', 'auto'],
        ['manual', 'manual'],
        ['Manual', 'manual'],
      ]) {
        const body = await client.body('dds', backups(`instance_id=${catalog}&backup_type=${q}`));
        assert.ok(body.backups.length > 0);
        assert.ok(
          body.backups.every((b: RawRecord) => b.type === type),
          q,
        );
      }
      assert.strictEqual((await client.error('dds', backups('backup_type=Full'))).error_code, 'DBS.200001');
    });

    it('filters by mode and rejects unknown modes', async () => {
      const body = await client.body('dds', backups('mode=Sharding'));
      assert.ok(body.total_count > 0);
      assert.ok(body.backups.every((b: RawRecord) => b.instance_id === catalog));
      assert.strictEqual((await client.error('dds', backups('mode=Cluster'))).error_code, 'DBS.200001');
    });

    it('takes begin_time/end_time as "yyyy-mm-dd hh:mm:ss" UTC, both or neither', async () => {
      const body = await client.body(
        'dds',
        backups(`instance_id=${catalog}&begin_time=2026-11-10%2000:00:00&end_time=2026-11-15%2000:00:00`),
      );
      assert.ok(body.total_count >= 4);
      for (const b of body.backups) assert.ok(b.begin_time >= '2026-11-10 00:00:00' && b.begin_time <= '2026-11-15 00:00:00', b.begin_time);
      const offsetEnd = await client.body(
        'dds',
        backups(`instance_id=${catalog}&begin_time=2026-11-10%2000:00:00&end_time=${encodeURIComponent('2026-11-15T08:00:00+0800')}`),
      );
      assert.strictEqual(offsetEnd.total_count, body.total_count);
      for (const q of [
        'begin_time=2026-11-10%2000:00:00',
        'end_time=2026-11-10%2000:00:00',
        'begin_time=2026-11-10T00:00:00&end_time=2026-11-15%2000:00:00',
        'begin_time=2026-11-15%2000:00:00&end_time=2026-11-10%2000:00:00',
      ]) {
        assert.strictEqual((await client.error('dds', backups(q))).error_code, 'DBS.200001', q);
      }
    });

    it('pages by offset with limit 1–100 and answers 404 for an unknown instance', async () => {
      const all = (await client.body('dds', backups(`instance_id=${catalog}`))).backups;
      const page = await client.body('dds', backups(`instance_id=${catalog}&offset=10&limit=5`));
      assert.deepStrictEqual(page.backups, all.slice(10, 15));
      assert.strictEqual((await client.error('dds', backups('limit=101'))).error_code, 'DBS.200001');
      assert.strictEqual((await client.error('dds', backups('instance_id=nosuchin02'), 404)).error_code, 'DBS.200002');
    });

    it('covers every status and mode', () => {
      const all = [...emu.data.dds.backups.values()].flatMap(toArray);
      assert.deepStrictEqual([...new Set(all.map((b) => b.status))].sort(), ['BUILDING', 'COMPLETED', 'DISABLED', 'FAILED']);
      assert.deepStrictEqual([...new Set(toArray(emu.data.dds.instances).map((i) => i.mode))].sort(), ['ReplicaSet', 'Sharding', 'Single']);
    });
  });

  describe('DCS', () => {
    let sessions: string;
    const backups = (id: string, query = '') => `/v1.0/${P}/instances/${id}/backups?${query}`;
    before(() => (sessions = idOf(emu, 'dcs', DEMO_NAMES.dcs.sessions)));

    it('pages instances by 1-based start', async () => {
      const first = await client.body('dcs', `/v1.0/${P}/instances?start=1&limit=1`);
      const second = await client.body('dcs', `/v1.0/${P}/instances?start=2&limit=1`);
      assert.strictEqual(first.instance_num, 4, 'ledger-redis (403 on its backups) is the fourth');
      assert.strictEqual(first.instances[0].name, DEMO_NAMES.dcs.sessions);
      assert.notStrictEqual(second.instances[0].instance_id, first.instances[0].instance_id);
      const error = await client.error('dcs', `/v1.0/${P}/instances?start=0`);
      assert.strictEqual(error.error_code, '111400040');
      assert.strictEqual(typeof error.error_ext_msg, 'string');
    });

    it('pages backups by start with a default limit of 10 and total_num', async () => {
      const first = await client.body('dcs', backups(sessions));
      assert.strictEqual(first.backup_record_response.length, 10);
      assert.strictEqual(first.total_num, emu.data.dcs.backups.get(sessions)!.length);
      const page = await client.body('dcs', backups(sessions, 'start=2&limit=5'));
      assert.deepStrictEqual(page.backup_record_response, first.backup_record_response.slice(1, 6));
      assert.strictEqual((await client.error('dcs', backups(sessions, 'limit=0'))).error_code, '111400040');
    });

    it('filters by beginTime/endTime (yyyyMMddHHmmss) and rejects other formats', async () => {
      const body = await client.body('dcs', backups(sessions, 'beginTime=20261110000000&endTime=20261115000000&limit=100'));
      assert.ok(body.total_num >= 4);
      for (const b of body.backup_record_response)
        assert.ok(b.created_at >= '2026-11-10T00:00:00' && b.created_at <= '2026-11-15T00:00:00', b.created_at);
      for (const q of ['beginTime=2026-11-10', 'endTime=20261340000000', 'beginTime=20261115000000&endTime=20261110000000']) {
        assert.strictEqual((await client.error('dcs', backups(sessions, q))).error_code, '111400040', q);
      }
    });

    it('answers 404 for an unknown instance', async () => {
      assert.strictEqual((await client.error('dcs', backups('00000000-0000-4000-8000-000000000000'), 404)).error_code, '111404022');
    });

    it('covers every status and every dcs.08 error code on failed backups', () => {
      const all = [...emu.data.dcs.backups.values()].flatMap(toArray);
      assert.deepStrictEqual([...new Set(all.map((b) => b.status))].sort(), [
        'backuping',
        'deleted',
        'expired',
        'failed',
        'succeed',
        'waiting',
      ]);
      const codes = new Set(all.filter((b) => b.status === 'failed').map((b) => b.error_code));
      for (const code of DCS_ERROR_CODES) assert.ok(codes.has(code), code);
    });
  });

  describe('GES', () => {
    it('lists graphs, per-graph and project-wide backups with offset, default limit 10 and backupCount', async () => {
      const graphs = await client.body('ges', `/v1.0/${P}/graphs`);
      assert.strictEqual(graphs.graphCount, 3);
      const social = idOf(emu, 'ges', DEMO_NAMES.ges.social);
      const perGraph = await client.body('ges', `/v1.0/${P}/graphs/${social}/backups`);
      assert.strictEqual(perGraph.backupCount, 12);
      assert.strictEqual(perGraph.backupList.length, 10);
      const tail = await client.body('ges', `/v1.0/${P}/graphs/${social}/backups?offset=10&limit=10`);
      assert.strictEqual(tail.backupList.length, 2);
      const wide = await client.body('ges', `/v1.0/${P}/graphs/backups?limit=100`);
      assert.strictEqual(
        wide.backupCount,
        [...emu.data.ges.backups.values()].reduce((n, l) => n + l.length, 0),
      );
      assertNewestFirst(wide.backupList.map((b: RawRecord) => Number(b.startTimestamp)));
    });

    it('answers errors in the GES shape', async () => {
      const missing = await client.error('ges', `/v1.0/${P}/graphs/00000000-0000-4000-8000-000000000000/backups`, 404);
      assert.deepStrictEqual(Object.keys(missing).sort(), ['errorCode', 'errorMessage']);
      assert.strictEqual(missing.errorCode, 'GES.7000', 'the graph does not exist');
      const bad = await client.error('ges', `/v1.0/${P}/graphs/backups?offset=-1`);
      assert.strictEqual(bad.errorCode, 'GES.0001', 'a bad parameter is not "graph does not exist"');
    });

    it('covers every status and both methods', () => {
      const all = [...emu.data.ges.backups.values()].flatMap(toArray);
      assert.deepStrictEqual([...new Set(all.map((b) => b.status))].sort(), ['backing_up', 'failed', 'success']);
      assert.deepStrictEqual([...new Set(all.map((b) => b.backupMethod))].sort(), ['auto', 'manual']);
    });
  });

  describe('Error codes and look-ups (issue 9, item 9)', () => {
    /** What each kind of error must mean when the extension's table explains its code. */
    const MEANINGS: Record<'badRequest' | 'notFound' | 'internal', RegExp> = {
      badRequest: /parameter/i,
      notFound: /does not exist|not found/i,
      internal: /server|internal|unavailable/i,
    };

    it('every code the emulator sends is explained with a fitting meaning and its source, or is unknown and shown raw', () => {
      const replies = [
        ...SERVICES.flatMap((service) => [
          { kind: 'badRequest' as const, who: service.name, error: service.errors.badRequest('x') },
          { kind: 'notFound' as const, who: service.name, error: service.errors.notFound('x') },
          { kind: 'internal' as const, who: service.name, error: service.errors.internal(503) },
        ]),
        { kind: 'internal' as const, who: 'gateway', error: gateway.backendUnavailable(502) },
      ];
      for (const { kind, who, error } of replies) {
        const body = error.body as any;
        const code: string = body.error_code ?? body.error?.code ?? body.errorCode;
        assert.ok(code, `${who} ${kind} carries a code`);
        const explanation = explain(code);
        if (!explanation) continue; // shown raw, with "not in the extension's table"
        assert.match(explanation.en, MEANINGS[kind], `${who} ${kind}: ${code} means "${explanation.en}"`);
        assert.ok(explanation.source.length > 0, code);
      }
      for (const [code, kind] of [
        ['APIGW.0301', /authentication/i],
        ['APIGW.0308', /throttl/i],
        ['APIGW.0101', /does not exist/i],
      ] as const) {
        assert.match(explain(code)?.en ?? '', kind, code);
      }
    });

    it('RDS finds the demo backup keyed "id " by backup_id', async () => {
      const reporting = idOf(emu, 'rds', DEMO_NAMES.rds.reporting);
      const spaced = toArray(emu.data.rds.backups.get(reporting)!).find((b) => 'id ' in b)!;
      const body = await client.body('rds', `/v3/${P}/backups?instance_id=${reporting}&backup_id=${spaced['id ']}`);
      assert.strictEqual(body.total_count, 1);
      assert.deepStrictEqual(body.backups[0], spaced);
    });

    it("CSBS: count and list honour ip (the server's address) and answer policy_id with the 400 of the API", async () => {
      const web1 = toArray(emu.data.ecs.servers).find((s) => s.name === DEMO_NAMES.servers.web1)!;
      const addresses = Object.values(web1.addresses as Record<string, { addr: string }[]>).flat();
      const ip = addresses[0].addr;
      const expected = toArray(emu.data.csbs.checkpointItems).filter((i) => i.resource_id === web1.id).length;
      assert.ok(expected > 0);
      assert.strictEqual((await client.body('csbs', `/v1/${P}/checkpoint_items/count?ip=${ip}`)).count, expected);
      assert.strictEqual((await client.body('csbs', `/v1/${P}/checkpoint_items/count?ip=10.255.255.254`)).count, 0);
      const listed = (await client.body('csbs', `/v1/${P}/checkpoint_items?ip=${ip}`)).checkpoint_items as RawRecord[];
      assert.ok(listed.length > 0 && listed.every((i) => i.resource_id === web1.id));
      for (const path of ['checkpoint_items/count', 'checkpoint_items']) {
        const error = await client.error('csbs', `/v1/${P}/${path}?policy_id=0b0d6b83-2b0d-4b0b-9b0b-0b0b0b0b0b0b`);
        assert.strictEqual(error.error_code, 'CSBS.9001', path);
      }
    });
  });

  describe('Unfinished backups (issue 9, item 1)', () => {
    it('carry no invented end time in any service: no end equal to the start, no DCS completion time', () => {
      const all = (lists: Map<string, unknown>) => [...lists.values()].flatMap((list) => toArray(list as never) as RawRecord[]);
      const rds = all(emu.data.rds.backups).filter((b) => b.status === 'BUILDING');
      const dds = all(emu.data.dds.backups).filter((b) => b.status === 'BUILDING');
      const dcs = all(emu.data.dcs.backups).filter((b) => b.status === 'waiting' || b.status === 'backuping');
      const ges = all(emu.data.ges.backups).filter((b) => b.status === 'backing_up');
      for (const list of [rds, dds, dcs, ges]) assert.ok(list.length > 0, 'the demo data has unfinished backups');
      for (const b of [...rds, ...dds]) assert.strictEqual(b.end_time, '', JSON.stringify(b));
      for (const b of dcs) assert.strictEqual(b.updated_at, null, JSON.stringify(b));
      for (const b of ges) assert.ok(b.endTimestamp === '' && b.endTime === '', JSON.stringify(b));
    });
  });

  describe('ECS', () => {
    it('pages servers by page number (offset from 1) with count', async () => {
      const first = await client.body('ecs', `/v1/${P}/cloudservers/detail?offset=1&limit=3`);
      const second = await client.body('ecs', `/v1/${P}/cloudservers/detail?offset=2&limit=3`);
      assert.strictEqual(first.count, 4);
      assert.strictEqual(first.servers.length, 3);
      assert.strictEqual(second.servers.length, 1);
      assert.ok(!first.servers.some((s: RawRecord) => s.id === second.servers[0].id));
      const error = await client.error('ecs', `/v1/${P}/cloudservers/detail?offset=0`);
      assert.strictEqual(error.error.code, 'Ecs.0005');
    });
  });

  describe('CSBS', () => {
    const items = (query: string) => `/v1/${P}/checkpoint_items?${query}`;
    const count = (query: string) => `/v1/${P}/checkpoint_items/count?${query}`;

    it('pages by marker (id of the last item), newest first, each item once', async () => {
      const web1 = serverId(emu, DEMO_NAMES.servers.web1);
      const expected = toArray(emu.data.csbs.checkpointItems)
        .filter((i) => i.resource_id === web1)
        .map((i) => i.id);
      const seen: unknown[] = [];
      let marker: string | undefined;
      for (;;) {
        const page = (await client.body('csbs', items(`resource_id=${web1}&limit=4${marker ? `&marker=${marker}` : ''}`)))
          .checkpoint_items as RawRecord[];
        if (page.length === 0) break;
        seen.push(...page.map((i) => i.id));
        marker = String(page[page.length - 1].id);
      }
      assert.deepStrictEqual(seen, expected);
      assert.strictEqual((await client.error('csbs', items('marker=00000000-0000-4000-8000-000000000000'))).error_code, 'CSBS.9001');
    });

    it('counts with the list filters of seed 004', async () => {
      const all = toArray(emu.data.csbs.checkpointItems);
      assert.strictEqual((await client.body('csbs', count(''))).count, all.length);
      const errors = await client.body('csbs', count('status=error'));
      assert.strictEqual(errors.count, all.filter((i) => i.status === 'error').length);
      const listed = (await client.body('csbs', items('status=error'))).checkpoint_items as RawRecord[];
      assert.strictEqual(listed.length, errors.count);
      assert.ok(
        listed.every(
          (i) => typeof (i.extend_info as RawRecord).fail_reason === 'string' && (i.extend_info as RawRecord).fail_reason !== '',
        ),
      );
      const web2 = serverId(emu, DEMO_NAMES.servers.web2);
      assert.strictEqual((await client.body('csbs', count(`resource_id=${web2}`))).count, all.filter((i) => i.resource_id === web2).length);
      assert.strictEqual(
        (await client.body('csbs', count(`resource_name=bastion`))).count,
        all.filter((i) => (i.extend_info as RawRecord).resource_name === DEMO_NAMES.servers.bastion).length,
      );
      for (const q of ['status=failed', 'dec=maybe', 'start_time=yesterday'])
        assert.strictEqual((await client.error('csbs', count(q))).error_code, 'CSBS.9001', q);
    });

    it('filters by start_time/end_time', async () => {
      const body = await client.body('csbs', items('start_time=2026-11-18T00:00:00&end_time=2026-11-20T00:00:00.000000'));
      assert.ok(body.checkpoint_items.length >= 8);
      for (const i of body.checkpoint_items)
        assert.ok(i.created_at >= '2026-11-18T00:00:00' && i.created_at <= '2026-11-20T00:00:00', i.created_at);
    });

    it('covers every status', () => {
      const statuses = new Set(toArray(emu.data.csbs.checkpointItems).map((i) => i.status));
      // Every status the CSBS page documents (the adapter's table), not the emulator's own list.
      for (const s of Object.keys(adapterFor('csbs').rawStatuses)) assert.ok(statuses.has(s), s);
    });
  });

  describe('Faults', () => {
    const path = () => `/v3/${P}/backups?instance_id=${idOf(emu, 'rds', DEMO_NAMES.rds.orders)}&limit=5`;

    it('latency delays matching requests, then expires after count', async () => {
      emu.injectFault({ kind: 'latency', latencyMs: 60, count: 1 });
      const started = Date.now();
      assert.strictEqual((await client.get('rds', path())).status, 200);
      assert.ok(Date.now() - started >= 55, 'the response was delayed');
      assert.strictEqual((await client.get('rds', path())).status, 200);
    });

    it('throttle answers 429 APIGW.0308, with Retry-After only when asked, for `count` requests', async () => {
      emu.injectFault({ kind: 'throttle', count: 1, retryAfterSeconds: 3 });
      emu.injectFault({ kind: 'throttle', count: 1 });
      const first = await client.get('rds', path());
      assert.strictEqual(first.status, 429);
      assert.strictEqual(json(first).error_code, 'APIGW.0308');
      assert.strictEqual(first.headers['retry-after'], '3');
      const second = await client.get('rds', path());
      assert.strictEqual(second.status, 429);
      assert.strictEqual(second.headers['retry-after'], undefined);
      assert.strictEqual((await client.get('rds', path())).status, 200);
    });

    it('serverError answers the service error shape with the given 5xx', async () => {
      emu.injectFault({ kind: 'serverError', status: 503, count: 1 });
      emu.injectFault({ kind: 'serverError', service: 'ges', count: 1 });
      const rds = await client.get('rds', path());
      assert.strictEqual(rds.status, 503);
      assert.ok(json(rds).error_code);
      const ges = await client.get('ges', `/v1.0/${P}/graphs`);
      assert.strictEqual(ges.status, 500);
      assert.strictEqual(json(ges).errorCode, 'GES.7006');
    });

    it('matches by service and pathIncludes only', async () => {
      emu.injectFault({ kind: 'throttle', service: 'dds', pathIncludes: '/backups' });
      assert.strictEqual((await client.get('rds', path())).status, 200);
      assert.strictEqual((await client.get('dds', `/v3/${P}/instances`)).status, 200);
      assert.strictEqual((await client.get('dds', `/v3/${P}/backups`)).status, 429);
      assert.strictEqual((await client.get('dds', `/v3/${P}/backups`)).status, 429, 'no count: unlimited');
      emu.clearFaults();
      assert.strictEqual((await client.get('dds', `/v3/${P}/backups`)).status, 200);
    });

    it('applies faults in order and stops at a terminal one', async () => {
      emu.injectFault({ kind: 'throttle', count: 1 });
      emu.injectFault({ kind: 'schemaDrift', count: 1 });
      assert.strictEqual((await client.get('rds', path())).status, 429);
      // The drift fault was not reached by the throttled request, so it hits this one.
      const drifted = json(await client.get('rds', path()));
      assert.strictEqual(drifted.backups[0].x_rollout_generation, 2);
    });

    it('reset destroys the connection and records no status', async () => {
      emu.injectFault({ kind: 'reset', count: 1 });
      await assert.rejects(client.get('rds', path()));
      assert.strictEqual(emu.requests.at(-1)!.status, 0);
      assert.strictEqual((await client.get('rds', path())).status, 200);
    });

    it('hang never answers, and close() ends the hung connection', async () => {
      const other = await startEmulator({ now: NOW });
      other.injectFault({ kind: 'hang' });
      const url = `${other.url}/rds/v3/${P}/instances`;
      const hung = send(url, signedHeaders(url));
      let settled = false;
      hung.then(
        () => (settled = true),
        () => (settled = true),
      );
      while (other.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 20));
      assert.strictEqual(settled, false);
      await other.close();
      await assert.rejects(hung);
    });

    it('malformedJson sends a 200 with a truncated body', async () => {
      const whole = (await client.get('rds', path())).text;
      emu.injectFault({ kind: 'malformedJson', count: 1 });
      const reply = await client.get('rds', path());
      assert.strictEqual(reply.status, 200);
      assert.throws(() => JSON.parse(reply.text));
      assert.ok(whole.startsWith(reply.text) && reply.text.length < whole.length);
    });

    it('schemaDrift renames, drops and mistypes fields and adds unknown ones', async () => {
      emu.injectFault({ kind: 'schemaDrift', count: 1 });
      const records = json(await client.get('rds', path())).backups as RawRecord[];
      assert.ok(!('status' in records[0]) && 'state' in records[0]);
      assert.ok(!('name' in records[1]));
      assert.strictEqual(typeof records[2].size, 'string');
      assert.ok(records.every((r) => 'x_rollout_generation' in r && 'labels' in r));
    });
  });

  describe('Rate limit (the gateway throttling a service)', () => {
    afterEach(() => emu.clearRateLimits());
    const instances = (service: string) => client.get(service, service === 'ges' ? `/v1.0/${P}/graphs` : `/v3/${P}/instances`);

    it('lets a burst through, answers 429 APIGW.0308 with Retry-After beyond it, and refills at its rate', async () => {
      emu.setRateLimit({ service: 'rds', ratePerSecond: 10, burst: 2 });
      assert.strictEqual((await instances('rds')).status, 200);
      assert.strictEqual((await instances('rds')).status, 200);
      const throttled = await instances('rds');
      assert.strictEqual(throttled.status, 429);
      assert.strictEqual(json(throttled).error_code, 'APIGW.0308');
      assert.strictEqual(throttled.headers['retry-after'], '1', 'the wait for one token, in whole seconds');
      assert.strictEqual((await instances('dds')).status, 200, 'other services have their own limit');
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.strictEqual((await instances('rds')).status, 200, 'a token came back after 100 ms');
      assert.deepStrictEqual(
        emu.requests.map((r) => r.status),
        [200, 200, 429, 200, 200],
      );
    });

    it('is set and cleared over HTTP, for every service at once when none is named, and checks its spec', async () => {
      const post = (body: string) => send(`${emu.url}/__emulator/rate-limits`, { 'content-type': 'application/json' }, 'POST', body);
      assert.strictEqual((await post(JSON.stringify({ ratePerSecond: 1 }))).status, 201);
      for (const service of ['rds', 'ges']) {
        assert.strictEqual((await instances(service)).status, 200);
        assert.strictEqual((await instances(service)).status, 429, `${service} has a bucket of its own`);
      }
      assert.strictEqual((await send(`${emu.url}/__emulator/rate-limits`, {}, 'DELETE')).status, 204);
      assert.strictEqual((await instances('rds')).status, 200);
      for (const bad of ['{}', '{"ratePerSecond":0}', '{"ratePerSecond":5,"burst":0.5}', '{"ratePerSecond":5,"service":1}', 'nope']) {
        assert.strictEqual((await post(bad)).status, 400, bad);
      }
    });
  });

  describe('Request log and control API', () => {
    it('records requests without the Authorization header', async () => {
      await client.get('rds', `/v3/${P}/instances?limit=2`);
      const [entry] = emu.requests;
      assert.strictEqual(entry.method, 'GET');
      assert.strictEqual(entry.service, 'rds');
      assert.strictEqual(entry.path, `/v3/${P}/instances`);
      assert.deepStrictEqual(entry.query, { limit: '2' });
      assert.strictEqual(entry.status, 200);
      assert.match(entry.requestId, UUID);
      assert.ok(entry.headers['x-sdk-date']);
      assert.ok(!('authorization' in entry.headers));
    });

    it('serves and clears the log and faults over HTTP, unsigned, without logging itself', async () => {
      await client.get('dds', `/v3/${P}/instances`);
      const listed = await send(`${emu.url}/__emulator/requests`);
      assert.strictEqual(listed.status, 200);
      assert.match(String(listed.headers['x-request-id']), UUID);
      assert.deepStrictEqual(
        json(listed).map((r: RawRecord) => r.service),
        ['dds'],
      );
      assert.strictEqual((await send(`${emu.url}/__emulator/requests`, {}, 'DELETE')).status, 204);
      assert.deepStrictEqual(emu.requests, []);

      const added = await send(
        `${emu.url}/__emulator/faults`,
        { 'content-type': 'application/json' },
        'POST',
        JSON.stringify({ kind: 'throttle', service: 'rds', count: 1 }),
      );
      assert.strictEqual(added.status, 201);
      assert.strictEqual((await client.get('rds', `/v3/${P}/instances`)).status, 429);
      await send(`${emu.url}/__emulator/faults`, { 'content-type': 'application/json' }, 'POST', JSON.stringify({ kind: 'throttle' }));
      assert.strictEqual((await send(`${emu.url}/__emulator/faults`, {}, 'DELETE')).status, 204);
      assert.strictEqual((await client.get('rds', `/v3/${P}/instances`)).status, 200);

      for (const bad of ['{"kind":"explode"}', '{"kind":"latency","latencyMs":-1}', 'not json']) {
        assert.strictEqual((await send(`${emu.url}/__emulator/faults`, {}, 'POST', bad)).status, 400, bad);
      }
      assert.strictEqual((await send(`${emu.url}/__emulator/nothing`)).status, 404);
    });
  });

  describe('Data sets', () => {
    const snapshot = (e: Emulator) =>
      JSON.stringify({
        rds: [...e.data.rds.backups.values()].map(toArray),
        dds: [...e.data.dds.backups.values()].map(toArray),
        dcs: [...e.data.dcs.backups.values()].map(toArray),
        ges: [...e.data.ges.backups.values()].map(toArray),
        csbs: toArray(e.data.csbs.checkpointItems),
        instances: (['rds', 'dds', 'dcs', 'ges'] as const).map((s) => toArray(e.data[s].instances)),
      });

    it('builds the same demo data for the same anchor, and times relative to it', async () => {
      const again = await startEmulator({ now: NOW });
      const later = await startEmulator({ now: new Date(NOW.getTime() + 86_400_000) });
      try {
        assert.strictEqual(snapshot(again), snapshot(emu));
        const ids = (e: Emulator) => toArray(e.data.rds.instances).map((i) => i.id);
        assert.deepStrictEqual(ids(later), ids(emu));
        const newest = (e: Emulator) =>
          rdsMs(String(toArray(e.data.rds.backups.get(idOf(e, 'rds', DEMO_NAMES.rds.payments))!)[0].begin_time));
        assert.strictEqual(newest(later) - newest(emu), 86_400_000);
      } finally {
        await Promise.all([again.close(), later.close()]);
      }
    });

    it('lets tests alter raw records of the live data set', async () => {
      const orders = idOf(emu, 'rds', DEMO_NAMES.rds.orders);
      const list = emu.data.rds.backups.get(orders) as RawRecord[];
      const original = list[0].status;
      list[0].status = 'SOMETHING_NEW';
      try {
        const [first] = (await client.body('rds', `/v3/${P}/backups?instance_id=${orders}&limit=1`)).backups;
        assert.strictEqual(first.status, 'SOMETHING_NEW');
      } finally {
        list[0].status = original;
      }
    });

    it('scale: 100,000 backups on one instance and hundreds of instances, paged by index', async () => {
      const scale = await startEmulator({ now: NOW, dataset: 'scale' });
      try {
        const c = makeClient(scale);
        const instances = await c.body('rds', `/v3/${P}/instances?limit=1`);
        assert.strictEqual(instances.total_count, SCALE.instancesPerService);
        const big = instances.instances[0];
        assert.strictEqual(big.name, SCALE.bigInstanceName);
        const last = await c.body('rds', `/v3/${P}/backups?instance_id=${big.id}&offset=99950&limit=100`);
        assert.strictEqual(last.total_count, 100_000);
        assert.strictEqual(last.backups.length, 50);
        const again = await c.body('rds', `/v3/${P}/backups?instance_id=${big.id}&offset=99950&limit=100`);
        assert.deepStrictEqual(again, last);
        assertNewestFirst(last.backups.map((b: RawRecord) => rdsMs(String(b.begin_time))));
        assert.strictEqual((await c.body('dcs', `/v1.0/${P}/instances?limit=1`)).instance_num, SCALE.instancesPerService);
        assert.strictEqual((await c.body('csbs', `/v1/${P}/checkpoint_items/count`)).count, SCALE.checkpointItems);
      } finally {
        await scale.close();
      }
    });
  });
});
