/** The local Huawei Cloud emulator (docs/SPEC.md §8; test/emulator/README.md). */
export { DEMO_CREDENTIALS, DEMO_PROJECT_ID, DEMO_REGION, startEmulator, type Emulator } from './server';
export type { EmulatorOptions, FaultKind, FaultSpec, RateLimitSpec, RecordedRequest } from './types';
export { GeneratedList, toArray, type EmulatorData, type InstanceBackups, type RawRecord, type RecordList } from './data/model';
export { DEMO_NAMES, DCS_ERROR_CODES } from './data/demo';
export { CBR_NAMES, CBR_SCALE_BACKUPS } from './data/cbr';
export { SCALE } from './data/scale';
