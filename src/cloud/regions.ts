import * as l10n from '@vscode/l10n';
/**
 * Huawei Cloud public regions: the catalogue behind Select Region…, Show or Hide Regions… and the
 * console site of a region (console.ts). Ids are those of Huawei's endpoint tables (the SDKs'
 * region lists, e.g. huaweicloud-sdk-go-v3 services/rds/v3/region/region.go); names are the
 * console's. Anything else (new regions, private clouds) goes through "Custom region id…", so this
 * list only needs to be right, not complete.
 */

/**
 * Which Huawei Cloud console serves a region: the Chinese mainland site (console.huaweicloud.com),
 * the international site (console-intl.huaweicloud.com) or the European one
 * (console.eu.huaweicloud.com).
 */
export type ConsoleSiteId = 'cn' | 'intl' | 'eu';

export interface RegionInfo {
  readonly id: string;
  /** English console name. */
  readonly name: string;
  /** Chinese console name, shown next to the English one. */
  readonly nameZh: string;
  readonly site: ConsoleSiteId;
}

export const REGIONS: readonly RegionInfo[] = [
  { id: 'cn-north-4', name: 'CN North-Beijing4', nameZh: '华北-北京四', site: 'cn' },
  { id: 'cn-north-1', name: 'CN North-Beijing1', nameZh: '华北-北京一', site: 'cn' },
  { id: 'cn-north-9', name: 'CN North-Ulanqab1', nameZh: '华北-乌兰察布一', site: 'cn' },
  { id: 'cn-east-3', name: 'CN East-Shanghai1', nameZh: '华东-上海一', site: 'cn' },
  { id: 'cn-east-2', name: 'CN East-Shanghai2', nameZh: '华东-上海二', site: 'cn' },
  { id: 'cn-east-4', name: 'CN East2', nameZh: '华东二', site: 'cn' },
  { id: 'cn-east-5', name: 'CN East-Qingdao', nameZh: '华东-青岛', site: 'cn' },
  { id: 'cn-south-1', name: 'CN South-Guangzhou', nameZh: '华南-广州', site: 'cn' },
  { id: 'cn-south-4', name: 'CN South-Guangzhou-InvitationOnly', nameZh: '华南-广州-友好用户环境', site: 'cn' },
  { id: 'cn-southwest-2', name: 'CN Southwest-Guiyang1', nameZh: '西南-贵阳一', site: 'cn' },
  { id: 'ap-southeast-1', name: 'CN-Hong Kong', nameZh: '中国-香港', site: 'intl' },
  { id: 'ap-southeast-2', name: 'AP-Bangkok', nameZh: '亚太-曼谷', site: 'intl' },
  { id: 'ap-southeast-3', name: 'AP-Singapore', nameZh: '亚太-新加坡', site: 'intl' },
  { id: 'ap-southeast-4', name: 'AP-Jakarta', nameZh: '亚太-雅加达', site: 'intl' },
  { id: 'ap-southeast-5', name: 'AP-Manila', nameZh: '亚太-马尼拉', site: 'intl' },
  { id: 'my-kualalumpur-1', name: 'AP-Kuala Lumpur-OP6', nameZh: '亚太-吉隆坡-OP6', site: 'intl' },
  { id: 'af-south-1', name: 'AF-Johannesburg', nameZh: '非洲-约翰内斯堡', site: 'intl' },
  { id: 'af-north-1', name: 'AF-Cairo', nameZh: '非洲-开罗', site: 'intl' },
  { id: 'la-south-2', name: 'LA-Santiago', nameZh: '拉美-圣地亚哥', site: 'intl' },
  { id: 'la-north-2', name: 'LA-Mexico City2', nameZh: '拉美-墨西哥城二', site: 'intl' },
  { id: 'na-mexico-1', name: 'LA-Mexico City1', nameZh: '拉美-墨西哥城一', site: 'intl' },
  { id: 'sa-brazil-1', name: 'LA-Sao Paulo1', nameZh: '拉美-圣保罗一', site: 'intl' },
  { id: 'tr-west-1', name: 'TR-Istanbul', nameZh: '土耳其-伊斯坦布尔', site: 'intl' },
  { id: 'me-east-1', name: 'ME-Riyadh', nameZh: '中东-利雅得', site: 'intl' },
  { id: 'ae-ad-1', name: 'ME-Abu Dhabi', nameZh: '中东-阿布扎比', site: 'intl' },
  { id: 'eu-west-101', name: 'EU-Dublin', nameZh: '欧洲-都柏林', site: 'eu' },
];

/** The shape of a region id: lower-case words joined by hyphens, ending in a number. */
export const REGION_ID_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)*-\d+$/;

/**
 * Region ids are lower-case words joined by hyphens ending in a number ("cn-north-4",
 * "eu-west-101"); private clouds follow the same shape. Returns an error message, or undefined
 * when the id is acceptable (the shape VS Code's InputBox.validateInput expects).
 */
export function validateRegionId(value: string): string | undefined {
  const id = value.trim();
  if (!id) return l10n.t('Enter a region id, e.g. cn-north-4.');
  if (!REGION_ID_PATTERN.test(id)) {
    return l10n.t('"{0}" is not a region id: use lower-case letters, digits and hyphens, ending in a number (e.g. cn-north-4).', id);
  }
  return undefined;
}

export function findRegion(id: string): RegionInfo | undefined {
  return REGIONS.find((region) => region.id === id);
}

/** "CN-Hong Kong · 中国-香港": a known region's console names, both languages; undefined for others. */
export function regionNames(id: string): string | undefined {
  const known = findRegion(id);
  return known && `${known.name} · ${known.nameZh}`;
}

/**
 * The console site of a region: the catalogue's, else by the id's prefix (`cn-` is the Chinese
 * mainland, `eu-` Europe, anything else international), so a region added to Huawei Cloud after
 * this list still opens on the right site.
 */
export function siteOf(region: string): ConsoleSiteId {
  const known = findRegion(region);
  if (known) return known.site;
  if (region.startsWith('cn-')) return 'cn';
  if (region.startsWith('eu-')) return 'eu';
  return 'intl';
}
