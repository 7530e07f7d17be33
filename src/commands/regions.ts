/** The region catalogue lives in the cloud layer (console links need it); the commands use it from here. */
export { findRegion, regionNames, REGIONS, siteOf, validateRegionId, type ConsoleSiteId, type RegionInfo } from '../cloud/regions';
