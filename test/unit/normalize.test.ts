import * as assert from 'assert';
import { formatCsbsTime, formatDcsTime, formatDdsTime, formatRdsTime, parseApiTime } from '../../src/cloud/normalize/time';
import { rawStatusesFor, statusOf } from '../../src/cloud/normalize/status';
import { adapterFor } from '../../src/cloud/services/registry';
import { typeOf, typeOfAutoTrigger } from '../../src/cloud/normalize/type';
import { toBytes } from '../../src/cloud/normalize/size';

const instantOf = (raw: unknown) => parseApiTime(raw).instant;
/** 2018-08-06 12:41:14 Beijing time = 04:41:14 UTC. */
const RDS_SAMPLE_INSTANT = Date.UTC(2018, 7, 6, 4, 41, 14);

describe('parseApiTime', () => {
  it('reads the RDS format with a +0800 offset (seed 002, MySQL sample)', () => {
    assert.deepStrictEqual(parseApiTime('2018-08-06T12:41:14+0800'), { instant: RDS_SAMPLE_INSTANT, raw: '2018-08-06T12:41:14+0800' });
  });

  it('tolerates the spaces of the RDS PostgreSQL sample', () => {
    assert.strictEqual(instantOf('2018 - 08 - 06 T12: 41: 14 + 0800'), RDS_SAMPLE_INSTANT);
    assert.strictEqual(instantOf('2018 - 08 - 06 T12: 43: 14 + 0800'), RDS_SAMPLE_INSTANT + 120_000);
  });

  it('reads offsets with a colon, negative offsets and Z', () => {
    assert.strictEqual(instantOf('2018-08-06T12:41:14+08:00'), RDS_SAMPLE_INSTANT);
    assert.strictEqual(instantOf('2018-08-05T23:41:14-0500'), RDS_SAMPLE_INSTANT);
    assert.strictEqual(instantOf('2018-08-06T04:41:14Z'), RDS_SAMPLE_INSTANT);
  });

  it('reads the DDS format yyyy-mm-dd hh:mm:ss as UTC (seed 000)', () => {
    assert.strictEqual(instantOf('2018-08-06 12:41:14'), Date.UTC(2018, 7, 6, 12, 41, 14));
  });

  it('reads the DCS ISO format with milliseconds (seed 001)', () => {
    assert.strictEqual(instantOf('2018-04-15T22:00:00.780Z'), Date.UTC(2018, 3, 15, 22, 0, 0, 780));
  });

  it('reads GES epoch-ms numbers and numeric strings (seed 003)', () => {
    assert.strictEqual(instantOf(1623160513000), 1623160513000);
    assert.strictEqual(instantOf('1623160513000'), 1623160513000);
    assert.strictEqual(instantOf(1623160513), 1623160513000, '10 digits are seconds');
  });

  it('reads the zone-less GES startTime as UTC, agreeing with its startTimestamp (seed 003)', () => {
    assert.strictEqual(instantOf('2021-06-08T13:55:13'), 1623160513000);
    assert.strictEqual(instantOf('2021-06-09T12:33:24'), 1623242004000);
  });

  it('reads the CSBS created_at form: zone-less, microseconds, UTC', () => {
    assert.strictEqual(instantOf('2017-04-18T01:21:52.701973'), Date.UTC(2017, 3, 18, 1, 21, 52, 702));
  });

  it('reads the compact DCS request form yyyyMMddHHmmss as UTC', () => {
    assert.strictEqual(instantOf('20170718235959'), Date.UTC(2017, 6, 18, 23, 59, 59));
  });

  it('keeps unparseable values raw, without an instant', () => {
    for (const raw of [
      'yesterday',
      '2018-13-01T00:00:00Z',
      '2018-02-30 10:00:00',
      '2018-08-06T25:00:00Z',
      '2018-08-06T12:41:14+9900',
      42,
    ]) {
      assert.deepStrictEqual(parseApiTime(raw), { raw }, String(raw));
    }
  });

  it('gives an empty value for absent, null and blank input', () => {
    for (const raw of [undefined, null, '', '   ', {}]) assert.deepStrictEqual(parseApiTime(raw), {});
  });
});

