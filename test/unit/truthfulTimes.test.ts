import * as assert from 'assert';
import type { Backup, Instance } from '../../src/cloud/model';
import type { JsonResponse } from '../../src/cloud/http/json';
import type { AdapterContext } from '../../src/cloud/services/adapter';
import { ADAPTERS, adapterFor } from '../../src/cloud/services/registry';
import { renderDetailsHtml } from '../../src/details/html/details';
import { backupTooltip } from '../../src/explorer/labels';

/*
 * Issue 9, items 1 and 2: an unfinished backup has no end and no duration (it says how long it has
 * been running instead), and the end_time of an RDS MySQL incremental backup is the last commit.
 */

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const STARTED = NOW - (3 * 60 + 12) * 60_000; // 3 h 12 min ago

/** One record per service, still running, as each API sends it (seeds 000–004). */
const RUNNING: Record<Backup['service'], { record: Record<string, unknown>; envelope: (records: unknown[]) => unknown }> = {
  rds: {
    record: {
      id: 'r1',
      name: 'r1',
      type: 'auto',
      status: 'BUILDING',
      size: 0,
      begin_time: '2026-11-21T16:48:00+0800',
      end_time: '2026-11-21T16:48:00+0800',
      datastore: { type: 'MySQL', version: '8.0' },
    },
    envelope: (backups) => ({ backups, total_count: backups.length }),
  },
  dds: {
    record: {
      id: 'd1',
      name: 'd1',
      type: 'auto',
      status: 'BUILDING',
      size: 0,
      begin_time: '2026-11-21 08:48:00',
      end_time: '2026-11-21 08:48:00',
    },
    envelope: (backups) => ({ backups, total_count: backups.length }),
  },
  dcs: {
    record: {
      backup_id: 'c1',
      backup_name: 'c1',
      backup_type: 'manual',
      status: 'backuping',
      progress: '42.50',
      size: 0,
      created_at: '2026-11-21T08:48:00.000Z',
      updated_at: '2026-11-21T11:59:00.000Z',
    },
    envelope: (records) => ({ backup_record_response: records, total_num: records.length }),
  },
  ges: {
    record: {
      id: 'g1',
      name: 'g1',
      backupMethod: 'auto',
      status: 'backing_up',
      startTimestamp: STARTED,
      startTime: '2026-11-21T08:48:00',
      endTimestamp: STARTED,
      endTime: '2026-11-21T08:48:00',
      size: 0,
      duration: 0,
    },
    envelope: (backupList) => ({ backupList, backupCount: backupList.length }),
  },
  csbs: {
    record: {
      id: 'k1',
      name: 'k1',
      status: 'protecting',
      created_at: '2026-11-21T08:48:00.000000',
      updated_at: '2026-11-21T11:59:00.000000',
      extend_info: { auto_trigger: true, progress: 60 },
    },
    envelope: (checkpoint_items) => ({ checkpoint_items }),
  },
  cbr: {
    record: {
      id: 'v1',
      name: 'v1',
      status: 'protecting',
      created_at: '2026-11-21T08:48:00.000000',
      updated_at: '2026-11-21T11:59:00.000000',
      protected_at: null,
      extend_info: { auto_trigger: true },
    },
    envelope: (backups) => ({ backups, count: backups.length }),
  },
};

/** Answers every list request with `body`, and the CSBS count API with the number of records in it. */
function answering(body: unknown): AdapterContext {
  const count = (body as { checkpoint_items?: unknown[] }).checkpoint_items?.length ?? 0;
  return {
    projectId: 'p1',
    get: async (_service, path): Promise<JsonResponse> => ({ status: 200, body: path.endsWith('/count') ? { count } : body }),
  };
}

const instanceOf = (service: Backup['service']): Instance => ({ service, id: 'i1', name: 'i1', raw: {} });

async function runningBackup(service: Backup['service']): Promise<Backup> {
  const { record, envelope } = RUNNING[service];
  const page = await adapterFor(service).listBackups(answering(envelope([record])), instanceOf(service), { limit: 10 });
  assert.deepStrictEqual(page.invalid, []);
  return page.items[0];
}

function render(backup: Backup): string {
  return renderDetailsHtml({
    backup,
    serviceLabel: backup.service.toUpperCase(),
    fetchedAt: NOW,
    now: NOW,
    resources: { cspSource: 'https://x', nonce: 'n', styles: [], script: 'https://x/details.js' },
  });
}

function timing(html: string): string {
  const match = /<section id="timing"[\s\S]*?<\/section>/.exec(html);
  assert.ok(match, 'timing section');
  return match[0];
}

