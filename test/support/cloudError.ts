import * as assert from 'assert';
import { CloudError } from '../../src/cloud/http/errors';

/** The CloudError `promise` rejects with; fails the test when it resolves or rejects with anything else. */
export async function cloudRejection(promise: Promise<unknown>): Promise<CloudError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CloudError, `expected a CloudError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a CloudError, but the promise resolved');
}
