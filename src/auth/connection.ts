import { createHash } from 'crypto';
import * as vscode from 'vscode';
import { CloudError } from '../cloud/http/errors';
import type { AdapterContext } from '../cloud/services/adapter';
import {
  createCloudSession,
  credentialsFromEnvironment,
  type CloudSession,
  type CloudSessionOptions,
  type ResolvedProject,
} from '../cloud/session';
import type { CloudSettings } from '../cloud/settings';
import type { Credentials } from '../cloud/signing/signer';
import { scopeKey, type Scope } from '../domain/scope';
import { ConnectionProfiles, DEFAULT_CONNECTION_ID, isConnectionSecretKey, regionsOf, type ConnectionProfile } from './connectionProfiles';
import { deleteStoredCredentials, isSecretKey, readStoredCredentials, storeCredentials } from './credentialStore';
import { ProjectCache } from './projectCache';
import { logRequest } from './requestLog';
import { SettingsReader } from './settingsReader';
import type { HealthSettings } from './settings';

export type CredentialSource = 'secretStorage' | 'environment';

interface ActiveCredentials {
  readonly credentials: Credentials;
  readonly source: CredentialSource;
  /** HUAWEICLOUD_SDK_PROJECT_ID, only with environment credentials. */
  readonly projectId?: string;
}

const HAS_CREDENTIALS_CONTEXT = 'hwcBackups.hasCredentials';
/** A burst of changes (several settings written at once) collapses into one onDidChange. */
const CHANGE_COALESCE_MS = 50;

/**
 * The one place the VS Code side gets a cloud session from: the settings (SettingsReader), the
 * credentials (SecretStorage first, then Huawei's SDK environment variables) and the remembered
 * project ids (ProjectCache) make a session whose requests are logged (requestLog.ts); any change
 * of those rebuilds it and is announced once.
 */
