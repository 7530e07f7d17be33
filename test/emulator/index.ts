/** The local Huawei Cloud emulator (docs/SPEC.md §8; test/emulator/README.md). */
export {
  ACCOUNT_B_CREDENTIALS,
  ACCOUNT_B_DOMAIN_ID,
  ACCOUNT_B_PROJECT_ID,
  ACCOUNT_B_REGION,
  DEMO_CREDENTIALS,
  DEMO_PROJECT_ID,
  DEMO_REGION,
  DENIED_PROJECT_ID,
  DENIED_REGION,
  FAILING_REGION,
  SECOND_PROJECT_ID,
  SECOND_REGION,
  startEmulator,
  type Emulator,
  type EmulatorAccount,
  type EmulatorProject,
} from './server';
export { regionalNames } from './data/regional';
export type { EmulatorOptions, FaultKind, FaultSpec, RateLimitSpec, RecordedRequest } from './types';
export { GeneratedList, toArray, type EmulatorData, type InstanceBackups, type RawRecord, type RecordList } from './data/model';
export { DEMO_NAMES, DCS_ERROR_CODES } from './data/demo';
export { CBR_NAMES, CBR_SCALE_BACKUPS } from './data/cbr';
export { SCALE } from './data/scale';