describe('request-side time formats', () => {
  const instant = Date.UTC(2026, 10, 1, 0, 0, 0);
  it('RDS: yyyy-mm-ddThh:mm:ss+0000', () => assert.strictEqual(formatRdsTime(instant), '2026-11-01T00:00:00+0000'));
  it('DDS: yyyy-mm-dd hh:mm:ss in UTC', () => assert.strictEqual(formatDdsTime(instant + 3_723_000), '2026-11-01 01:02:03'));
  it('DCS: yyyyMMddHHmmss in UTC', () => assert.strictEqual(formatDcsTime(instant), '20261101000000'));
  it('CSBS: zone-less ISO in UTC', () => assert.strictEqual(formatCsbsTime(instant), '2026-11-01T00:00:00'));
  it('every request format parses back to the same instant', () => {
    for (const format of [formatRdsTime, formatDdsTime, formatDcsTime, formatCsbsTime]) {
      assert.strictEqual(instantOf(format(instant + 59_000)), instant + 59_000, format.name);
    }
  });
});

describe('statusOf', () => {
  const cases: [string, string, ReturnType<typeof statusOf>][] = [
    ['rds', 'BUILDING', 'inProgress'],
    ['rds', 'COMPLETED', 'succeeded'],
    ['rds', 'FAILED', 'failed'],
    ['rds', 'DELETING', 'expired'],
    ['dds', 'DISABLED', 'expired'],
    ['dds', 'COMPLETED', 'succeeded'],
    ['dcs', 'waiting', 'waiting'],
    ['dcs', 'backuping', 'inProgress'],
    ['dcs', 'succeed', 'succeeded'],
    ['dcs', 'failed', 'failed'],
    ['dcs', 'expired', 'expired'],
    ['dcs', 'deleted', 'expired'],
    ['ges', 'backing_up', 'inProgress'],
    ['ges', 'success', 'succeeded'],
    ['ges', 'failed', 'failed'],
    ['csbs', 'available', 'succeeded'],
    ['csbs', 'protecting', 'inProgress'],
    ['csbs', 'restoring', 'inProgress'],
    ['csbs', 'error', 'failed'],
    ['csbs', 'deleting', 'expired'],
    ['csbs', 'waiting_protect', 'waiting'],
  ];
  for (const [service, raw, expected] of cases) {
    it(`${service} ${raw} -> ${expected}`, () => assert.strictEqual(statusOf(adapterFor(service).rawStatuses, raw), expected));
  }

  it('ignores case and stray spaces', () => {
    assert.strictEqual(statusOf(adapterFor('rds').rawStatuses, ' completed '), 'succeeded');
  });

  it('gives unknown for values the service does not document', () => {
    assert.strictEqual(statusOf(adapterFor('rds').rawStatuses, 'succeed'), 'unknown');
    assert.strictEqual(statusOf(adapterFor('ges').rawStatuses, 'PAUSED'), 'unknown');
    assert.strictEqual(statusOf(adapterFor('dcs').rawStatuses, undefined), 'unknown');
  });

  it('lists the raw values of normalised statuses for server filters', () => {
    assert.deepStrictEqual(rawStatusesFor(adapterFor('csbs').rawStatuses, ['failed']), ['error']);
    assert.deepStrictEqual(rawStatusesFor(adapterFor('csbs').rawStatuses, ['inProgress']), ['protecting', 'restoring']);
  });
});

describe('typeOf', () => {
  it('maps RDS fragment to differential and keeps incremental', () => {
    assert.strictEqual(typeOf('fragment'), 'differential');
    assert.strictEqual(typeOf('incremental'), 'incremental');
  });
  it('reads DDS "Auto"/"Manual" and their lower-case form', () => {
    assert.strictEqual(typeOf('Auto'), 'auto');
    assert.strictEqual(typeOf('auto'), 'auto');
    assert.strictEqual(typeOf('Manual'), 'manual');
  });
  it('gives unknown for anything else', () => {
    assert.strictEqual(typeOf('snapshot'), 'unknown');
    assert.strictEqual(typeOf(undefined), 'unknown');
  });
  it('reads CSBS auto_trigger', () => {
    assert.strictEqual(typeOfAutoTrigger(true), 'auto');
    assert.strictEqual(typeOfAutoTrigger(false), 'manual');
    assert.strictEqual(typeOfAutoTrigger(undefined), 'unknown');
  });
});

describe('toBytes', () => {
  it('converts each API unit', () => {
    assert.strictEqual(toBytes(2803, 'kB'), 2803 * 1024);
    assert.strictEqual(toBytes(2803, 'KB'), 2803 * 1024);
    assert.strictEqual(toBytes(126, 'bytes'), 126);
    assert.strictEqual(toBytes(1, 'MB'), 1024 * 1024);
    assert.strictEqual(toBytes(1.5, 'MB'), 1572864);
  });
  it('gives undefined for missing, negative or non-finite sizes', () => {
    assert.strictEqual(toBytes(undefined, 'MB'), undefined);
    assert.strictEqual(toBytes(-1, 'KB'), undefined);
    assert.strictEqual(toBytes(Number.NaN, 'KB'), undefined);
  });
});