export class CloudConnection implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange: vscode.Event<void> = this.changeEmitter.event;

  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private cachedSession?: Promise<CloudSession | undefined>;
  private changeTimer?: ReturnType<typeof setTimeout>;
  private readonly settingsReader: SettingsReader;
  private readonly projects: ProjectCache;
  readonly profiles: ConnectionProfiles;
  /** Scopes built since the last change, by key, so their sessions (and resolved projects) are reused. */
  private readonly scopeCache = new Map<string, Scope>();
  /** One bound per service endpoint across every connection and region (HttpClientOptions.endpointLimits). */
  private readonly endpointLimits: NonNullable<CloudSessionOptions['endpointLimits']> = new Map();
  /** Writes of ours to SecretStorage still running; their per-key events are not announced. */
  private ownWrites = 0;
  /** Hash of the stored credentials last announced, so late echoes of one change fire nothing. */
  private announcedCredentials?: Promise<string>;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.settingsReader = new SettingsReader(log);
    this.projects = new ProjectCache(context.globalState);
    this.profiles = new ConnectionProfiles(context.globalState, context.secrets);
    this.disposables.push(
      context.secrets.onDidChange((event) => {
        // Our own writes announce themselves once they are complete (see writeSecrets).
        if (isSecretKey(event.key) && this.ownWrites === 0) void this.storedCredentialsChanged();
        else if (isConnectionSecretKey(event.key) && this.ownWrites === 0) this.changed();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('hwcBackups')) this.changed();
      }),
    );
    this.announcedCredentials = this.storedCredentialsHash();
    void this.updateContextKey();
  }

  settings(): CloudSettings {
    return this.settingsReader.read();
  }

  healthSettings(): HealthSettings {
    return this.settingsReader.readHealth();
  }

  async credentialSource(): Promise<CredentialSource | undefined> {
    return (await this.activeCredentials())?.source;
  }

  session(): Promise<CloudSession | undefined> {
    this.cachedSession ??= this.createSession().catch((error: unknown) => {
      this.cachedSession = undefined;
      throw error;
    });
    return this.cachedSession;
  }

  async adapterContext(signal?: AbortSignal): Promise<AdapterContext> {
    const session = await this.session();
    if (!session) throw this.noCredentials();
    return session.context(signal);
  }

  /**
   * Every connection shown in every region it shows, the default connection first. The default
   * shows only when it has keys (stored or from the environment); its region of hwcBackups.region
   * is the very session the single-scope tree has always used.
   */
  async scopes(): Promise<Scope[]> {
    const settings = this.settings();
    const hasDefaultKeys = (await this.activeCredentials()) !== undefined;
    const result: Scope[] = [];
    for (const profile of this.profiles.list()) {
      if (profile.hidden || (profile.id === DEFAULT_CONNECTION_ID && !hasDefaultKeys)) continue;
      for (const region of regionsOf(profile, settings.region)) result.push(this.scopeFor(profile, region, settings));
    }
    return result;
  }

  /**
   * The scope a key names; without a key, the default connection in hwcBackups.region, else the
   * first scope shown (as the tree reads "no key"). Undefined when it is not shown.
   */
  async scopeOf(scopeKey: string | undefined): Promise<Scope | undefined> {
    const scopes = await this.scopes();
    if (scopeKey !== undefined) return scopes.find((candidate) => candidate.key === scopeKey);
    const region = this.settings().region;
    return scopes.find((scope) => scope.connectionId === DEFAULT_CONNECTION_ID && scope.region === region) ?? scopes[0];
  }

  /** Requests against one scope (scopeOf); a scope no longer shown is an error, never another account. */
  async contextFor(scopeKey: string | undefined, signal?: AbortSignal): Promise<AdapterContext> {
    const scope = await this.scopeOf(scopeKey);
    if (scope) return scope.adapterContext(signal);
    // Nothing shown at all: no keys anywhere (the usual case), or every connection hidden.
    if (scopeKey === undefined && !(await this.activeCredentials())) throw this.noCredentials();
    throw new CloudError(
      vscode.l10n.t(
        'The connection or region {0} is not shown (Show or Hide Connections…, Show or Hide Regions…).',
        scopeKey ?? vscode.l10n.t('default'),
      ),
      { service: 'iam', code: 'NO_SCOPE' },
    );
  }

  /** The region of a scope key (`connection/region`), or hwcBackups.region for the default scope. */
  regionOf(scopeKey: string | undefined): string {
    return scopeKey ? scopeKey.slice(scopeKey.indexOf('/') + 1) : this.settings().region;
  }

  /** Changes to connections (add, remove, regions) rebuild the scopes and the tree. */
  async updateConnections(change: (profiles: ConnectionProfiles) => Promise<unknown>): Promise<void> {
    await this.writeSecrets(async () => {
      await change(this.profiles);
    });
  }

  private scopeFor(profile: ConnectionProfile, region: string, settings: CloudSettings): Scope {
    const key = scopeKey(profile.id, region);
    const cached = this.scopeCache.get(key);
    if (cached) return cached;
    const base = { key, connectionId: profile.id, connectionName: profile.name, region };
    const isDefaultScope = profile.id === DEFAULT_CONNECTION_ID && region === settings.region && !profile.projectIds[region];
    let scope: Scope;
    if (isDefaultScope) {
      scope = {
        ...base,
        adapterContext: (signal) => this.adapterContext(signal),
        project: async (signal) => {
          const session = await this.session();
          if (!session) throw this.noCredentials();
          return session.project(signal);
        },
      };
    } else {
      let session: Promise<CloudSession> | undefined;
      const open = () =>
        (session ??= this.scopeCredentials(profile).then((credentials) => {
          if (!credentials) throw this.noCredentials();
          return createCloudSession(this.sessionOptions({ ...settings, region, projectId: profile.projectIds[region] ?? '' }, credentials));
        })).catch((error: unknown) => {
          session = undefined;
          throw error;
        });
      scope = {
        ...base,
        adapterContext: async (signal) => (await open()).context(signal),
        project: async (signal) => (await open()).project(signal),
      };
    }
    this.scopeCache.set(key, scope);
    return scope;
  }

  private async scopeCredentials(profile: ConnectionProfile): Promise<Credentials | undefined> {
    if (profile.id === DEFAULT_CONNECTION_ID) return (await this.activeCredentials())?.credentials;
    return this.profiles.credentials(profile.id);
  }

  private noCredentials(): CloudError {
    return new CloudError(
      vscode.l10n.t('No Huawei Cloud credentials are set. Run "Set Credentials…" or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK.'),
      { service: 'iam', code: 'NO_CREDENTIALS' },
    );
  }

  /**
   * Saves credentials in SecretStorage (only there) and rebuilds the session. Setting keys again
   * is also how a user gets a stale cached project id looked up afresh, so that cache is dropped.
   */
  async storeCredentials(credentials: Credentials): Promise<void> {
    await this.projects.forgetAccount(credentials);
    await this.writeSecrets(() => storeCredentials(this.context.secrets, credentials));
  }

  async clearCredentials(): Promise<void> {
    await this.writeSecrets(() => deleteStoredCredentials(this.context.secrets));
  }

  /**
   * A session for credentials that are not stored (yet): Set Credentials verifies the keys the
   * user typed before deciding whether to keep them. Uses the current settings, logs like any
   * other session, and ignores hwcBackups.projectId and the id caches so the check really reaches IAM.
   */
  probeSession(credentials: Credentials, region: string = this.settings().region): CloudSession {
    return createCloudSession(this.sessionOptions({ ...this.settings(), region, projectId: '' }, credentials));
  }

  /** Every session logs its requests, and shares the per-endpoint limits with all the others. */
  private sessionOptions(settings: CloudSettings, credentials: Credentials): CloudSessionOptions {
    return { settings, credentials, onRequest: (entry) => logRequest(this.log, entry, credentials), endpointLimits: this.endpointLimits };
  }

  /** Show Log: the channel every request is logged to. */
  showLog(): void {
    this.log.show(true);
  }

  dispose(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /**
   * Storing or deleting credentials is several SecretStorage writes, whose events can arrive
   * spread out and mid-write under load. Announce the change once, when the write is complete.
   */
  private async writeSecrets(write: () => Promise<void>): Promise<void> {
    this.ownWrites++;
    try {
      await write();
    } finally {
      this.ownWrites--;
    }
    this.announcedCredentials = this.storedCredentialsHash();
    await this.announcedCredentials;
    this.changed();
  }

  /** A change made elsewhere (another window): announced only if the stored credentials differ. */
  private async storedCredentialsChanged(): Promise<void> {
    const [previous, current] = await Promise.all([this.announcedCredentials, this.storedCredentialsHash()]);
    if (previous === current) return;
    this.announcedCredentials = Promise.resolve(current);
    this.changed();
  }

  private async storedCredentialsHash(): Promise<string> {
    const stored = await readStoredCredentials(this.context.secrets);
    return createHash('sha256')
      .update(JSON.stringify(stored ?? null))
      .digest('hex');
  }

  private changed(): void {
    this.cachedSession = undefined;
    this.scopeCache.clear();
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      void this.updateContextKey();
      this.changeEmitter.fire();
    }, CHANGE_COALESCE_MS);
  }

  private async updateContextKey(): Promise<void> {
    const active = await this.activeCredentials();
    await vscode.commands.executeCommand('setContext', HAS_CREDENTIALS_CONTEXT, active !== undefined);
  }

  private async activeCredentials(): Promise<ActiveCredentials | undefined> {
    const stored = await readStoredCredentials(this.context.secrets);
    if (stored) return { credentials: stored, source: 'secretStorage' };
    const fromEnvironment = credentialsFromEnvironment(process.env);
    return fromEnvironment && { ...fromEnvironment, source: 'environment' };
  }

  private async createSession(): Promise<CloudSession | undefined> {
    const active = await this.activeCredentials();
    if (!active) return undefined;
    const settings = this.settings();
    const cacheKey = this.projects.keyFor(settings, active.credentials);
    const cachedProjectId = settings.projectId ? undefined : (active.projectId ?? this.projects.get(cacheKey));
    const projectSource: ResolvedProject['source'] | undefined = settings.projectId
      ? undefined
      : active.projectId
        ? 'environment'
        : cachedProjectId
          ? 'iam'
          : undefined;

    const inner = createCloudSession(
      this.sessionOptions(cachedProjectId ? { ...settings, projectId: cachedProjectId } : settings, active.credentials),
    );

    const project = async (signal?: AbortSignal): Promise<ResolvedProject> => {
      const resolved = await inner.project(signal);
      if (resolved.source === 'iam') await this.projects.remember(cacheKey, resolved.id);
      // An id we supplied from the environment or the IAM cache reports where it really came from.
      return projectSource ? { ...resolved, source: projectSource } : resolved;
    };
    return {
      settings,
      project,
      context: async (signal?: AbortSignal) => {
        await project(signal);
        return inner.context(signal);
      },
    };
  }
}
