import * as assert from 'assert';
import { formatRequestLine, isFailedAttempt, redact } from '../../src/auth/requestLog';

describe('request log lines', () => {
  it('names method, service, path, status, duration and request id', () => {
    const line = formatRequestLine({
      service: 'rds',
      method: 'GET',
      path: '/v3/p/backups?instance_id=i&offset=0&limit=50',
      status: 200,
      durationMs: 83.6,
      requestId: 'req-1',
      attempt: 0,
    });
    assert.strictEqual(line, 'GET rds /v3/p/backups?instance_id=i&offset=0&limit=50 → 200 in 84 ms · request id req-1');
  });

  it('adds the attempt and error of a failed retry', () => {
    const entry = { service: 'dcs' as const, method: 'GET', path: '/v1.0/p/instances', durationMs: 30000, attempt: 2, error: 'TIMEOUT' };
    assert.strictEqual(formatRequestLine(entry), 'GET dcs /v1.0/p/instances → no response in 30000 ms · attempt 3 · error TIMEOUT');
    assert.ok(isFailedAttempt(entry));
    assert.ok(isFailedAttempt({ ...entry, status: 429, error: undefined }));
    assert.ok(!isFailedAttempt({ ...entry, status: 200, error: undefined }));
  });

  it('masks secret values should one ever appear', () => {
    const secret = 'demo-secret-key-not-a-real-one-0000000000';
    const line = formatRequestLine(
      { service: 'iam', method: 'GET', path: '/v3/projects', status: 401, durationMs: 1, attempt: 0, error: `bad ${secret}` },
      [secret, ''],
    );
    assert.ok(!line.includes(secret));
    assert.ok(line.includes('***'));
    assert.strictEqual(redact('short abc', ['abc']), 'short abc', 'tiny values are not masked');
  });
});
