import * as l10n from '@vscode/l10n';
import type { EndpointService, ServiceId } from '../cloud/model';
import { SERVICE_IDS, SUPPORTING_ENDPOINTS } from '../cloud/services/registry';
import { DEFAULT_SETTINGS, type CloudSettings } from '../cloud/settings';

/**
 * Turns the raw `hwcBackups.*` configuration into CloudSettings. Pure: the caller passes what
 * `workspace.getConfiguration('hwcBackups').get(key)` returned. Bad values fall back to the
 * default (or are clamped) and are reported, so a typo in settings.json never breaks the tree.
 */

export type RawSettings = Partial<Record<keyof CloudSettings, unknown>>;

export interface SettingsReading {
  readonly settings: CloudSettings;
  /** One human sentence per setting that was corrected, naming the setting. */
  readonly problems: readonly string[];
}

const ENDPOINT_SERVICES: readonly EndpointService[] = [...SERVICE_IDS, ...SUPPORTING_ENDPOINTS];

const NUMBER_RANGES = {
  pageSize: [1, 100],
  requestTimeoutSeconds: [1, 600],
  maxRetries: [0, 10],
} as const;

export function readCloudSettings(raw: RawSettings): SettingsReading {
  const problems: string[] = [];

  const text = (key: 'region' | 'projectId' | 'endpointTemplate' | 'consoleHost', allowEmpty: boolean): string => {
    const value = raw[key];
    if (value === undefined || value === null) return DEFAULT_SETTINGS[key];
    if (typeof value !== 'string') {
      problems.push(l10n.t('hwcBackups.{0} must be a string; using "{1}".', key, DEFAULT_SETTINGS[key]));
      return DEFAULT_SETTINGS[key];
    }
    const trimmed = value.trim();
    if (!trimmed && !allowEmpty) {
      problems.push(l10n.t('hwcBackups.{0} is empty; using "{1}".', key, DEFAULT_SETTINGS[key]));
      return DEFAULT_SETTINGS[key];
    }
    return trimmed;
  };

  const number = (key: keyof typeof NUMBER_RANGES): number => {
    const [min, max] = NUMBER_RANGES[key];
    const value = raw[key];
    if (value === undefined || value === null) return DEFAULT_SETTINGS[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(l10n.t('hwcBackups.{0} must be a number from {1} to {2}; using {3}.', key, min, max, DEFAULT_SETTINGS[key]));
      return DEFAULT_SETTINGS[key];
    }
    const clamped = Math.min(max, Math.max(min, Math.round(value)));
    if (clamped !== value) problems.push(l10n.t('hwcBackups.{0} is {1}; using {2} (allowed: {3}–{4}).', key, value, clamped, min, max));
    return clamped;
  };

  return {
    settings: {
      region: text('region', false),
      projectId: text('projectId', true),
      endpointTemplate: text('endpointTemplate', false),
      endpoints: readEndpoints(raw.endpoints, problems),
      services: readServices(raw.services, problems),
      pageSize: number('pageSize'),
      requestTimeoutSeconds: number('requestTimeoutSeconds'),
      maxRetries: number('maxRetries'),
      consoleHost: text('consoleHost', true),
    },
    problems,
  };
}

function readEndpoints(value: unknown, problems: string[]): CloudSettings['endpoints'] {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(l10n.t('hwcBackups.endpoints must be an object like {0}; ignoring it.', '{"iam": "https://iam.example.com"}'));
    return {};
  }
  const endpoints: Partial<Record<EndpointService, string>> = {};
  for (const [service, url] of Object.entries(value)) {
    if (!ENDPOINT_SERVICES.includes(service as EndpointService)) {
      problems.push(
        l10n.t('hwcBackups.endpoints has an unknown service "{0}" (known: {1}); ignoring it.', service, ENDPOINT_SERVICES.join(', ')),
      );
    } else if (typeof url !== 'string' || !url.trim()) {
      problems.push(l10n.t('hwcBackups.endpoints.{0} must be a URL string; ignoring it.', service));
    } else {
      endpoints[service as EndpointService] = url.trim();
    }
  }
  return endpoints;
}

function readServices(value: unknown, problems: string[]): readonly ServiceId[] {
  if (value === undefined || value === null) return DEFAULT_SETTINGS.services;
  if (!Array.isArray(value)) {
    problems.push(l10n.t('hwcBackups.services must be a list of {0}; showing all.', SERVICE_IDS.join(', ')));
    return DEFAULT_SETTINGS.services;
  }
  const unknown = value.filter((id) => !SERVICE_IDS.includes(id));
  if (unknown.length)
    problems.push(l10n.t('hwcBackups.services has unknown entries ({0}); ignoring them.', unknown.map(String).join(', ')));
  // Keep the tree's canonical order and drop duplicates whatever order the user wrote.
  return SERVICE_IDS.filter((id) => value.includes(id));
}

/** The `hwcBackups.health.*` settings (docs/SPEC.md §2): read by the UI, not by the cloud layer. */
export interface HealthSettings {
  /** 0: stale after 1.5 × the instance's usual interval; otherwise after this many hours. */
  readonly maxBackupAgeHours: number;
  /** Badges on stale and failed instances in the tree (and the probes that fill them). */
  readonly decorateTree: boolean;
}

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = { maxBackupAgeHours: 0, decorateTree: true };

/** A year: more than that is a typo, not a schedule. */
const MAX_BACKUP_AGE_HOURS = 8760;

export interface RawHealthSettings {
  readonly maxBackupAgeHours?: unknown;
  readonly decorateTree?: unknown;
}

/** Like readCloudSettings, for `hwcBackups.health.*`: bad values fall back to the default and are reported. */
export function readHealthSettings(raw: RawHealthSettings): { settings: HealthSettings; problems: string[] } {
  const problems: string[] = [];
  let maxBackupAgeHours = DEFAULT_HEALTH_SETTINGS.maxBackupAgeHours;
  const hours = raw.maxBackupAgeHours;
  if (hours !== undefined && hours !== null) {
    if (typeof hours !== 'number' || !Number.isFinite(hours)) {
      problems.push(
        l10n.t('hwcBackups.{0} must be a number from {1} to {2}; using {3}.', 'health.maxBackupAgeHours', 0, MAX_BACKUP_AGE_HOURS, 0),
      );
    } else {
      maxBackupAgeHours = Math.min(MAX_BACKUP_AGE_HOURS, Math.max(0, hours));
      if (maxBackupAgeHours !== hours)
        problems.push(
          l10n.t(
            'hwcBackups.{0} is {1}; using {2} (allowed: {3}–{4}).',
            'health.maxBackupAgeHours',
            hours,
            maxBackupAgeHours,
            0,
            MAX_BACKUP_AGE_HOURS,
          ),
        );
    }
  }
  let decorateTree = DEFAULT_HEALTH_SETTINGS.decorateTree;
  if (raw.decorateTree !== undefined && raw.decorateTree !== null) {
    if (typeof raw.decorateTree === 'boolean') decorateTree = raw.decorateTree;
    else problems.push(l10n.t('hwcBackups.health.decorateTree must be true or false; using true.'));
  }
  return { settings: { maxBackupAgeHours, decorateTree }, problems };
}
