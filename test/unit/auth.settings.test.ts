import * as assert from 'assert';
import { readCloudSettings } from '../../src/auth/settings';
import { DEFAULT_SETTINGS } from '../../src/cloud/settings';

describe('reading hwcBackups.* settings', () => {
  it('gives the defaults for an empty configuration, with no problems', () => {
    assert.deepStrictEqual(readCloudSettings({}), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('keeps valid values, trimmed', () => {
    const { settings, problems } = readCloudSettings({
      region: ' ap-southeast-3 ',
      projectId: 'p1',
      endpointTemplate: 'http://127.0.0.1:8790/{service}',
      endpoints: { iam: 'https://iam.example.com ' },
      services: ['csbs', 'rds'],
      pageSize: 20,
      requestTimeoutSeconds: 5,
      maxRetries: 0,
    });
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(settings.region, 'ap-southeast-3');
    assert.deepStrictEqual(settings.endpoints, { iam: 'https://iam.example.com' });
    assert.deepStrictEqual(settings.services, ['rds', 'csbs'], 'canonical order');
    assert.deepStrictEqual([settings.pageSize, settings.requestTimeoutSeconds, settings.maxRetries], [20, 5, 0]);
  });

  it('clamps numbers into range and names the setting', () => {
    const { settings, problems } = readCloudSettings({ pageSize: 500, requestTimeoutSeconds: 0, maxRetries: 2.6 });
    assert.deepStrictEqual([settings.pageSize, settings.requestTimeoutSeconds, settings.maxRetries], [100, 1, 3]);
    assert.strictEqual(problems.length, 3);
    assert.match(problems[0], /hwcBackups\.pageSize is 500; using 100/);
  });

  it('falls back on wrong types and drops unknown entries', () => {
    const { settings, problems } = readCloudSettings({
      region: '  ',
      pageSize: '50',
      services: ['rds', 'ecs', 'rds'],
      endpoints: { iam: 42, nope: 'https://x', dds: 'https://dds.example.com' },
    });
    assert.strictEqual(settings.region, 'cn-north-4');
    assert.strictEqual(settings.pageSize, 50);
    assert.deepStrictEqual(settings.services, ['rds']);
    assert.deepStrictEqual(settings.endpoints, { dds: 'https://dds.example.com' });
    assert.ok(problems.some((p) => p.includes('hwcBackups.region')));
    assert.ok(problems.some((p) => p.includes('hwcBackups.pageSize')));
    assert.ok(problems.some((p) => p.includes('ecs')));
    assert.ok(problems.some((p) => p.includes('hwcBackups.endpoints.iam')));
    assert.ok(problems.some((p) => p.includes('"nope"')));
  });
});
