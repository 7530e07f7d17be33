import * as assert from 'assert';
import type { Backup } from '../../src/cloud/model';
import { backupsToCsv, backupsToJson, csvCell, defaultExportName, exportFormatOf } from '../../src/domain/exportFormat';
import { parseCsv } from '../support/csv';

function backup(overrides: Partial<Backup> = {}): Backup {
  return {
    service: 'rds',
    id: 'b1',
    name: 'orders-mysql-20261121',
    instanceId: 'i1',
    instanceName: 'orders-mysql',
    type: 'auto',
    rawType: 'auto',
    rawStatus: 'COMPLETED',
    status: 'succeeded',
    start: { instant: Date.UTC(2026, 10, 21, 2, 0, 0), raw: '2026-11-21T10:00:00+0800' },
    end: { raw: 'not a time' },
    sizeBytes: 2048,
    rawSize: { value: 2, unit: 'kB' },
    datastore: { type: 'MySQL', version: '8.0' },
    extras: {},
    raw: { id: 'b1', status: 'COMPLETED' },
    ...overrides,
  };
}

describe('export serialisers', () => {
  it('chooses JSON only for .json files', () => {
    assert.strictEqual(exportFormatOf('/tmp/a.JSON'), 'json');
    assert.strictEqual(exportFormatOf('/tmp/a.csv'), 'csv');
    assert.strictEqual(exportFormatOf('/tmp/backups'), 'csv');
  });

  it('quotes commas, quotes and line breaks', () => {
    assert.strictEqual(csvCell('plain'), 'plain');
    assert.strictEqual(csvCell('a,b'), '"a,b"');
    assert.strictEqual(csvCell('say "hi"'), '"say ""hi"""');
    assert.strictEqual(csvCell('line1\nline2'), '"line1\nline2"');
    assert.strictEqual(csvCell(undefined), '');
    assert.strictEqual(csvCell(42), '42');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    assert.strictEqual(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.strictEqual(csvCell('+1'), "'+1");
    assert.strictEqual(csvCell('-2+3'), "'-2+3");
    assert.strictEqual(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.strictEqual(csvCell('\t=1'), "'\t=1");
    assert.strictEqual(csvCell('a=b'), 'a=b', 'only a leading sign is dangerous');
  });

  it('writes a header and one row per backup that round-trips', () => {
    const tricky = backup({
      id: 'b2',
      name: '=cmd|"/c calc"!A1, copy\r\nof 订单',
      errorCode: 'dcs.08.0001',
      sizeBytes: undefined,
      rawSize: undefined,
    });
    const csv = backupsToCsv([backup(), tricky]);
    assert.ok(csv.startsWith('\uFEFF'), 'BOM for Excel');
    const rows = parseCsv(csv.slice(1));
    assert.strictEqual(rows.length, 3);
    const header = rows[0];
    const at = (row: string[], column: string) => row[header.indexOf(column)];
    assert.deepStrictEqual(header.slice(0, 5), ['service', 'instance_id', 'instance_name', 'backup_id', 'name']);
    assert.strictEqual(at(rows[1], 'start_utc'), '2026-11-21T02:00:00.000Z');
    assert.strictEqual(at(rows[1], 'end_utc'), 'not a time', 'unparsed times stay raw');
    assert.strictEqual(at(rows[1], 'size_bytes'), '2048');
    assert.strictEqual(at(rows[1], 'raw_size'), '2 kB');
    assert.strictEqual(at(rows[2], 'name'), `'=cmd|"/c calc"!A1, copy\r\nof 订单`);
    assert.strictEqual(at(rows[2], 'error_code'), 'dcs.08.0001');
    assert.strictEqual(at(rows[2], 'size_bytes'), '');
    for (const row of rows) assert.strictEqual(row.length, header.length);
  });

  it('says in every row which region, project and connection the backups came from', () => {
    const origin = { region: 'ap-southeast-1', projectId: 'p-hk', connection: '=dr, copy' };
    const rows = parseCsv(backupsToCsv([backup(), backup({ id: 'b2' })], origin).slice(1));
    const header = rows[0];
    assert.deepStrictEqual(header.slice(-3), ['region', 'project_id', 'connection']);
    assert.deepStrictEqual(header.slice(0, -3), parseCsv(backupsToCsv([]).slice(1))[0], 'the earlier columns keep their places');
    for (const row of rows.slice(1)) assert.deepStrictEqual(row.slice(-3), ['ap-southeast-1', 'p-hk', `'=dr, copy`]);
    const [record] = JSON.parse(backupsToJson([backup()], origin)) as Array<Record<string, unknown>>;
    assert.deepStrictEqual([record.region, record.projectId, record.connection], ['ap-southeast-1', 'p-hk', '=dr, copy']);
  });

  it('names the export file after service, instance, region and day', () => {
    assert.strictEqual(
      defaultExportName('rds', 'orders / mysql', 'ap-southeast-1', new Date(2026, 10, 22)),
      'rds-orders-mysql-ap-southeast-1-backups-20261122.csv',
    );
  });

  it('writes an empty export as just the header', () => {
    assert.strictEqual(parseCsv(backupsToCsv([]).slice(1)).length, 1);
    assert.deepStrictEqual(JSON.parse(backupsToJson([])), []);
  });

  it('writes JSON records with ISO and raw times plus the raw API record', () => {
    const [record] = JSON.parse(backupsToJson([backup()]));
    assert.strictEqual(record.id, 'b1');
    assert.deepStrictEqual(record.start, { utc: '2026-11-21T02:00:00.000Z', raw: '2026-11-21T10:00:00+0800' });
    assert.deepStrictEqual(record.end, { raw: 'not a time' });
    assert.deepStrictEqual(record.raw, { id: 'b1', status: 'COMPLETED' });
    assert.strictEqual(record.sizeBytes, 2048);
  });
});
