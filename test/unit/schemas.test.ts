import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CloudError } from '../../src/cloud/http/errors';
import { csbsCountEnvelope, csbsCheckpointItemSchema } from '../../src/cloud/schemas/csbs';
import { dcsBackupSchema, dcsBackupsEnvelope } from '../../src/cloud/schemas/dcs';
import { ddsBackupSchema, ddsBackupsEnvelope } from '../../src/cloud/schemas/dds';
import { gesBackupSchema, gesBackupsEnvelope } from '../../src/cloud/schemas/ges';
import { trimKeys } from '../../src/cloud/schemas/lenient';
import { rdsBackupSchema, rdsBackupsEnvelope } from '../../src/cloud/schemas/rds';
import { parseEnvelope, validateRecords } from '../../src/cloud/schemas/records';

const SEEDS = path.resolve(__dirname, '../../../test/fixtures/seeds');
const seedText = (name: string) => fs.readFileSync(path.join(SEEDS, name), 'utf8');
const seed = (name: string): unknown => JSON.parse(seedText(name));
const response = (body: unknown) => ({ status: 200, body, requestId: 'req-1' });
const origin = { service: 'rds' as const, request: 'GET /v3/p/backups' };
const identity = <T>(record: T) => record;

describe('schemas on the seed pages’ own samples', () => {
  it('RDS MySQL sample: one valid record and its total', () => {
    const envelope = parseEnvelope(rdsBackupsEnvelope, response(seed('rds-backups-mysql.json')), origin);
    const { items, invalid } = validateRecords(envelope.backups, rdsBackupSchema, identity);
    assert.strictEqual(envelope.total_count, 1);
    assert.deepStrictEqual(invalid, []);
    assert.strictEqual(items[0].id, '43e4feaab48f11e89039fa163ebaa7e4br01');
    assert.deepStrictEqual(items[0].datastore, { type: 'MySQL', version: '5.6' });
  });

  it('RDS PostgreSQL sample: the spaced timestamps are kept for parsing and instance_id is trimmed', () => {
    const envelope = parseEnvelope(rdsBackupsEnvelope, response(seed('rds-backups-postgresql.json')), origin);
    const { items, invalid } = validateRecords(envelope.backups, rdsBackupSchema, identity);
    assert.deepStrictEqual(invalid, []);
    assert.strictEqual(items[0].instance_id, 'a48e43ff268f4c0e879652d65e63d0fbin03');
    assert.strictEqual(items[0].begin_time, '2018 - 08 - 06 T12: 41: 14 + 0800');
    assert.strictEqual(items[0].type, 'incremental');
  });

  it('RDS SQL Server sample: the key "id " is read as id, and databases are listed', () => {
    const envelope = parseEnvelope(rdsBackupsEnvelope, response(seed('rds-backups-sqlserver.json')), origin);
    const { items, invalid } = validateRecords(envelope.backups, rdsBackupSchema, identity);
    assert.deepStrictEqual(invalid, []);
    assert.strictEqual(items[0].id, '43e4feaab48f11e89039fa163ebaa7e4br04');
    assert.deepStrictEqual(items[0].databases, [{ name: 'user01' }, { name: 'user02' }]);
  });

  it('DDS sample: lower-case type as returned', () => {
    const envelope = parseEnvelope(ddsBackupsEnvelope, response(seed('dds-backups.json')), origin);
    const { items, invalid } = validateRecords(envelope.backups, ddsBackupSchema, identity);
    assert.deepStrictEqual(invalid, []);
    assert.strictEqual(items[0].type, 'auto');
    assert.strictEqual(items[0].size, 2803);
    assert.strictEqual(envelope.total_count, 1);
  });

  it('DCS sample: four records with null remark and error_code', () => {
    const envelope = parseEnvelope(dcsBackupsEnvelope, response(seed('dcs-backups.json')), origin);
    const { items, invalid } = validateRecords(envelope.backup_record_response, dcsBackupSchema, identity);
    assert.deepStrictEqual(invalid, []);
    assert.strictEqual(items.length, 4);
    assert.strictEqual(envelope.total_num, 4);
    assert.strictEqual(items[0].remark, undefined);
    assert.strictEqual(items[0].error_code, undefined);
    assert.strictEqual(items[0].is_support_restore, 'TRUE');
  });

  it('GES sample as published is not JSON (missing commas)', () => {
    assert.throws(() => JSON.parse(seedText('ges-backups.json')), SyntaxError);
  });

  it('GES sample with only the commas repaired: number timestamps for String fields are accepted', () => {
    const envelope = parseEnvelope(gesBackupsEnvelope, response(seed('ges-backups.repaired.json')), origin);
    const { items, invalid } = validateRecords(envelope.backupList, gesBackupSchema, identity);
    assert.deepStrictEqual(invalid, []);
    assert.strictEqual(envelope.backupCount, 3);
    assert.strictEqual(items[0].startTimestamp, 1623160513000);
    assert.strictEqual(items[0].graphStatus, '200');
  });

  it('GES failure sample: the envelope validates with an error code and no list', () => {
    const envelope = parseEnvelope(gesBackupsEnvelope, response(seed('ges-error.json')), origin);
    assert.strictEqual(envelope.errorCode, 'GES.7006');
    assert.deepStrictEqual(envelope.backupList, []);
  });

  it('CSBS count sample', () => {
    assert.strictEqual(parseEnvelope(csbsCountEnvelope, response(seed('csbs-count.json')), origin).count, 10);
  });
});