describe('unfinished backups have no end and no duration (issue 9, item 1)', () => {
  for (const { id: service } of ADAPTERS) {
    it(`${service.toUpperCase()}: a running backup has no end time, whatever the API put in its end field`, async () => {
      const backup = await runningBackup(service);
      assert.strictEqual(backup.status, 'inProgress');
      assert.deepStrictEqual(backup.end, {});
      assert.strictEqual(backup.start.instant, STARTED);
    });
  }

  it('DCS: a waiting backup has no end either; a finished one keeps updated_at as its end', async () => {
    const { record, envelope } = RUNNING.dcs;
    const waiting = { ...record, status: 'waiting' };
    const done = { ...record, backup_id: 'c2', status: 'succeed' };
    const page = await adapterFor('dcs').listBackups(answering(envelope([waiting, done])), instanceOf('dcs'), { limit: 10 });
    assert.deepStrictEqual(page.items[0].end, {});
    assert.strictEqual(page.items[1].end.instant, Date.UTC(2026, 10, 21, 11, 59));
  });

  it('the panel of a running DCS backup says how long it has been running and its progress, with no End time or Duration', async () => {
    const html = render(await runningBackup('dcs'));
    const rows = timing(html);
    assert.ok(!rows.includes('Duration'), rows);
    assert.ok(rows.includes('not finished yet'), rows);
    assert.ok(rows.includes('running for 3 h 12 min'), rows);
    assert.ok(!rows.includes('2026-11-21 11:59'), 'updated_at is not shown as the end');
    assert.ok(/<dt>Progress<\/dt><dd>42\.50 %<\/dd>/.test(html), 'progress shown');
  });

  it('the panel of an RDS BUILDING backup shows no "Duration 0 s"', async () => {
    const rows = timing(render(await runningBackup('rds')));
    assert.ok(!rows.includes('Duration'), rows);
    assert.ok(rows.includes('running for 3 h 12 min'), rows);
  });

  it('the tooltip of a running backup says it has not finished and how long it has run, with its progress', async () => {
    const backup = await runningBackup('dcs');
    const text = backupTooltip(backup, undefined, NOW);
    assert.ok(text.includes('| Ended | not finished, running for 3 h 12 min |'), text);
    assert.ok(text.includes('| Progress | 42.50 % |'), text);
    const waiting = backupTooltip({ ...backup, status: 'waiting', rawStatus: 'waiting' }, undefined, NOW);
    assert.ok(waiting.includes('not finished, waiting for 3 h 12 min'), waiting);
  });
});

describe('RDS incremental end_time is the last commit, not the end of the job (issue 9, item 2)', () => {
  const mysqlIncremental = {
    id: 'inc1',
    name: 'inc1',
    type: 'incremental',
    status: 'COMPLETED',
    size: 10,
    begin_time: '2026-11-21T10:00:00+0800',
    end_time: '2026-11-21T10:55:00+0800',
    datastore: { type: 'MySQL', version: '8.0' },
  };

  async function rdsBackup(record: Record<string, unknown>): Promise<Backup> {
    const page = await adapterFor('rds').listBackups(answering({ backups: [record], total_count: 1 }), instanceOf('rds'), { limit: 10 });
    return page.items[0];
  }

  it('marks the end of a MySQL incremental backup as the last transaction commit; full backups keep a job end', async () => {
    assert.strictEqual((await rdsBackup(mysqlIncremental)).endMeaning, 'lastTransactionCommit');
    assert.strictEqual((await rdsBackup({ ...mysqlIncremental, type: 'auto' })).endMeaning, undefined);
  });

  it('labels it in the panel and computes no job duration from it', async () => {
    const rows = timing(render(await rdsBackup(mysqlIncremental)));
    assert.ok(rows.includes('<dt>Last transaction committed</dt>'), rows);
    assert.ok(!rows.includes('<dt>End</dt>'), rows);
    assert.ok(!rows.includes('Duration'), rows);
  });

  it('labels it in the tooltip', async () => {
    const text = backupTooltip(await rdsBackup(mysqlIncremental), undefined, NOW);
    // The local date depends on the machine's zone; the UTC one in brackets does not.
    assert.match(text, /\| Last transaction committed \| \d{4}-\d\d-\d\d [\d:]+ [+-]\d\d:\d\d \\\(2026-11-21 02:55:00 UTC\\\) \|/, text);
    assert.ok(!text.includes('| Ended |'), text);
  });
});

describe('one place for each fact in the panel (issue 9, item 8)', () => {
  /** The panel's sections except Raw JSON, which repeats everything by design. */
  const structured = (backup: Backup) => (render(backup).match(/<section id="(?!raw")[\s\S]*?<\/section>/g) ?? []).join('\n');
  const occurrences = (html: string, text: string) => html.split(text).length - 1;

  it('DCS progress is shown once (in Status), not again under DCS details', async () => {
    const html = structured(await runningBackup('dcs'));
    assert.strictEqual(occurrences(html, '<dt>Progress</dt>'), 1, html);
  });

  it('GES graph name, graph id and engine version are shown once each', async () => {
    const record = {
      id: 'g2',
      name: 'g2',
      backupMethod: 'manual',
      graphId: 'graph-id-1',
      graphName: 'movies-graph',
      dataStoreVersion: '2.2.21',
      arch: 'x86_64',
      status: 'success',
      startTimestamp: STARTED,
      endTimestamp: STARTED + 54_000,
      size: 1,
      duration: 54,
    };
    const page = await adapterFor('ges').listBackups(answering({ backupList: [record], backupCount: 1 }), instanceOf('ges'), { limit: 10 });
    const html = structured(page.items[0]);
    assert.strictEqual(occurrences(html, 'movies-graph'), 1, html);
    assert.strictEqual(occurrences(html, 'graph-id-1'), 1, html);
    assert.strictEqual(occurrences(html, '2.2.21'), 1, html);
  });

  it('CSBS resource id, resource name and failure reason are shown once each', async () => {
    const record = {
      id: 'k2',
      name: 'k2',
      status: 'error',
      created_at: '2026-11-21T08:48:00.000000',
      resource_id: 'server-id-1',
      resource_type: 'OS::Nova::Server',
      extend_info: {
        auto_trigger: false,
        resource_name: 'web-01',
        fail_reason: 'Disk is being expanded.',
        fail_code: { Code: 'CSBS.6005', Description: '' },
      },
    };
    const page = await adapterFor('csbs').listBackups(answering({ checkpoint_items: [record] }), instanceOf('csbs'), { limit: 10 });
    const html = structured(page.items[0]);
    assert.strictEqual(occurrences(html, 'server-id-1'), 1, html);
    assert.strictEqual(occurrences(html, '>web-01'), 1, html);
    assert.strictEqual(occurrences(html, 'Disk is being expanded.'), 1, html);
  });
});
