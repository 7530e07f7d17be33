import * as assert from 'assert';
import { CONSOLE_SITES, ConsoleLinkError, consoleLink, consoleSite, parseConsoleHost } from '../../src/cloud/console';
import { REGIONS } from '../../src/cloud/regions';
import { SERVICE_IDS } from '../../src/cloud/services/registry';

describe('console links', () => {
  it('opens each region on the console site that serves it', () => {
    assert.strictEqual(consoleSite('cn-north-4'), 'https://console.huaweicloud.com');
    assert.strictEqual(consoleSite('cn-southwest-2'), 'https://console.huaweicloud.com');
    assert.strictEqual(consoleSite('cn-north-99'), 'https://console.huaweicloud.com');
    for (const region of [
      'ap-southeast-1',
      'ap-southeast-3',
      'af-south-1',
      'la-south-2',
      'sa-brazil-1',
      'na-mexico-1',
      'me-east-1',
      'tr-west-1',
      'my-kualalumpur-1',
      'zz-new-1',
    ]) {
      assert.strictEqual(consoleSite(region), 'https://console-intl.huaweicloud.com', region);
    }
    assert.strictEqual(consoleSite('eu-west-101'), 'https://console.eu.huaweicloud.com');
    assert.strictEqual(consoleSite('eu-north-7'), 'https://console.eu.huaweicloud.com');
    for (const region of REGIONS) assert.strictEqual(consoleSite(region.id), CONSOLE_SITES[region.site], region.id);
  });

  it('links every service to its page in the region, never claiming a deep link', () => {
    const expected: Record<string, string> = {
      rds: 'https://console.huaweicloud.com/rds/?region=cn-north-4#/rds/management/list',
      dds: 'https://console.huaweicloud.com/dds/?region=cn-north-4',
      dcs: 'https://console.huaweicloud.com/dcs/?region=cn-north-4#/dcs/manager/cacheList',
      ges: 'https://console.huaweicloud.com/ges/?region=cn-north-4#/management/dashboard',
      csbs: 'https://console.huaweicloud.com/csbs/?region=cn-north-4',
      cbr: 'https://console.huaweicloud.com/console/?region=cn-north-4#/cbr/manager/csbs/vaultList',
    };
    assert.deepStrictEqual(Object.keys(expected).sort(), [...SERVICE_IDS].sort());
    for (const service of SERVICE_IDS) {
      for (const target of [{}, { instanceId: 'i-1' }, { instanceId: 'i-1', backupId: 'b-1', projectId: 'p' }]) {
        assert.deepStrictEqual(consoleLink({ region: 'cn-north-4', service, ...target }), { url: expected[service], deep: false }, service);
      }
    }
    assert.deepStrictEqual(consoleLink({ region: 'ap-southeast-1', service: 'dcs', instanceId: 'x' }), {
      url: 'https://console-intl.huaweicloud.com/dcs/?region=ap-southeast-1#/dcs/manager/cacheList',
      deep: false,
    });
    assert.deepStrictEqual(consoleLink({ region: 'eu-west-101', service: 'cbr' }), {
      url: 'https://console.eu.huaweicloud.com/console/?region=eu-west-101#/cbr/manager/csbs/vaultList',
      deep: false,
    });
    assert.deepStrictEqual(consoleLink({ region: 'cn-north-4', service: 'ecs' }), {
      url: 'https://console.huaweicloud.com/console/?region=cn-north-4',
      deep: false,
    });
    assert.deepStrictEqual(consoleLink({ region: 'cn-north-4', service: '__proto__' }), {
      url: 'https://console.huaweicloud.com/console/?region=cn-north-4',
      deep: false,
    });
  });

  it('lets hwcBackups.consoleHost replace the site, with or without https://', () => {
    for (const host of [
      'console.private.example.com',
      'https://console.private.example.com',
      'https://console.private.example.com/',
      ' HTTPS://Console.Private.Example.com ',
    ]) {
      assert.strictEqual(consoleSite('cn-north-4', host), 'https://console.private.example.com', host);
    }
    assert.strictEqual(consoleSite('eu-west-101', 'console.example.com:8443'), 'https://console.example.com:8443');
    assert.strictEqual(consoleSite('cn-north-4', 'http://127.0.0.1:9000'), 'http://127.0.0.1:9000');
    assert.strictEqual(consoleSite('cn-north-4', ''), 'https://console.huaweicloud.com');
    assert.strictEqual(consoleSite('cn-north-4', '   '), 'https://console.huaweicloud.com');
    assert.strictEqual(
      consoleLink({ region: 'ap-southeast-3', service: 'rds' }, 'console.example.com').url,
      'https://console.example.com/rds/?region=ap-southeast-3#/rds/management/list',
    );
  });

  it('refuses a consoleHost that is not a bare origin, naming the setting', () => {
    const bad = [
      'http://console.example.com',
      'ftp://console.example.com',
      'javascript:alert(1)',
      'https://user:pw@console.example.com',
      'https://console.example.com/path',
      'https://console.example.com/?q=1',
      'https://console.example.com/#x',
      'console example com',
      'console.example.com/evil',
      'https://-bad-.example.com',
      'https://exa_mple.com',
      '//console.example.com',
    ];
    for (const host of bad) {
      assert.ok('error' in parseConsoleHost(host), host);
      assert.throws(
        () => consoleSite('cn-north-4', host),
        (error: unknown) =>
          error instanceof ConsoleLinkError && error.field === 'consoleHost' && error.message.includes('hwcBackups.consoleHost'),
        host,
      );
    }
  });

  it('refuses region ids with odd characters instead of building a URL from them', () => {
    for (const region of [
      '',
      'CN-NORTH-4',
      'cn-north-4&locale=x',
      'cn-north-4#/evil',
      'cn north 4',
      '../cn-north-4',
      'cn-north-4/',
      'cn-north',
      'cn-north-4\n',
    ]) {
      assert.throws(
        () => consoleLink({ region, service: 'rds' }),
        (error: unknown) => error instanceof ConsoleLinkError && error.field === 'region',
        JSON.stringify(region),
      );
    }
    assert.throws(() => consoleSite(undefined as unknown as string), ConsoleLinkError);
  });
});
