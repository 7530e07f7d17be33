import type { Backup } from '../../src/cloud/model';
import type { Scope } from '../../src/domain/scope';

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

/** The one scope of a single-connection, single-region tree, for tests that never reach its API. */
export const TEST_SCOPE: Scope = {
  key: 'default/cn-north-4',
  connectionId: 'default',
  connectionName: 'default',
  region: 'cn-north-4',
  adapterContext: () => Promise.reject(new Error('TEST_SCOPE has no API')),
  project: () => Promise.reject(new Error('TEST_SCOPE has no API')),
};
