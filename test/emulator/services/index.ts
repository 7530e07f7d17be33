/** Every emulated service, routed by the first path segment. */
import type { ServiceDefinition } from '../http';
import { cbr } from './cbr';
import { csbs } from './csbs';
import { dcs } from './dcs';
import { dds } from './dds';
import { ecs } from './ecs';
import { ges } from './ges';
import { iam } from './iam';
import { rds } from './rds';

export const SERVICES: readonly ServiceDefinition[] = [iam, rds, dds, dcs, ges, ecs, csbs, cbr];
