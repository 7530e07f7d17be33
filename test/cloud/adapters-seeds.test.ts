import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CloudError } from '../../src/cloud/http/errors';
import { gesAdapter } from '../../src/cloud/services/ges';
import { createCloudSession } from '../../src/cloud/session';
import { DEFAULT_SETTINGS } from '../../src/cloud/settings';
import { startFakeServer, type FakeServer } from '../support/fakeServer';

const SEEDS = path.resolve(__dirname, '../../../test/fixtures/seeds');
const seedText = (name: string) => fs.readFileSync(path.join(SEEDS, name), 'utf8');

/** The seed pages' sample bodies, served byte for byte over real HTTP to the real client. */
describe('GES seed sample over real HTTP', () => {
  let server: FakeServer;

  before(async () => {
    server = await startFakeServer();
  });
  after(() => server.close());

  async function listServed(body: string) {
    server.respond(() => ({ status: 200, body, headers: { 'content-type': 'application/json', 'x-request-id': 'seed-req-1' } }));
    const session = createCloudSession({
      settings: { ...DEFAULT_SETTINGS, endpointTemplate: server.endpointTemplate, projectId: 'p1', maxRetries: 0 },
      credentials: { accessKey: 'AK', secretKey: 'SK' },
    });
    return gesAdapter.listProjectBackups!(await session.context(), { limit: 10 });
  }

  it('the published sample (missing commas) is reported as INVALID_RESPONSE with the request id, not a crash', async () => {
    const error = await listServed(seedText('ges-backups.json')).then(
      () => assert.fail('the broken body must not parse'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof CloudError, String(error));
    assert.strictEqual(error.code, 'INVALID_RESPONSE');
    assert.strictEqual(error.requestId, 'seed-req-1');
    assert.strictEqual(error.service, 'ges');
  });

  it('the repaired copy lists all three backups', async () => {
    const page = await listServed(seedText('ges-backups.repaired.json'));
    assert.deepStrictEqual(page.invalid, []);
    assert.deepStrictEqual(
      page.items.map((backup) => [backup.name, backup.type, backup.status]),
      [
        ['ges060803_nodelete-20210608135513', 'manual', 'succeeded'],
        ['ges060803_nodelete_20210609203323_auto', 'auto', 'succeeded'],
        ['ges060802_nodelete-20210608135523', 'manual', 'succeeded'],
      ],
    );
    assert.strictEqual(page.total, 3);
    assert.strictEqual(page.next, undefined);
  });
});
