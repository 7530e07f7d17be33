// CBR (issue 12): schema leniency on the official examples' quirks, the tree's wording for a vault's
// backups, the incremental filter, and the CSBS legacy note.
import * as assert from 'assert';
import type { JsonResponse } from '../../src/cloud/http/json';
import type { Backup, Instance } from '../../src/cloud/model';
import type { AdapterContext } from '../../src/cloud/services/adapter';
import { matchesFilter, planFilter } from '../../src/cloud/services/filtering';
import { adapterFor } from '../../src/cloud/services/registry';
import { renderDetailsHtml } from '../../src/details/html/details';
import { backupDescription, backupTooltip } from '../../src/explorer/labels';

const NOW = Date.UTC(2020, 7, 18, 8, 0, 45);
const vault: Instance = { service: 'cbr', id: '3b5816b5-f29c-4172-9d9a-76c719a659ce', name: 'vault-prod', raw: {} };

/** ListBackups Example 3 (cbr_04_0028): microseconds without a zone, nulls everywhere, undocumented keys. */
const EXAMPLE_3 = {
  checkpoint_id: '8b0851a8-adf3-4f4c-a914-dead08bf9664',
  created_at: '2020-08-18T06:00:45.375070',
  description: null,
  enterprise_project_id: '0',
  expired_at: null,
  extend_info: {
    app_consistency: null,
    architecture: 'x86_64',
    auto_trigger: true,
    bootable: null,
    contain_system_disk: true,
    encrypted: null,
    is_multi_az: false,
    os_images_data: null,
    snapshot_id: null,
    support_lld: true,
    supported_restore_mode: 'backup',
    system_disk: false,
  },
  id: '6df2b54c-dd62-4059-a07c-1b8f24f2725d',
  image_type: 'backup',
  incremental: true,
  name: 'autobk_a61d',
  parent_id: null,
  project_id: '4229d7a45436489f8c3dc2b1d35d4987',
  protected_at: '2020-08-18T06:01:22.123456',
  provider_id: '0daac4c5-6707-4851-97ba-169e36266b66',
  replication_records: null,
  resource_az: 'br-iaas-odin1a',
  resource_id: '94eba8b2-acc9-4d82-badc-127144cc5526',
  resource_name: 'ecs-1f0f-0002',
  resource_size: '40',
  resource_type: 'OS::Nova::Server',
  status: 'available',
  updated_at: '2020-08-18T06:01:22.123456',
  vault_id: vault.id,
  children: null,
};

function answering(body: unknown): AdapterContext {
  return { projectId: 'p1', get: async (): Promise<JsonResponse> => ({ status: 200, body }) };
}

describe('CBR records as the official examples send them', () => {
  it('reads Example 3: µs times without a zone as UTC, nulls as absent, resource_size as a string of GB', async () => {
    const page = await adapterFor('cbr').listBackups(answering({ backups: [EXAMPLE_3], count: 1663 }), vault, { limit: 100 });
    assert.deepStrictEqual(page.invalid, []);
    assert.strictEqual(page.total, 1663);
    const [backup] = page.items;
    assert.strictEqual(backup.start.instant, Date.UTC(2020, 7, 18, 6, 0, 45, 375));
    assert.strictEqual(backup.end.instant, Date.UTC(2020, 7, 18, 6, 1, 22, 123));
    assert.strictEqual(backup.sizeBytes, 40 * 1024 ** 3);
    assert.strictEqual(backup.type, 'auto');
    assert.strictEqual(backup.incremental, true);
    assert.strictEqual(backup.instanceId, vault.id);
    assert.strictEqual(backup.resourceName, 'ecs-1f0f-0002');
    assert.strictEqual(backup.extras.expired_at, 'never');
    assert.strictEqual(backup.extras.encrypted, undefined, 'null is not shown as a value');
    assert.strictEqual(backup.extras.description, undefined);
    assert.strictEqual(backup.raw, page.items[0].raw);
  });

  it('reads the ListBackups sample: milliseconds with +00:00, description "", no incremental or protected_at', async () => {
    const sample = {
      id: 'b1',
      name: 'manualbk_1',
      status: 'available',
      created_at: '2020-02-21T07:07:25.114+00:00',
      description: '',
      resource_size: 40,
      extend_info: { auto_trigger: false, snapshot_id: 'abc', bootable: true, encrypted: false },
    };
    const [backup] = (await adapterFor('cbr').listBackups(answering({ backups: [sample], count: 2 }), vault, { limit: 10 })).items;
    assert.strictEqual(backup.start.instant, Date.UTC(2020, 1, 21, 7, 7, 25, 114));
    assert.strictEqual(backup.type, 'manual');
    assert.strictEqual(backup.incremental, undefined);
  });

  it("the panel's CBR details: resource, AZ, times, restore modes, children and replication records with status and region", async () => {
    const replicated = {
      ...EXAMPLE_3,
      children: [{ id: 'c1', name: 'sys', status: 'available', resource_name: 'ecs-1f0f-0002-system', extend_info: null }],
      replication_records: [
        {
          id: 'r1',
          status: 'success',
          destination_region: 'cn-south-1',
          extra_info: { progress: 100, fail_code: null, fail_reason: null },
        },
        {
          id: 'r2',
          status: 'fail',
          destination_region: 'ap-southeast-1',
          extra_info: { progress: 35, fail_code: 'BackupService.6302', fail_reason: 'no capacity' },
        },
      ],
    };
    const [backup] = (await adapterFor('cbr').listBackups(answering({ backups: [replicated], count: 1 }), vault, { limit: 10 })).items;
    const html = renderDetailsHtml({
      backup,
      serviceLabel: 'CBR — Cloud Backup and Recovery',
      fetchedAt: NOW,
      now: NOW,
      resources: { cspSource: 'https://x', nonce: 'n', styles: [], script: 'https://x/details.js' },
    });
    const section = /<section id="service-specific"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    for (const [term, value] of [
      ['Resource', 'ecs-1f0f-0002'],
      ['Resource AZ', 'br-iaas-odin1a'],
      ['Protected at', '2020-08-18T06:01:22.123456'],
      ['Expires at', 'never'],
      ['Restore modes', 'backup'],
      ['Child backups', 'ecs-1f0f-0002-system (available)'],
      ['Replication records', 'success → cn-south-1; fail → ap-southeast-1 (BackupService.6302)'],
    ]) {
      assert.ok(section.includes(`<dt>${term}</dt><dd>${value}</dd>`), `${term}: ${value} in ${section}`);
    }
  });

  it('shows an unknown status raw, and one malformed record as invalid without hiding its sibling', async () => {
    const page = await adapterFor('cbr').listBackups(
      answering({
        backups: [
          { ...EXAMPLE_3, status: 'frozen' },
          { ...EXAMPLE_3, id: 42 },
        ],
        count: 2,
      }),
      vault,
      { limit: 10 },
    );
    assert.strictEqual(page.items[0].status, 'unknown');
    assert.strictEqual(page.items[0].rawStatus, 'frozen');
    assert.strictEqual(page.invalid.length, 1);
  });
});

