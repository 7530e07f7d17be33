// Named connections: the upgrade leaves a lone "default" connection that follows hwcBackups.region;
// added connections keep names, regions and project ids in globalState and their keys in one
// SecretStorage entry each; hostile or stale state never breaks the list.
import * as assert from 'assert';
import { ConnectionProfiles, connectionSecretKey, DEFAULT_CONNECTION_ID, regionsOf } from '../../src/auth/connectionProfiles';

function fakeStores(initialState: Record<string, unknown> = {}) {
  const state = new Map<string, unknown>(Object.entries(initialState));
  const secrets = new Map<string, string>();
  const profiles = new ConnectionProfiles(
    { get: <T>(key: string) => state.get(key) as T | undefined, update: async (key, value) => void state.set(key, value) },
    {
      get: async (key) => secrets.get(key),
      store: async (key, value) => void secrets.set(key, value),
      delete: async (key) => void secrets.delete(key),
    },
  );
  return { state, secrets, profiles };
}

const KEYS = { accessKey: 'AKEXAMPLE0000000001', secretKey: 'secret-key-that-stays-in-secret-storage' };

describe('connection profiles', () => {
  it('migrates a user without connections to the default one, which shows hwcBackups.region', () => {
    const { profiles } = fakeStores();
    const list = profiles.list();
    assert.deepStrictEqual(list, [{ id: DEFAULT_CONNECTION_ID, name: 'default', projectIds: {} }]);
    assert.deepStrictEqual(regionsOf(list[0], 'ap-southeast-1'), ['ap-southeast-1']);
  });

  it('adds a connection with its keys in SecretStorage only and unique ids from the names', async () => {
    const { state, secrets, profiles } = fakeStores();
    const first = await profiles.add('Production CN', KEYS, ['cn-north-4', 'cn-east-3'], { 'cn-east-3': 'p1' });
    const second = await profiles.add('production cn', KEYS, ['cn-north-4']);
    const chinese = await profiles.add('生产', KEYS, ['cn-north-4']);
    assert.deepStrictEqual([first, second, chinese], ['production-cn', 'production-cn-2', 'connection']);
    assert.ok(!JSON.stringify([...state.values()]).includes(KEYS.secretKey), 'a key reached globalState');
    assert.deepStrictEqual(JSON.parse(secrets.get(connectionSecretKey(first))!), KEYS);
    assert.deepStrictEqual(await profiles.credentials(first), KEYS);
    const stored = profiles.get(first)!;
    assert.deepStrictEqual(
      [stored.name, stored.regions, stored.projectIds],
      ['Production CN', ['cn-north-4', 'cn-east-3'], { 'cn-east-3': 'p1' }],
    );
  });

  it('updates regions (empty hides a connection), hides and shows a connection, and removes a connection with its keys', async () => {
    const { secrets, profiles } = fakeStores();
    const id = await profiles.add('staging', KEYS, ['cn-north-4']);
    await profiles.update(id, { regions: [] });
    assert.deepStrictEqual(regionsOf(profiles.get(id)!, 'cn-north-4'), []);
    await profiles.update(DEFAULT_CONNECTION_ID, { regions: ['cn-north-4', 'ap-southeast-1'] });
    assert.deepStrictEqual(profiles.get(DEFAULT_CONNECTION_ID)!.regions, ['cn-north-4', 'ap-southeast-1']);
    // Hiding (Show or Hide Connections…) keeps regions and keys; showing again restores both.
    await profiles.update(DEFAULT_CONNECTION_ID, { hidden: true });
    assert.strictEqual(profiles.get(DEFAULT_CONNECTION_ID)!.hidden, true);
    assert.deepStrictEqual(profiles.get(DEFAULT_CONNECTION_ID)!.regions, ['cn-north-4', 'ap-southeast-1']);
    await profiles.update(DEFAULT_CONNECTION_ID, { hidden: undefined });
    assert.ok(!profiles.get(DEFAULT_CONNECTION_ID)!.hidden);
    await profiles.remove(id);
    assert.strictEqual(profiles.get(id), undefined);
    assert.strictEqual(secrets.has(connectionSecretKey(id)), false);
  });

  it('survives hostile state: wrong types and broken entries are dropped, the default always exists', async () => {
    const { profiles, secrets } = fakeStores({
      'hwcBackups.connections': [
        null,
        42,
        { id: 'x' },
        { id: 'ok', name: 'ok', regions: ['cn-north-4'], projectIds: {} },
        { id: 'bad', name: 'bad', regions: [1], projectIds: {} },
        { id: 'odd', name: 'odd', regions: [], projectIds: {}, hidden: 'yes' },
      ],
    });
    assert.deepStrictEqual(
      profiles.list().map((profile) => profile.id),
      [DEFAULT_CONNECTION_ID, 'ok'],
    );
    assert.deepStrictEqual(
      fakeStores({ 'hwcBackups.connections': 'not a list' })
        .profiles.list()
        .map((p) => p.id),
      [DEFAULT_CONNECTION_ID],
    );
    secrets.set(connectionSecretKey('ok'), '{not json');
    assert.strictEqual(await profiles.credentials('ok'), undefined);
    secrets.set(connectionSecretKey('ok'), JSON.stringify({ accessKey: 1, secretKey: 'x' }));
    assert.strictEqual(await profiles.credentials('ok'), undefined);
  });
});