describe('lenient field rules', () => {
  const base = { id: 'b1', status: 'COMPLETED' };
  const parse = (record: object) => rdsBackupSchema.safeParse(trimKeys(record));

  it('accepts numbers sent as strings and null optional fields', () => {
    const result = parse({ ...base, size: '2803', name: null, datastore: null });
    assert.ok(result.success);
    assert.strictEqual(result.data.size, 2803);
    assert.strictEqual(result.data.name, undefined);
  });

  it('accepts a numeric datastore version', () => {
    const result = parse({ ...base, datastore: { type: 'MySQL', version: 8.0 } });
    assert.ok(result.success);
    assert.strictEqual(result.data.datastore?.version, '8');
  });

  it('rejects a status sent as a number, a non-numeric size and a missing id', () => {
    assert.ok(!parse({ ...base, status: 42 }).success);
    assert.ok(!parse({ ...base, size: '12 units' }).success);
    assert.ok(!parse({ status: 'COMPLETED' }).success);
    assert.ok(!parse({ ...base, id: '   ' }).success);
  });

  it('reads CSBS auto_trigger given as a string and fail_code as CSBS sends it', () => {
    const result = csbsCheckpointItemSchema.safeParse({
      id: 'c1',
      status: 'error',
      extend_info: { auto_trigger: 'false', fail_code: { Code: 'CSBS.6006', Description: 'boom' }, progress: 60 },
    });
    assert.ok(result.success);
    assert.strictEqual(result.data.extend_info?.auto_trigger, false);
    assert.strictEqual(result.data.extend_info?.progress, '60');
  });

  it('trimKeys: trims nested keys; an exact key wins over a trimmed duplicate', () => {
    assert.deepStrictEqual(trimKeys({ 'id ': 'a', nested: [{ ' name': 'x' }] }), { id: 'a', nested: [{ name: 'x' }] });
    assert.deepStrictEqual(trimKeys({ id: 'exact', 'id ': 'spaced' }), { id: 'exact' });
  });
});

describe('per-record validation', () => {
  it('keeps the siblings of a malformed record and says where and why it failed', () => {
    const records = [
      { id: 'good-1', status: 'COMPLETED' },
      { id: 'bad-1', status: 42, size: 'big' },
      null,
      { name: 'nameless', status: 'FAILED' },
      { id: 'good-2', status: 'BUILDING' },
    ];
    const { items, invalid } = validateRecords(records, rdsBackupSchema, (record) => record.id);
    assert.deepStrictEqual(items, ['good-1', 'good-2']);
    assert.deepStrictEqual(
      invalid.map(({ index, hint, message }) => ({ index, hint, message })),
      [
        { index: 1, hint: 'bad-1', message: 'size: Expected number, received string; status: Expected string, received number' },
        { index: 2, hint: undefined, message: 'Expected object, received null' },
        { index: 3, hint: 'nameless', message: 'id: Required' },
      ],
    );
    assert.strictEqual(invalid[0].raw, records[1], 'the raw record is kept as received');
  });
});

describe('parseEnvelope', () => {
  it('turns a body that is not the documented envelope into INVALID_RESPONSE with the request id', () => {
    assert.throws(
      () => parseEnvelope(rdsBackupsEnvelope, { status: 200, body: { items: [] }, requestId: 'req-42' }, origin),
      (error: unknown) =>
        error instanceof CloudError &&
        error.code === 'INVALID_RESPONSE' &&
        error.requestId === 'req-42' &&
        error.service === 'rds' &&
        /backups: Required/.test(error.message),
    );
  });

  it('rejects a negative total', () => {
    assert.throws(() => parseEnvelope(rdsBackupsEnvelope, response({ backups: [], total_count: -1 }), origin), CloudError);
  });
});
