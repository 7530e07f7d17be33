export { parseApiTime, endTimeOf, formatRdsTime, formatDdsTime, formatDcsTime, formatCsbsTime } from './time';
export { statusOf, rawStatusesFor, type RawStatusTable } from './status';
export { typeOf, typeOfAutoTrigger } from './type';
export { toBytes, type SizeUnit } from './size';
export { RAW_RESOURCE_TYPES, resourceTypeOf } from './resourceType';
