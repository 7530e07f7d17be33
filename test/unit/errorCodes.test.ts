import * as assert from 'assert';
import { explain, knownErrorCodes } from '../../src/cloud/errorCodes';

describe('errorCodes.explain', () => {
  it('explains every DCS backup code of seed 001 in both languages', () => {
    for (let n = 1; n <= 8; n++) {
      const code = `dcs.08.000${n}`;
      const explanation = explain(code);
      assert.ok(explanation, code);
      assert.ok(explanation.en.length > 5 && explanation.zh.length > 3, code);
      assert.match(explanation.source, /DCS/);
    }
    assert.strictEqual(explain('dcs.08.0002')?.zh, '执行超时。');
    assert.match(explain('dcs.08.0002')!.en, /timed out/);
    assert.match(explain('dcs.08.0008')!.zh, /自动备份任务未运行/);
  });

  it('explains the gateway codes for rejected credentials and throttling', () => {
    assert.match(explain('APIGW.0301')!.en, /401/);
    assert.match(explain('APIGW.0308')!.en, /429/);
    assert.match(explain('APIGW.0308')!.zh, /流控/);
  });

  it('treats the dedicated gateway APIG prefix like APIGW', () => {
    assert.deepStrictEqual(explain('APIG.0308'), explain('APIGW.0308'));
  });

  it('is case-insensitive and ignores surrounding spaces', () => {
    assert.deepStrictEqual(explain(' DCS.08.0002 '), explain('dcs.08.0002'));
    assert.deepStrictEqual(explain('ges.7006'), explain('GES.7006'));
  });

  it('knows the GES error of seed 003 and the DBS codes shared by RDS and DDS', () => {
    assert.match(explain('GES.7006')!.en, /graph engine/);
    assert.match(explain('DBS.200001')!.en, /Parameter error/);
    assert.match(explain('DBS.280238')!.source, /GaussDB/);
  });

  it('returns undefined for unknown, empty and missing codes', () => {
    assert.strictEqual(explain('DBS.999999'), undefined);
    assert.strictEqual(explain('dcs.08.0009'), undefined);
    assert.strictEqual(explain(''), undefined);
    assert.strictEqual(explain(undefined), undefined);
    assert.strictEqual(explain(null), undefined);
  });

  it('gives every entry an English text, a Chinese text and a source', () => {
    const codes = knownErrorCodes();
    assert.ok(codes.length >= 50);
    for (const code of codes) {
      const e = explain(code)!;
      assert.ok(e.en.trim() && e.zh.trim() && e.source.trim(), code);
      assert.match(e.zh, /[\u4e00-\u9fff]/, `${code} has Chinese text`);
    }
  });
});
