// The jobs split out of the connection and the explorer: the project-id cache, the credential
// failure policy and the service counts, each without VS Code.
import * as assert from 'assert';
import { credentialFailure } from '../../src/auth/failures';
import { ProjectCache, type KeyValueState } from '../../src/auth/projectCache';
import { CloudError } from '../../src/cloud/http/errors';
import type { BackupFilter } from '../../src/cloud/model';
import type { AdapterContext, ServiceAdapter } from '../../src/cloud/services/adapter';
import { DEFAULT_SETTINGS } from '../../src/cloud/settings';
import { countServiceBackups } from '../../src/explorer/serviceCounts';

function memoryState(): KeyValueState & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return { values, get: <T>(key: string) => values.get(key) as T | undefined, update: async (key, value) => void values.set(key, value) };
}

describe('project cache', () => {
  const keys = { accessKey: 'AK-ONE-0123456789', secretKey: 'SK-secret-value-1' };
  const other = { accessKey: 'AK-TWO-0123456789', secretKey: 'SK-secret-value-2' };

  it('remembers an id per region, IAM endpoint and account, and never stores the keys', async () => {
    const state = memoryState();
    const cache = new ProjectCache(state);
    const key = cache.keyFor(DEFAULT_SETTINGS, keys);
    await cache.remember(key, 'p-1');
    assert.strictEqual(new ProjectCache(state).get(key), 'p-1');
    assert.strictEqual(cache.get(cache.keyFor({ ...DEFAULT_SETTINGS, region: 'ap-southeast-1' }, keys)), undefined);
    assert.strictEqual(cache.get(cache.keyFor(DEFAULT_SETTINGS, other)), undefined);
    const stored = JSON.stringify([...state.values]);
    assert.ok(!stored.includes(keys.accessKey) && !stored.includes(keys.secretKey), stored);
  });

  it("forgets one account's ids and keeps the others", async () => {
    const cache = new ProjectCache(memoryState());
    await cache.remember(cache.keyFor(DEFAULT_SETTINGS, keys), 'p-1');
    await cache.remember(cache.keyFor(DEFAULT_SETTINGS, other), 'p-2');
    await cache.forgetAccount(keys);
    assert.strictEqual(cache.get(cache.keyFor(DEFAULT_SETTINGS, keys)), undefined);
    assert.strictEqual(cache.get(cache.keyFor(DEFAULT_SETTINGS, other)), 'p-2');
  });
});

describe('credential failures', () => {
  it('tells rejected keys from missing ones from any other failure', () => {
    assert.strictEqual(credentialFailure(new CloudError('no', { service: 'rds', status: 401, code: 'APIGW.0301' })), 'rejected');
    assert.strictEqual(credentialFailure(new CloudError('none', { service: 'iam', code: 'NO_CREDENTIALS' })), 'missing');
    assert.strictEqual(credentialFailure(new CloudError('busy', { service: 'rds', status: 503 })), undefined);
    assert.strictEqual(credentialFailure(new Error('plain')), undefined);
  });
});

describe('service counts', () => {
  const context = { projectId: 'p' } as AdapterContext;
  const counting = (asked: (BackupFilter | undefined)[]): ServiceAdapter =>
    ({
      countUnfiltered: ['types'],
      async countBackups(_ctx: AdapterContext, filter: BackupFilter | undefined) {
        asked.push(filter);
        return filter?.statuses?.includes('failed') ? 2 : 10;
      },
    }) as unknown as ServiceAdapter;

  it('counts all and failed backups, and says when the types could not be sent', async () => {
    const asked: (BackupFilter | undefined)[] = [];
    const counts = await countServiceBackups(counting(asked), context, { types: ['manual'] }, new AbortController().signal);
    assert.deepStrictEqual(counts, { total: 10, failed: 2, anyType: true });
    assert.deepStrictEqual(asked, [{ types: ['manual'] }, { types: ['manual'], statuses: ['failed'] }]);
  });

  it('skips the failed count when the filter excludes failures, and is undefined without a count API', async () => {
    const asked: (BackupFilter | undefined)[] = [];
    const counts = await countServiceBackups(counting(asked), context, { statuses: ['succeeded'] }, new AbortController().signal);
    assert.deepStrictEqual(counts, { total: 10, failed: undefined, anyType: false });
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(await countServiceBackups({} as ServiceAdapter, context, undefined, new AbortController().signal), undefined);
  });
});