describe('CBR in the tree', () => {
  const backup = (extra: Partial<Backup>): Backup => ({
    service: 'cbr',
    id: 'b1',
    name: 'autobk_1',
    instanceId: vault.id,
    instanceName: vault.name,
    type: 'auto',
    rawStatus: 'available',
    status: 'succeeded',
    start: { instant: NOW - 2 * 3_600_000 },
    end: {},
    sizeBytes: 40 * 1024 ** 3,
    extras: {},
    raw: {},
    ...extra,
  });

  it("a vault's backup reads: resource · auto · incremental · relative time · size", () => {
    assert.strictEqual(
      backupDescription(backup({ resourceName: 'app-01', incremental: true }), NOW),
      'app-01 · auto · incremental · 2 h ago · 40 GB',
    );
    assert.strictEqual(
      backupDescription(backup({ resourceName: 'app-01', type: 'manual', incremental: false }), NOW),
      'app-01 · manual · full · 2 h ago · 40 GB',
    );
    assert.strictEqual(backupDescription(backup({}), NOW), 'auto · 2 h ago · 40 GB', 'other services are unchanged');
  });

  it('the tooltip names the resource as well as the vault', () => {
    assert.ok(backupTooltip(backup({ resourceName: 'app-01' }), vault, NOW).includes('| Resource | app-01 |'));
  });

  it('"incremental" matches an incremental backup whatever its auto/manual type', () => {
    assert.ok(matchesFilter(backup({ incremental: true }), { types: ['incremental'] }));
    assert.ok(!matchesFilter(backup({ incremental: false }), { types: ['incremental'] }));
    assert.ok(!matchesFilter(backup({}), { types: ['incremental'] }));
  });

  it('resource types: one raw value goes to the server, several are matched here, none lists nothing, no capability ignores them', () => {
    const raw = {
      resourceTypes: (type: string) => (type === 'server' ? ['OS::Nova::Server'] : type === 'disk' ? ['OS::Cinder::Volume'] : []),
    };
    assert.deepStrictEqual(planFilter({ resourceTypes: ['disk'] }, raw), {
      typeParam: undefined,
      statusParam: undefined,
      resourceTypeParam: 'OS::Cinder::Volume',
      timeRange: undefined,
      residual: undefined,
      impossible: false,
    });
    const several = planFilter({ resourceTypes: ['server', 'disk'] }, raw);
    assert.strictEqual(several.resourceTypeParam, undefined);
    assert.deepStrictEqual(several.residual?.resourceTypes, ['server', 'disk']);
    assert.strictEqual(planFilter({ resourceTypes: ['desktop'] }, raw).impossible, true);
    const rdsLike = planFilter({ resourceTypes: ['disk'], statuses: ['failed'] }, { statuses: () => ['FAILED'] });
    assert.deepStrictEqual([rdsLike.statusParam, rdsLike.residual, rdsLike.impossible], ['FAILED', undefined, false]);
    assert.ok(matchesFilter(backup({ resourceType: 'disk' }), { resourceTypes: ['server', 'disk'] }));
    assert.ok(!matchesFilter(backup({ resourceType: 'server' }), { resourceTypes: ['disk', 'fileSystem'] }));
    assert.ok(!matchesFilter(backup({}), { resourceTypes: ['disk'] }), 'an unmapped resource_type matches no chosen type');
  });

  it('reads resource_type into the normalised resource type', async () => {
    const ctx = answering({ backups: [EXAMPLE_3, { ...EXAMPLE_3, id: 'x2', resource_type: 'OS::Native::Server' }], count: 2 });
    const page = await adapterFor('cbr').listBackups(ctx, vault, { limit: 10 });
    assert.deepStrictEqual(
      page.items.map((item) => item.resourceType),
      ['server', undefined],
    );
  });

  it('CSBS says it is legacy and points to CBR; the other services have no note', () => {
    assert.strictEqual(adapterFor('csbs').note, 'Legacy: CSBS serves existing users; new backups are in CBR.');
    assert.strictEqual(adapterFor('cbr').note, undefined);
  });
});
