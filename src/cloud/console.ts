/**
 * Links into the Huawei Cloud management console (Open in Console, Copy Console Link).
 *
 * The console is one web application per site, with each service under its own path and the region
 * in the query: `https://console.huaweicloud.com/rds/?region=cn-north-4#/rds/management/list`.
 * The site depends on the region (siteOf in regions.ts); `hwcBackups.consoleHost` replaces it for
 * private clouds. Pages used, and where they were seen (Huawei's own documentation links and public
 * scripts; the console has no published URL contract):
 * - RDS instance list `/rds/?region=R#/rds/management/list` (RDS user guide links).
 * - DCS instance list `/dcs/?region=R#/dcs/manager/cacheList` (DCS and FunctionGraph guides).
 * - CBR vaults `/console/?region=R#/cbr/manager/csbs/vaultList` (CBR user guide, both sites).
 * - GES `/ges/?region=R#/management/dashboard` (the GES console's landing page).
 * - DDS and CSBS: the service's root `/dds/?region=R`, `/csbs/?region=R`, which the console sends on
 *   to the service's default page (no verified fragment for their lists).
 * The page of one instance or backup needs ids the console keeps in fragments that differ by engine
 * and resource type (e.g. RDS `…/list/pg/{id}/summary` for PostgreSQL only), so no link is deep yet:
 * every link is the service's page in the right region, `deep: false`, and the caller says so.
 */
import * as l10n from '@vscode/l10n';
import type { ServiceId } from './model';
import { REGION_ID_PATTERN, siteOf, type ConsoleSiteId } from './regions';

export const CONSOLE_SITES: Readonly<Record<ConsoleSiteId, string>> = {
  cn: 'https://console.huaweicloud.com',
  intl: 'https://console-intl.huaweicloud.com',
  eu: 'https://console.eu.huaweicloud.com',
};

export interface ConsoleTarget {
  readonly region: string;
  readonly service: ServiceId;
  readonly instanceId?: string;
  readonly backupId?: string;
  readonly projectId?: string;
}

export interface ConsoleLink {
  readonly url: string;
  /** True when the URL opens the resource itself; false when it opens the service's page in the region. */
  readonly deep: boolean;
}

/** Why no link can be made: a region id or a `hwcBackups.consoleHost` that is not acceptable. */
export class ConsoleLinkError extends Error {
  constructor(
    readonly field: 'region' | 'consoleHost',
    message: string,
  ) {
    super(message);
    this.name = 'ConsoleLinkError';
  }
}

interface ServicePage {
  /** First path segment of the service in the console. */
  readonly path: string;
  /** The fragment of its list page, when known. */
  readonly fragment?: string;
}

const SERVICE_PAGES: Readonly<Record<string, ServicePage>> = {
  rds: { path: 'rds', fragment: '/rds/management/list' },
  dds: { path: 'dds' },
  dcs: { path: 'dcs', fragment: '/dcs/manager/cacheList' },
  ges: { path: 'ges', fragment: '/management/dashboard' },
  csbs: { path: 'csbs' },
  cbr: { path: 'console', fragment: '/cbr/manager/csbs/vaultList' },
};

/** The console's home in the region, for a service this table does not know. */
const CONSOLE_HOME: ServicePage = { path: 'console' };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * The origin a `hwcBackups.consoleHost` value names, or an error message naming the setting.
 * Accepts `console.example.com`, `https://console.example.com` and a trailing `/`, with a port;
 * `http://` only for loopback hosts; no path, query, fragment or user name.
 */
export function parseConsoleHost(value: string): { origin: string } | { error: string } {
  const text = value.trim();
  const invalid = () => ({
    error: l10n.t(
      '`hwcBackups.consoleHost` must be a host name such as console.example.com or an https:// origin, not "{0}".',
      text.slice(0, 200),
    ),
  });
  if (!text || /\s/.test(text) || !/^[a-z0-9[]/i.test(text)) return invalid();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return invalid();
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return invalid();
  if (!HOST_NAME.test(url.hostname) && !LOOPBACK.has(url.hostname)) return invalid();
  if (url.protocol === 'http:') {
    if (!LOOPBACK.has(url.hostname)) {
      return { error: l10n.t('`hwcBackups.consoleHost` must use https:// (plain http:// only for a loopback host), not "{0}".', text) };
    }
  } else if (url.protocol !== 'https:') {
    return invalid();
  }
  return { origin: url.origin };
}

function checkedRegion(region: string): string {
  if (typeof region !== 'string' || !REGION_ID_PATTERN.test(region)) {
    throw new ConsoleLinkError(
      'region',
      l10n.t('"{0}" is not a region id, so no console link can be made for it.', String(region).slice(0, 100)),
    );
  }
  return region;
}

/**
 * The https origin of the console that serves `region`: a non-empty `consoleHost` (the setting)
 * wins, else the site of the region. Throws ConsoleLinkError for a malformed region or setting.
 */
export function consoleSite(region: string, consoleHost?: string): string {
  checkedRegion(region);
  if (consoleHost !== undefined && consoleHost.trim() !== '') {
    const parsed = parseConsoleHost(consoleHost);
    if ('error' in parsed) throw new ConsoleLinkError('consoleHost', parsed.error);
    return parsed.origin;
  }
  return CONSOLE_SITES[siteOf(region)];
}

/**
 * The console page for a service, instance or backup in its region. Every link is currently the
 * service's page (`deep: false`); see the notes at the top of this file. Throws ConsoleLinkError
 * for a malformed region or `consoleHost`.
 */
export function consoleLink(target: ConsoleTarget, consoleHost?: string): ConsoleLink {
  const origin = consoleSite(target.region, consoleHost);
  const page = Object.prototype.hasOwnProperty.call(SERVICE_PAGES, target.service) ? SERVICE_PAGES[target.service] : CONSOLE_HOME;
  const fragment = page.fragment ? `#${page.fragment}` : '';
  return { url: `${origin}/${page.path}/?region=${encodeURIComponent(target.region)}${fragment}`, deep: false };
}
