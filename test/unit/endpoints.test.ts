import * as assert from 'assert';
import { baseUrl, isLoopbackHost } from '../../src/cloud/endpoints';
import { CloudError } from '../../src/cloud/http/errors';
import { DEFAULT_SETTINGS, type CloudSettings } from '../../src/cloud/settings';

function settings(overrides: Partial<CloudSettings>): CloudSettings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

function configError(fn: () => unknown, settingName: string): CloudError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof CloudError, `expected a CloudError, got ${String(caught)}`);
  assert.strictEqual(caught.code, 'CONFIG');
  assert.ok(caught.message.includes(settingName), `"${caught.message}" should name ${settingName}`);
  return caught;
}

describe('endpoints', () => {
  it('fills the default template with service and region', () => {
    assert.strictEqual(baseUrl(DEFAULT_SETTINGS, 'rds'), 'https://rds.cn-north-4.myhuaweicloud.com');
    assert.strictEqual(baseUrl(settings({ region: 'ap-southeast-1' }), 'iam'), 'https://iam.ap-southeast-1.myhuaweicloud.com');
  });

  it("fills a path-style template (the emulator's) and normalises trailing slashes", () => {
    const s = settings({ endpointTemplate: 'http://127.0.0.1:8790/{service}/' });
    assert.strictEqual(baseUrl(s, 'dcs'), 'http://127.0.0.1:8790/dcs');
    assert.strictEqual(
      baseUrl(settings({ endpointTemplate: ' https://{service}.{region}.example.com/// ' }), 'ges'),
      'https://ges.cn-north-4.example.com',
    );
  });

  it('prefers a per-service override, which may use the placeholders too', () => {
    const s = settings({ endpoints: { iam: 'https://iam.example.com/', csbs: 'https://backup.{region}.example.com/{service}' } });
    assert.strictEqual(baseUrl(s, 'iam'), 'https://iam.example.com');
    assert.strictEqual(baseUrl(s, 'csbs'), 'https://backup.cn-north-4.example.com/csbs');
    assert.strictEqual(baseUrl(s, 'rds'), 'https://rds.cn-north-4.myhuaweicloud.com');
  });

  it('ignores a blank override', () => {
    assert.strictEqual(baseUrl(settings({ endpoints: { rds: '  ' } }), 'rds'), 'https://rds.cn-north-4.myhuaweicloud.com');
  });

  it('accepts plain http:// for loopback hosts only', () => {
    for (const host of ['127.0.0.1:8790', '127.8.9.10', 'localhost:3000', 'LOCALHOST', '[::1]:8080']) {
      assert.strictEqual(baseUrl(settings({ endpointTemplate: `http://${host}/{service}` }), 'rds'), `http://${host.toLowerCase()}/rds`);
    }
    const error = configError(
      () => baseUrl(settings({ endpointTemplate: 'http://{service}.{region}.example.com' }), 'rds'),
      'hwcBackups.endpointTemplate',
    );
    assert.match(error.message, /https:\/\//);
    configError(() => baseUrl(settings({ endpoints: { iam: 'http://10.0.0.1/iam' } }), 'iam'), 'hwcBackups.endpoints.iam');
    configError(() => baseUrl(settings({ endpointTemplate: 'http://128.0.0.1/{service}' }), 'rds'), 'hwcBackups.endpointTemplate');
    configError(
      () => baseUrl(settings({ endpointTemplate: 'http://localhost.example.com/{service}' }), 'rds'),
      'hwcBackups.endpointTemplate',
    );
  });

  it('rejects invalid URLs naming the setting', () => {
    configError(() => baseUrl(settings({ endpointTemplate: 'not a url {service}' }), 'rds'), 'hwcBackups.endpointTemplate');
    configError(() => baseUrl(settings({ endpoints: { dds: 'https://' } }), 'dds'), 'hwcBackups.endpoints.dds');
    configError(() => baseUrl(settings({ endpointTemplate: 'ftp://{service}.example.com' }), 'rds'), 'hwcBackups.endpointTemplate');
    configError(() => baseUrl(settings({ endpointTemplate: '' }), 'rds'), 'hwcBackups.endpointTemplate');
  });

  it('rejects unknown placeholders, a template without {service}, queries and embedded credentials', () => {
    configError(() => baseUrl(settings({ endpointTemplate: 'https://{service}.{regoin}.example.com' }), 'rds'), '{regoin}');
    configError(() => baseUrl(settings({ endpointTemplate: 'https://api.example.com' }), 'rds'), 'hwcBackups.endpointTemplate');
    configError(() => baseUrl(settings({ endpointTemplate: 'https://{service}.example.com/?x=1' }), 'rds'), 'hwcBackups.endpointTemplate');
    configError(() => baseUrl(settings({ endpointTemplate: 'https://{service}.example.com/#top' }), 'rds'), 'hwcBackups.endpointTemplate');
    configError(
      () => baseUrl(settings({ endpointTemplate: 'https://user:pw@{service}.example.com' }), 'rds'),
      'hwcBackups.endpointTemplate',
    );
  });

  it('rejects a region that is not a region id when the template uses it', () => {
    configError(() => baseUrl(settings({ region: 'cn north/4' }), 'rds'), 'hwcBackups.region');
    // Without {region} in the URL the region does not matter here.
    assert.strictEqual(
      baseUrl(settings({ region: '', endpointTemplate: 'http://127.0.0.1:1/{service}' }), 'rds'),
      'http://127.0.0.1:1/rds',
    );
  });

  it('recognises loopback hosts', () => {
    assert.ok(isLoopbackHost('127.0.0.1') && isLoopbackHost('127.255.0.3') && isLoopbackHost('localhost') && isLoopbackHost('[::1]'));
    assert.ok(!isLoopbackHost('10.0.0.1') && !isLoopbackHost('127.example.com') && !isLoopbackHost('[::2]'));
  });
});
