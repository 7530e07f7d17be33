/** Every emulated service, routed by the first path segment. */
import type { ServiceDefinition } from '../http';
import { iam } from './iam';
import { rds } from './rds';

export const SERVICES: readonly ServiceDefinition[] = [iam, rds];
