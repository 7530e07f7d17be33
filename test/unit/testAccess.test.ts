import * as assert from 'assert';
import { apiForTests, TEST_API_VARIABLE } from '../../src/testAccess';

describe('the extension API for tests', () => {
  const api = { explorer: 'live object' };

  it('is handed out only when the test runners set the flag', () => {
    assert.strictEqual(apiForTests(api, { [TEST_API_VARIABLE]: '1' }), api);
  });

  it('is undefined for everyone else, whatever else the environment holds', () => {
    assert.strictEqual(apiForTests(api, {}), undefined);
    assert.strictEqual(apiForTests(api, { [TEST_API_VARIABLE]: 'true' }), undefined);
    assert.strictEqual(apiForTests(api, { HWC_EMULATOR_URL: 'http://127.0.0.1:1' }), undefined);
  });
});
