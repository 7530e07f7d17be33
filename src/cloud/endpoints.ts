import * as l10n from '@vscode/l10n';
import { CloudError } from './http/errors';
import type { EndpointService } from './model';
import type { CloudSettings } from './settings';

const TEMPLATE_SETTING = 'hwcBackups.endpointTemplate';
const REGION_SETTING = 'hwcBackups.region';
const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN_PLACEHOLDERS = new Set(['service', 'region']);
/** Region ids are lower-case words joined by dashes (`cn-north-4`, `ap-southeast-1`, `la-south-2`). */
const REGION_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Base URL of a service (docs/SPEC.md §2, §6), without a trailing slash: `hwcBackups.endpoints.<service>`
 * when set, else `hwcBackups.endpointTemplate` with `{service}` and `{region}` filled in.
 * Throws CloudError code 'CONFIG' naming the setting at fault.
 */
export function baseUrl(settings: Pick<CloudSettings, 'region' | 'endpointTemplate' | 'endpoints'>, service: EndpointService): string {
  const override = settings.endpoints[service]?.trim();
  if (override) return resolve(override, `hwcBackups.endpoints.${service}`, settings.region, service, false);
  return resolve(settings.endpointTemplate.trim(), TEMPLATE_SETTING, settings.region, service, true);
}

/** True for hosts that never leave the machine: 127.0.0.0/8, `localhost` and `::1`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  // The WHATWG URL parser has already normalised IPv4 forms such as `127.1` to dotted quads.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function resolve(template: string, setting: string, region: string, service: EndpointService, requireService: boolean): string {
  const configError = (message: string) => new CloudError(message, { service, code: 'CONFIG' });

  if (!template)
    throw configError(l10n.t('{0} is empty; set it to a base URL such as https://{service}.{region}.myhuaweicloud.com.', setting));
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!KNOWN_PLACEHOLDERS.has(name)) {
      throw configError(l10n.t('{0} has an unknown placeholder {1}; only {service} and {region} exist.', setting, `{${name}}`));
    }
  }
  if (requireService && !template.includes('{service}')) {
    throw configError(l10n.t('{0} must contain {service}, otherwise every service would be called at the same address.', setting));
  }
  if (template.includes('{region}') && !REGION_ID.test(region)) {
    throw new CloudError(l10n.t('{0} "{1}" is not a region id such as cn-north-4.', REGION_SETTING, region), { service, code: 'CONFIG' });
  }

  const filled = template.replace(/\{service\}/g, service).replace(/\{region\}/g, region);
  let url: URL;
  try {
    url = new URL(filled);
  } catch {
    throw configError(l10n.t('{0} is not a valid URL: "{1}".', setting, filled));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw configError(l10n.t('{0} must be an https:// URL, not {1}//.', setting, url.protocol));
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw configError(
      l10n.t(
        '{0} uses plain http:// for {1}; only loopback hosts (127.0.0.1, localhost, ::1) may use http://, anything else must be https://.',
        setting,
        url.hostname,
      ),
    );
  }
  if (url.username || url.password) throw configError(l10n.t('{0} must not contain a user name or password.', setting));
  if (url.search || url.hash || filled.includes('?') || filled.includes('#')) {
    throw configError(l10n.t('{0} must not contain a query (?…) or fragment (#…); request paths are appended to it.', setting));
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
