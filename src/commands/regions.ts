import * as l10n from '@vscode/l10n';
/**
 * Huawei Cloud public regions offered by Select Region… (ids from Huawei's endpoint tables).
 * Anything else — new regions, private clouds — goes through "Custom region id…", so this list
 * only needs to be right, not complete.
 */
export interface RegionInfo {
  readonly id: string;
  /** English console name. */
  readonly name: string;
  /** Chinese console name, shown next to the English one for the mainland regions' users. */
  readonly nameZh: string;
}

export const REGIONS: readonly RegionInfo[] = [
  { id: 'cn-north-4', name: 'CN North-Beijing4', nameZh: '华北-北京四' },
  { id: 'cn-north-1', name: 'CN North-Beijing1', nameZh: '华北-北京一' },
  { id: 'cn-north-9', name: 'CN North-Ulanqab1', nameZh: '华北-乌兰察布一' },
  { id: 'cn-east-3', name: 'CN East-Shanghai1', nameZh: '华东-上海一' },
  { id: 'cn-east-2', name: 'CN East-Shanghai2', nameZh: '华东-上海二' },
  { id: 'cn-south-1', name: 'CN South-Guangzhou', nameZh: '华南-广州' },
  { id: 'cn-southwest-2', name: 'CN Southwest-Guiyang1', nameZh: '西南-贵阳一' },
  { id: 'ap-southeast-1', name: 'CN-Hong Kong', nameZh: '中国-香港' },
  { id: 'ap-southeast-2', name: 'AP-Bangkok', nameZh: '亚太-曼谷' },
  { id: 'ap-southeast-3', name: 'AP-Singapore', nameZh: '亚太-新加坡' },
  { id: 'ap-southeast-4', name: 'AP-Jakarta', nameZh: '亚太-雅加达' },
  { id: 'af-south-1', name: 'AF-Johannesburg', nameZh: '非洲-约翰内斯堡' },
  { id: 'af-north-1', name: 'AF-Cairo', nameZh: '非洲-开罗' },
  { id: 'la-south-2', name: 'LA-Santiago', nameZh: '拉美-圣地亚哥' },
  { id: 'la-north-2', name: 'LA-Mexico City2', nameZh: '拉美-墨西哥城二' },
  { id: 'na-mexico-1', name: 'LA-Mexico City1', nameZh: '拉美-墨西哥城一' },
  { id: 'sa-brazil-1', name: 'LA-Sao Paulo1', nameZh: '拉美-圣保罗一' },
  { id: 'tr-west-1', name: 'TR-Istanbul', nameZh: '土耳其-伊斯坦布尔' },
  { id: 'me-east-1', name: 'ME-Riyadh', nameZh: '中东-利雅得' },
  { id: 'eu-west-101', name: 'EU-Dublin', nameZh: '欧洲-都柏林' },
];

/**
 * Region ids are lower-case words joined by hyphens ending in a number ("cn-north-4",
 * "eu-west-101"); private clouds follow the same shape. Returns an error message, or undefined
 * when the id is acceptable (the shape VS Code's InputBox.validateInput expects).
 */
export function validateRegionId(value: string): string | undefined {
  const id = value.trim();
  if (!id) return l10n.t('Enter a region id, e.g. cn-north-4.');
  if (!/^[a-z]{2,}(-[a-z0-9]+)*-\d+$/.test(id)) {
    return l10n.t('"{0}" is not a region id: use lower-case letters, digits and hyphens, ending in a number (e.g. cn-north-4).', id);
  }
  return undefined;
}

export function findRegion(id: string): RegionInfo | undefined {
  return REGIONS.find((region) => region.id === id);
}
