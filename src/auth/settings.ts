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

  const text = (key: 'region' | 'projectId' | 'endpointTemplate', allowEmpty: boolean): string => {
    const value = raw[key];
    if (value === undefined || value === null) return DEFAULT_SETTINGS[key];
    if (typeof value !== 'string') {
      problems.push(`hwcBackups.${key} must be a string; using "${DEFAULT_SETTINGS[key]}".`);
      return DEFAULT_SETTINGS[key];
    }
    const trimmed = value.trim();
    if (!trimmed && !allowEmpty) {
      problems.push(`hwcBackups.${key} is empty; using "${DEFAULT_SETTINGS[key]}".`);
      return DEFAULT_SETTINGS[key];
    }
    return trimmed;
  };

  const number = (key: keyof typeof NUMBER_RANGES): number => {
    const [min, max] = NUMBER_RANGES[key];
    const value = raw[key];
    if (value === undefined || value === null) return DEFAULT_SETTINGS[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`hwcBackups.${key} must be a number from ${min} to ${max}; using ${DEFAULT_SETTINGS[key]}.`);
      return DEFAULT_SETTINGS[key];
    }
    const clamped = Math.min(max, Math.max(min, Math.round(value)));
    if (clamped !== value) problems.push(`hwcBackups.${key} is ${value}; using ${clamped} (allowed: ${min}–${max}).`);
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
    },
    problems,
  };
}

function readEndpoints(value: unknown, problems: string[]): CloudSettings['endpoints'] {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push('hwcBackups.endpoints must be an object like {"iam": "https://iam.example.com"}; ignoring it.');
    return {};
  }
  const endpoints: Partial<Record<EndpointService, string>> = {};
  for (const [service, url] of Object.entries(value)) {
    if (!ENDPOINT_SERVICES.includes(service as EndpointService)) {
      problems.push(`hwcBackups.endpoints has an unknown service "${service}" (known: ${ENDPOINT_SERVICES.join(', ')}); ignoring it.`);
    } else if (typeof url !== 'string' || !url.trim()) {
      problems.push(`hwcBackups.endpoints.${service} must be a URL string; ignoring it.`);
    } else {
      endpoints[service as EndpointService] = url.trim();
    }
  }
  return endpoints;
}

function readServices(value: unknown, problems: string[]): readonly ServiceId[] {
  if (value === undefined || value === null) return DEFAULT_SETTINGS.services;
  if (!Array.isArray(value)) {
    problems.push(`hwcBackups.services must be a list of ${SERVICE_IDS.join(', ')}; showing all.`);
    return DEFAULT_SETTINGS.services;
  }
  const unknown = value.filter((id) => !SERVICE_IDS.includes(id));
  if (unknown.length) problems.push(`hwcBackups.services has unknown entries (${unknown.map(String).join(', ')}); ignoring them.`);
  // Keep the tree's canonical order and drop duplicates whatever order the user wrote.
  return SERVICE_IDS.filter((id) => value.includes(id));
}
