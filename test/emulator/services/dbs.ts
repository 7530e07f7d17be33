/** What RDS and DDS share on the wire: the DBS.* error codes and offset/limit paging of 1–100 records. */
import { codeMessageStyle } from '../http';
import type { QueryReader } from '../validation';

export const dbsErrors = codeMessageStyle({ badRequest: 'DBS.200001', notFound: 'DBS.200002', internal: 'DBS.200000' });

/** `offset` counts records to skip; `limit` is 1–100, 100 when absent. */
export function dbsPaging(query: QueryReader): { offset: number; limit: number } {
  return {
    offset: query.int('offset', { min: 0, fallback: 0 }),
    limit: query.int('limit', { min: 1, max: 100, fallback: 100 }),
  };
}
