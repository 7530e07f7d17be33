import type { Credentials } from '../cloud/signing/signer';
import type { KeyValueState } from './projectCache';

/**
 * Named connections (profiles): a name, the regions shown, and project ids per region, kept in
 * globalState (no secrets there); each connection's keys are one SecretStorage entry. The
 * "default" connection is the one that existed before connections did: its keys are the ones Set
 * Credentials stores (or Huawei's SDK environment variables), and until the user picks its regions
 * it shows hwcBackups.region, so an upgrade changes nothing for a user who never adds another.
 */

export const DEFAULT_CONNECTION_ID = 'default';
const STATE_KEY = 'hwcBackups.connections';
const SECRET_PREFIX = 'hwcBackups.connection.';

export interface ConnectionProfile {
  readonly id: string;
  readonly name: string;
  /** Regions shown; for the default connection, undefined means "hwcBackups.region". Empty hides it. */
  readonly regions?: readonly string[];
  /** Project ids the user gave (or an import brought), by region; others are resolved from IAM. */
  readonly projectIds: Readonly<Record<string, string>>;
  /** Left out of the tree and of every search (Show or Hide Connections…); its regions and keys stay. */
  readonly hidden?: boolean;
}

/** The part of SecretStorage this store uses, so it is testable without VS Code. */
export interface SecretStore {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

export function connectionSecretKey(id: string): string {
  return `${SECRET_PREFIX}${id}`;
}

export function isConnectionSecretKey(key: string): boolean {
  return key.startsWith(SECRET_PREFIX);
}

/** The regions a connection shows: the default follows hwcBackups.region until its regions are chosen. */
export function regionsOf(profile: ConnectionProfile, settingsRegion: string): readonly string[] {
  if (profile.regions) return profile.regions;
  return profile.id === DEFAULT_CONNECTION_ID ? [settingsRegion] : [];
}

export class ConnectionProfiles {
  constructor(
    private readonly state: KeyValueState,
    private readonly secrets: SecretStore,
  ) {}

  /** Every connection, the default first; a state without any (before the upgrade) is the default alone. */
  list(): ConnectionProfile[] {
    const stored = this.state.get<unknown>(STATE_KEY);
    const profiles = Array.isArray(stored) ? stored.filter(isProfile) : [];
    if (!profiles.some((profile) => profile.id === DEFAULT_CONNECTION_ID)) {
      profiles.unshift({ id: DEFAULT_CONNECTION_ID, name: 'default', projectIds: {} });
    }
    return profiles;
  }

  get(id: string): ConnectionProfile | undefined {
    return this.list().find((profile) => profile.id === id);
  }

  /** A new connection; its keys go to SecretStorage only. Returns its id. */
  async add(name: string, credentials: Credentials, regions: readonly string[], projectIds: Record<string, string> = {}): Promise<string> {
    const taken = new Set(this.list().map((profile) => profile.id));
    const base = slug(name) || 'connection';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    await this.secrets.store(connectionSecretKey(id), JSON.stringify(credentials));
    await this.save([...this.list(), { id, name, regions: [...regions], projectIds: { ...projectIds } }]);
    return id;
  }

  async update(id: string, change: Partial<Pick<ConnectionProfile, 'name' | 'regions' | 'projectIds' | 'hidden'>>): Promise<void> {
    await this.save(this.list().map((profile) => (profile.id === id ? { ...profile, ...change } : profile)));
  }

  /** Removes a connection and its keys. The default's own keys are Forget Credentials' business. */
  async remove(id: string): Promise<void> {
    if (id !== DEFAULT_CONNECTION_ID) await this.secrets.delete(connectionSecretKey(id));
    await this.save(this.list().filter((profile) => profile.id !== id));
  }

  /** A non-default connection's keys; undefined when missing or unreadable. */
  async credentials(id: string): Promise<Credentials | undefined> {
    const text = await this.secrets.get(connectionSecretKey(id));
    if (!text) return undefined;
    try {
      const value = JSON.parse(text) as Partial<Credentials>;
      if (typeof value.accessKey !== 'string' || typeof value.secretKey !== 'string') return undefined;
      return {
        accessKey: value.accessKey,
        secretKey: value.secretKey,
        ...(typeof value.securityToken === 'string' && value.securityToken ? { securityToken: value.securityToken } : {}),
      };
    } catch {
      return undefined;
    }
  }

  private async save(profiles: readonly ConnectionProfile[]): Promise<void> {
    await this.state.update(STATE_KEY, profiles);
  }
}

function isProfile(value: unknown): value is ConnectionProfile {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, regions, projectIds, hidden } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    typeof name === 'string' &&
    (hidden === undefined || typeof hidden === 'boolean') &&
    (regions === undefined || (Array.isArray(regions) && regions.every((region) => typeof region === 'string'))) &&
    typeof projectIds === 'object' &&
    projectIds !== null
  );
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
