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
