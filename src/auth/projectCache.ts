import { createHash } from 'crypto';
import type { CloudSettings } from '../cloud/settings';
import type { Credentials } from '../cloud/signing/signer';

/** The part of VS Code's globalState the cache uses (a Memento), so the cache is testable without it. */
export interface KeyValueState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** globalState key of the IAM-resolved project ids (not secrets), keyed by `keyFor`. */
const STATE_KEY = 'hwcBackups.resolvedProjects';

/**
 * Project ids resolved from IAM, remembered across sessions so that opening the view does not
 * ask IAM every time. Ids differ per account, region and IAM endpoint; the account is a short
 * hash of the access key, so the state never holds any part of the credentials themselves.
 */
export class ProjectCache {
  constructor(private readonly state: KeyValueState) {}

  keyFor(settings: CloudSettings, credentials: Credentials): string {
    const iam = settings.endpoints.iam ?? settings.endpointTemplate;
    return `${settings.region}|${iam}|${accountOf(credentials)}`;
  }

  get(key: string): string | undefined {
    return this.all()[key];
  }

  async remember(key: string, projectId: string): Promise<void> {
    const cache = this.all();
    if (cache[key] !== projectId) await this.state.update(STATE_KEY, { ...cache, [key]: projectId });
  }

  /** Setting keys again is how a user gets a stale id looked up afresh: drop the account's ids. */
  async forgetAccount(credentials: Credentials): Promise<void> {
    const account = accountOf(credentials);
    const cache = this.all();
    const kept = Object.fromEntries(Object.entries(cache).filter(([key]) => !key.endsWith(`|${account}`)));
    if (Object.keys(kept).length !== Object.keys(cache).length) await this.state.update(STATE_KEY, kept);
  }

  private all(): Record<string, string> {
    return this.state.get<Record<string, string>>(STATE_KEY) ?? {};
  }
}

function accountOf(credentials: Credentials): string {
  return createHash('sha256').update(credentials.accessKey).digest('hex').slice(0, 16);
}
