import * as assert from 'assert';
import { validateAccessKey, validateSecretKey, validateSecurityToken } from '../../src/auth/validation';

describe('credential input validation', () => {
  it('accepts Huawei-style access keys (20 upper-case alphanumerics) and 16–40 in general', () => {
    assert.strictEqual(validateAccessKey('QTWAOYTTINDUT2QVKYUC'), undefined);
    assert.strictEqual(validateAccessKey('  DEMOACCESSKEY0000001 '), undefined, 'surrounding spaces are trimmed');
    assert.strictEqual(validateAccessKey('A'.repeat(16)), undefined);
    assert.strictEqual(validateAccessKey('B'.repeat(40)), undefined);
  });

  it('rejects empty, short, long, lower-case and punctuated keys with a reason', () => {
    assert.match(validateAccessKey('') ?? '', /Enter the access key/);
    assert.match(validateAccessKey('ABC123') ?? '', /16–40 characters.*6/);
    assert.match(validateAccessKey('C'.repeat(41)) ?? '', /16–40/);
    assert.match(validateAccessKey('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc') ?? '', /secret key/);
    assert.match(validateAccessKey('QTWAOYTT INDUT2QVKYUC') ?? '', /spaces/);
    assert.match(validateAccessKey('QTWAOYTT-INDUT2QVKYUC') ?? '', /only upper-case letters and digits/);
  });

  it('requires a secret key without spaces', () => {
    assert.ok(validateSecretKey('   '));
    assert.ok(validateSecretKey('abc def'));
    assert.strictEqual(validateSecretKey('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc'), undefined);
  });

  it('allows an empty security token but not one broken by line breaks', () => {
    assert.strictEqual(validateSecurityToken(''), undefined);
    assert.strictEqual(validateSecurityToken('gQpjbi1ub3J0aC00…'), undefined);
    assert.ok(validateSecurityToken('abc\ndef'));
  });
});
