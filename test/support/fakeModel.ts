import type { Backup } from '../../src/cloud/model';

/** A succeeded RDS backup numbered `n` of `instanceId`, for explorer tests over fake pages. */
export function fakeRdsBackup(instanceId: string, n: number): Backup {
  return {
    service: 'rds',
    id: `${instanceId}-b${n}`,
    name: `b${n}`,
    instanceId,
    type: 'auto',
    rawStatus: 'COMPLETED',
    status: 'succeeded',
    start: {},
    end: {},
    extras: {},
    raw: {},
  };
}
