import { CloudError } from '../cloud/http/errors';
import type { DetailsError } from './html/details';

/** A failure as the panels show it: code, message and request id, never a stack. */
export function toDetailsError(error: unknown, at: number): DetailsError {
  if (error instanceof CloudError) {
    return { code: error.code, message: error.message, requestId: error.requestId, status: error.status, at };
  }
  return { message: error instanceof Error ? error.message : String(error), at };
}
