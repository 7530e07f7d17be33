import type { ResourceType } from '../model';

/**
 * The `resource_type` values of CBR ListBackups (and CSBS checkpoint items) for each normalised
 * resource type. `OS::Native::Server` (documented by CBR, not in its SDK enums) is not mapped: such
 * backups match no resource-type filter.
 */
export const RAW_RESOURCE_TYPES: Readonly<Record<ResourceType, string>> = {
  server: 'OS::Nova::Server',
  disk: 'OS::Cinder::Volume',
  fileSystem: 'OS::Sfs::Turbo',
  bareMetal: 'OS::Ironic::BareMetalServer',
  desktop: 'OS::Workspace::DesktopV2',
};

/** The normalised type of a raw `resource_type`; undefined when absent or unmapped. */
export function resourceTypeOf(raw: string | undefined): ResourceType | undefined {
  if (!raw) return undefined;
  return (Object.keys(RAW_RESOURCE_TYPES) as ResourceType[]).find((type) => RAW_RESOURCE_TYPES[type] === raw);
}
