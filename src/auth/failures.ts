import { CloudError } from '../cloud/http/errors';

/**
 * What a failed request says about the credentials: `rejected` (401, or IAM refusing the keys:
 * the whole tree becomes one "credentials rejected" node), `missing` (no keys any more: the
 * welcome view, once they are really gone), or nothing (any other failure stays with its node).
 */
export function credentialFailure(error: unknown): 'rejected' | 'missing' | undefined {
  if (!(error instanceof CloudError)) return undefined;
  if (error.isAuthFailure) return 'rejected';
  return error.code === 'NO_CREDENTIALS' ? 'missing' : undefined;
}
