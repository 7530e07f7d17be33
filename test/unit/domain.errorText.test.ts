// describeError: the one line notifications, coverage lists and health rows show for a failure.
import * as assert from 'assert';
import { errorFromResponse } from '../../src/cloud/http/errorBody';
import { CloudError } from '../../src/cloud/http/errors';
import { describeError } from '../../src/domain/errorText';

describe('describeError', () => {
  it('names code, HTTP status and request id once, even when the API message already ends with code and status', () => {
    const apiError = errorFromResponse(
      {
        service: 'dcs',
        status: 403,
        statusText: 'Forbidden',
        body: JSON.stringify({ error_code: 'APIGW.0302', error_msg: 'The IAM user is not authorized to access the API.' }),
        requestId: 'req-1',
        request: 'GET /v2/p/instances',
      },
      (text) => text,
    );
    const line = describeError(apiError);
    assert.strictEqual(line.match(/APIGW\.0302/g)?.length, 1, line);
    assert.strictEqual(line.match(/HTTP 403/g)?.length, 1, line);
    assert.match(line, /request id req-1/);
  });

  it('adds the facts a message does not name', () => {
    const timeout = new CloudError('RDS did not answer within 30 s.', { service: 'rds', code: 'TIMEOUT', requestId: 'r-9' });
    assert.strictEqual(describeError(timeout), 'RDS did not answer within 30 s. (TIMEOUT, request id r-9)');
    assert.strictEqual(describeError(new Error('plain')), 'plain');
  });
});
