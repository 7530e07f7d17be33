import * as assert from 'assert';
import { errorFromResponse, invalidResponse, parseHuaweiError, redactor, sanitizedExcerpt } from '../../src/cloud/http/errorBody';

const noRedaction = redactor([]);
const request = 'GET /v3/p/backups';

describe('HTTP error bodies', () => {
  describe('parseHuaweiError', () => {
    it('reads {error_code, error_msg} and appends error_ext_msg', () => {
      assert.deepStrictEqual(parseHuaweiError({ error_code: 'DBS.200001', error_msg: 'Invalid parameter.' }), {
        code: 'DBS.200001',
        message: 'Invalid parameter.',
        requestId: undefined,
      });
      assert.deepStrictEqual(parseHuaweiError({ error_code: 'DCS.4800', error_msg: 'Backup failed.', error_ext_msg: 'Disk full.' }), {
        code: 'DCS.4800',
        message: 'Backup failed. — Disk full.',
        requestId: undefined,
      });
    });

    it("keeps the gateway's request_id", () => {
      assert.deepStrictEqual(
        parseHuaweiError({ error_msg: 'Incorrect IAM authentication information', error_code: 'APIGW.0301', request_id: 'r-1' }),
        {
          code: 'APIGW.0301',
          message: 'Incorrect IAM authentication information',
          requestId: 'r-1',
        },
      );
    });

    it('reads {error: {code, message}}, including numeric codes', () => {
      assert.deepStrictEqual(parseHuaweiError({ error: { code: 'CSBS.1001', message: 'Not found' } }), {
        code: 'CSBS.1001',
        message: 'Not found',
        requestId: undefined,
      });
      assert.deepStrictEqual(parseHuaweiError({ error: { code: 401, title: 'Unauthorized' } }), {
        code: '401',
        message: 'Unauthorized',
        requestId: undefined,
      });
    });

    it("reads GES's {errorCode, errorMessage}", () => {
      assert.deepStrictEqual(parseHuaweiError({ errorCode: 'GES.7006', errorMessage: 'The graph does not exist.' }), {
        code: 'GES.7006',
        message: 'The graph does not exist.',
        requestId: undefined,
      });
    });

    it('returns undefined for other JSON', () => {
      for (const body of [null, [], 'x', 3, {}, { message: 'x' }, { error: 'x' }, { error: {} }]) {
        assert.strictEqual(parseHuaweiError(body), undefined, JSON.stringify(body));
      }
    });
  });

  describe('errorFromResponse', () => {
    it('builds a CloudError with status, code, message, request id and service from each shape', () => {
      const shapes: Array<[string, string, string]> = [
        ['{"error_code":"DBS.280343","error_msg":"Instance not found."}', 'DBS.280343', 'Instance not found.'],
        ['{"error":{"code":"APIGW.0308","message":"Throttled."}}', 'APIGW.0308', 'Throttled.'],
        ['{"errorCode":"GES.8011","errorMessage":"Graph is busy."}', 'GES.8011', 'Graph is busy.'],
      ];
      for (const [body, code, message] of shapes) {
        const error = errorFromResponse({ service: 'dds', status: 400, body, requestId: 'req-9', request }, noRedaction);
        assert.strictEqual(error.code, code);
        assert.strictEqual(error.status, 400);
        assert.strictEqual(error.requestId, 'req-9');
        assert.strictEqual(error.service, 'dds');
        assert.strictEqual(error.details.request, request);
        assert.strictEqual(error.message, `${message} (${code}, HTTP 400)`);
      }
    });

    it('falls back to the request id in the body', () => {
      const error = errorFromResponse(
        {
          service: 'rds',
          status: 401,
          body: '{"error_msg":"Incorrect IAM authentication information","error_code":"APIGW.0301","request_id":"body-id"}',
          request,
        },
        noRedaction,
      );
      assert.strictEqual(error.requestId, 'body-id');
      assert.ok(error.isAuthFailure);
    });

    it('describes an HTML page from a proxy with a short, tag-free excerpt', () => {
      const html = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title>
        <style>body{color:red}</style><script>var x = 1;</script></head>
        <body><h1>502   Bad&nbsp;Gateway</h1><p>nginx &amp; friends</p>${'<p>filler</p>'.repeat(100)}</body></html>`;
      const error = errorFromResponse(
        { service: 'dcs', status: 502, statusText: 'Bad Gateway', contentType: 'text/html; charset=utf-8', body: html, request },
        noRedaction,
      );
      assert.strictEqual(error.status, 502);
      assert.strictEqual(error.code, undefined);
      assert.match(
        error.message,
        /^DCS answered HTTP 502 Bad Gateway with a non-JSON body \(text\/html\): "502 Bad Gateway 502 Bad Gateway nginx & friends filler/,
      );
      assert.ok(!/[<>]|color:red|var x/.test(error.message), error.message);
      assert.ok(error.message.length < 320, `message too long: ${error.message.length}`);
    });

    it('says so for an empty body, a truncated JSON body and unrecognised JSON', () => {
      assert.strictEqual(
        errorFromResponse({ service: 'ges', status: 503, statusText: 'Service Unavailable', body: '', request }, noRedaction).message,
        'GES answered HTTP 503 Service Unavailable with an empty body.',
      );
      assert.strictEqual(
        errorFromResponse({ service: 'rds', status: 500, body: '{"error_code":"DBS.20', request }, noRedaction).message,
        'RDS answered HTTP 500 with a malformed JSON body: "{"error_code":"DBS.20"',
      );
      assert.strictEqual(
        errorFromResponse({ service: 'csbs', status: 404, body: '{"detail":"nope"}', request }, noRedaction).message,
        'CSBS answered HTTP 404 with an unrecognised error body: "{"detail":"nope"}"',
      );
    });

    it('redacts secrets echoed in a body, even beyond the excerpt length', () => {
      const token = 'T'.repeat(500);
      const redact = redactor(['secret-key', token, undefined]);
      const echoed = errorFromResponse(
        { service: 'iam', status: 400, body: `<pre>X-Security-Token: ${token}\nkey=secret-key</pre>`, request },
        redact,
      );
      assert.ok(!echoed.message.includes('TTTT') && !echoed.message.includes('secret-key'), echoed.message);
      assert.match(echoed.message, /\[redacted\]/);
      const inMessage = errorFromResponse(
        { service: 'iam', status: 400, body: JSON.stringify({ error_code: 'X', error_msg: `bad token ${token}` }), request },
        redact,
      );
      assert.strictEqual(inMessage.message, 'bad token [redacted] (X, HTTP 400)');
    });
  });

  describe('redactor', () => {
    it('removes an echoed Authorization header and bare signatures', () => {
      const sig = 'a'.repeat(64);
      const redact = redactor([]);
      assert.strictEqual(
        redact(`{"authorization":"SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=${sig}","x":1}`),
        '{"authorization":"[redacted]","x":1}',
      );
      assert.strictEqual(redact(`mismatch Signature=${sig}.`), 'mismatch [redacted].');
    });
  });

  describe('invalidResponse', () => {
    it('is an INVALID_RESPONSE CloudError with an excerpt', () => {
      const error = invalidResponse({ service: 'rds', status: 200, body: '{"backups": [', requestId: 'r', request }, noRedaction);
      assert.strictEqual(error.code, 'INVALID_RESPONSE');
      assert.strictEqual(error.status, 200);
      assert.strictEqual(error.requestId, 'r');
      assert.strictEqual(error.message, 'RDS answered HTTP 200 with a body that is not valid JSON: "{"backups": ["');
      assert.strictEqual(
        invalidResponse({ service: 'rds', status: 200, body: ' ', request }, noRedaction).message,
        'RDS answered HTTP 200 with an empty body',
      );
    });
  });

  describe('sanitizedExcerpt', () => {
    it('removes control characters and cuts long text with an ellipsis', () => {
      assert.strictEqual(sanitizedExcerpt('a\u0000b\u001b[31mc\r\nd', noRedaction), 'a b [31mc d');
      const cut = sanitizedExcerpt('word '.repeat(100), noRedaction, 20);
      assert.strictEqual(cut, 'word word word word…');
    });
  });
});
