import * as z from './check';
import {
  optionalBoolean,
  optionalCount,
  optionalLooseText,
  optionalNumber,
  optionalText,
  optionalTimeValue,
  recordArray,
  requiredText,
} from './lenient';

/** GET /v1/{project_id}/cloudservers/detail (ECS): the resources CSBS backs up. */
export const ecsServersEnvelope = z.object({ servers: recordArray, count: optionalCount });

export const ecsServerSchema = z.object({
  id: requiredText,
  name: optionalText,
  status: optionalText,
});
export type EcsServer = z.output<typeof ecsServerSchema>;

/** GET /v1/{project_id}/checkpoint_items. */
export const csbsCheckpointItemsEnvelope = z.object({ checkpoint_items: recordArray });

/** GET /v1/{project_id}/checkpoint_items/count (seed 004). */
export const csbsCountEnvelope = z.object({
  count: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.number().int().nonnegative()),
});

/**
 * fail_code is `{Code, Description}` in CSBS (`{}` when the backup did not fail); lower-case keys and a bare
 * code string are accepted too.
 */
const failCodeSchema = z.preprocess(
  (v) => (v === null ? undefined : v),
  z
    .union([
      z.object({ Code: optionalLooseText, Description: optionalText, code: optionalLooseText, description: optionalText }),
      z.string(),
    ])
    .optional(),
);

const extendInfoSchema = z.preprocess(
  (v) => (v === null ? undefined : v),
  z
    .object({
      /** true: created by a backup policy; false: by hand. */
      auto_trigger: optionalBoolean,
      /** MB. */
      size: optionalNumber,
      fail_reason: optionalText,
      fail_code: failCodeSchema,
      fail_op: optionalText,
      progress: optionalLooseText,
      image_type: optionalText,
      incremental: optionalBoolean,
      resource_name: optionalText,
      finished_at: optionalTimeValue,
    })
    .optional(),
);

export const csbsCheckpointItemSchema = z.object({
  id: requiredText,
  name: optionalText,
  status: requiredText,
  created_at: optionalTimeValue,
  updated_at: optionalTimeValue,
  resource_id: optionalText,
  resource_type: optionalText,
  checkpoint_id: optionalText,
  extend_info: extendInfoSchema,
});
export type CsbsCheckpointItem = z.output<typeof csbsCheckpointItemSchema>;
