import * as assert from 'assert';
import { findRegion, REGIONS, validateRegionId } from '../../src/commands/regions';

describe('regions', () => {
  it('lists unique, well-formed region ids with names, cn-north-4 first', () => {
    assert.strictEqual(REGIONS[0].id, 'cn-north-4');
    assert.strictEqual(new Set(REGIONS.map((r) => r.id)).size, REGIONS.length);
    for (const region of REGIONS) {
      assert.strictEqual(validateRegionId(region.id), undefined, region.id);
      assert.ok(region.name && region.nameZh, region.id);
    }
  });

  it('knows the commonly used regions', () => {
    assert.strictEqual(findRegion('ap-southeast-1')?.name, 'CN-Hong Kong');
    assert.strictEqual(findRegion('ap-southeast-3')?.name, 'AP-Singapore');
    assert.strictEqual(findRegion('la-north-2')?.name, 'LA-Mexico City2');
    assert.strictEqual(findRegion('eu-west-101')?.name, 'EU-Dublin');
    assert.strictEqual(findRegion('xx-nowhere-1'), undefined);
  });

  it('validates custom region ids', () => {
    assert.strictEqual(validateRegionId(' my-private-region-1 '), undefined);
    assert.ok(validateRegionId(''));
    assert.ok(validateRegionId('CN-NORTH-4'));
    assert.ok(validateRegionId('cn north 4'));
    assert.ok(validateRegionId('cn-north'));
    assert.ok(validateRegionId('https://iam.cn-north-4.myhuaweicloud.com'));
  });
});

describe('regions: console sites', () => {
  it('groups the catalogue by console site, and unknown regions by their prefix', async () => {
    const cloud = await import('../../src/cloud/regions');
    assert.strictEqual(cloud.REGIONS, REGIONS, 'commands/regions.ts re-exports the cloud catalogue');
    assert.strictEqual(cloud.siteOf('cn-north-4'), 'cn');
    assert.strictEqual(cloud.siteOf('cn-east-5'), 'cn');
    assert.strictEqual(cloud.siteOf('ap-southeast-1'), 'intl');
    assert.strictEqual(cloud.siteOf('af-south-1'), 'intl');
    assert.strictEqual(cloud.siteOf('tr-west-1'), 'intl');
    assert.strictEqual(cloud.siteOf('eu-west-101'), 'eu');
    assert.strictEqual(cloud.siteOf('cn-future-9'), 'cn');
    assert.strictEqual(cloud.siteOf('eu-future-9'), 'eu');
    assert.strictEqual(cloud.siteOf('xx-future-9'), 'intl');
    for (const region of REGIONS) {
      if (region.id.startsWith('cn-')) assert.strictEqual(region.site, 'cn', region.id);
      else if (region.id.startsWith('eu-')) assert.strictEqual(region.site, 'eu', region.id);
      else assert.strictEqual(region.site, 'intl', region.id);
    }
    for (const id of [
      'eu-west-101',
      'af-south-1',
      'ap-southeast-2',
      'ap-southeast-3',
      'ap-southeast-4',
      'tr-west-1',
      'me-east-1',
      'la-south-2',
    ]) {
      assert.ok(findRegion(id)?.nameZh, id);
    }
  });
});
