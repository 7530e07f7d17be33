import * as assert from 'assert';
import * as path from 'path';
import {
  kooCliConfigPath,
  MAX_CANDIDATES,
  MAX_CREDENTIAL_FILE_BYTES,
  parseKooCliConfig,
  parseSdkCredentialsFile,
  readCredentialSources,
  sdkCredentialsFilePath,
  type CredentialFileResult,
} from '../../src/cloud/credentialFiles';

// Huawei's published signing example keys (docs/SPEC.md §6): fake, but shaped like real ones.
const AK = 'QTWAOYTTINDUT2QVKYUC';
const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const TOKEN = 'gQpjbi1ub3J0aC00TOKENSECRET';
const PROJECT = '77b6a44cba5143ab91d13ab9a8ff44fd';
const SDK_FILE = '/home/u/.huaweicloud/credentials';
const KOO_FILE = '/home/u/.hcloud/config.json';

/** Every message of a result (problems and warnings) as one string. */
function messages(result: CredentialFileResult): string {
  return JSON.stringify([result.problems, result.candidates.map((candidate) => candidate.warnings)]);
}

function assertNoSecrets(result: CredentialFileResult, ...secrets: string[]): void {
  const text = messages(result);
  for (const secret of secrets) assert.ok(!text.includes(secret), `a message contains a secret: ${text}`);
}

describe('credential files: the Huawei SDK credentials file', () => {
  it('reads [basic] and [global] the way the SDKs do (keys, token, project, domain, IAM endpoint)', () => {
    const text = [
      '# written by hand',
      '[basic]',
      `ak = ${AK}`,
      `sk = ${SK}`,
      `project_id = ${PROJECT}`,
      `security_token = ${TOKEN}`,
      'iam_endpoint = https://iam.cn-north-4.myhuaweicloud.com   ',
      '',
      '[global]                          ',
      `ak=${AK}`,
      `sk=${SK}`,
      'domain_id = 0123456789abcdef0123456789abcdef',
    ].join('\n');
    const result = parseSdkCredentialsFile(text, SDK_FILE);
    assert.deepStrictEqual(result.problems, []);
    assert.strictEqual(result.candidates.length, 2);
    const [basic, global] = result.candidates;
    assert.strictEqual(basic.name, 'basic');
    assert.strictEqual(basic.source, 'sdkCredentialsFile');
    assert.strictEqual(basic.file, SDK_FILE);
    assert.deepStrictEqual(basic.regions, []);
    assert.deepStrictEqual(basic.projectIds, {});
    assert.strictEqual(basic.projectId, PROJECT);
    assert.deepStrictEqual(basic.credentials, { accessKey: AK, secretKey: SK, securityToken: TOKEN });
    assert.strictEqual(basic.iamEndpoint, 'https://iam.cn-north-4.myhuaweicloud.com');
    assert.strictEqual(basic.keysEncrypted, undefined);
    assert.ok(basic.warnings.some((warning) => warning.includes('temporary')));
    assert.strictEqual(global.name, 'global');
    assert.strictEqual(global.domainId, '0123456789abcdef0123456789abcdef');
    assert.deepStrictEqual(global.credentials, { accessKey: AK, secretKey: SK });
    assertNoSecrets(result, SK, TOKEN);
  });

  it('offers any named section, with CRLF, a BOM, comments, `:` delimiters, upper-case keys and quotes', () => {
    const lines = [
      '; profiles',
      '[prod]',
      `AK: ${AK}`,
      `SK = "${SK}"`,
      '',
      '# staging below',
      '[staging account]',
      `ak = ${AK}`,
      `sk = '${SK}'`,
      '',
    ];
    const text = `\uFEFF${lines.join('\r\n')}`;
    const result = parseSdkCredentialsFile(text, SDK_FILE);
    assert.deepStrictEqual(result.problems, []);
    assert.deepStrictEqual(
      result.candidates.map((candidate) => [candidate.name, candidate.credentials]),
      [
        ['prod', { accessKey: AK, secretKey: SK }],
        ['staging account', { accessKey: AK, secretKey: SK }],
      ],
    );
  });

  it('treats an empty value as absent, and a section without ak or sk as a problem naming line and field', () => {
    const text = ['[basic]', `ak = ${AK}`, 'sk =', 'security_token =', '[other]', `sk = ${SK}`].join('\n');
    const result = parseSdkCredentialsFile(text, SDK_FILE);
    assert.deepStrictEqual(result.candidates, []);
    assert.deepStrictEqual(
      result.problems.map((problem) => [problem.file, problem.line, problem.field]),
      [
        [SDK_FILE, 3, 'sk'],
        [SDK_FILE, 5, 'ak'],
      ],
    );
    assert.match(result.problems[0].message, /\[basic\].*no sk/);
    assertNoSecrets(result, SK);
  });

  it('skips only the section with a malformed line, and says so', () => {
    const text = ['[broken]', `ak = ${AK}`, SK, `sk = ${SK}`, '[good]', `ak = ${AK}`, `sk = ${SK}`].join('\n');
    const result = parseSdkCredentialsFile(text, SDK_FILE);
    assert.deepStrictEqual(
      result.candidates.map((candidate) => candidate.name),
      ['good'],
    );
    assert.strictEqual(result.problems.length, 1);
    assert.strictEqual(result.problems[0].line, 3);
    assert.match(result.problems[0].message, /\[broken\] was skipped/);
    assertNoSecrets(result, SK);
  });

  it('refuses duplicate sections (the SDKs disagree on them) and duplicate keys', () => {
    const text = [
      '[basic]',
      `ak = ${AK}`,
      `sk = ${SK}`,
      '[basic]',
      `ak = ${AK}`,
      `sk = ${SK}`,
      '[twice]',
      `ak = ${AK}`,
      `ak = ${AK}`,
      `sk = ${SK}`,
    ].join('\n');
    const result = parseSdkCredentialsFile(text, SDK_FILE);
    assert.deepStrictEqual(result.candidates, []);
    assert.deepStrictEqual(
      result.problems.map((problem) => [problem.line, problem.field]),
      [
        [4, undefined],
        [9, 'ak'],
      ],
    );
    assert.match(result.problems[0].message, /lines 1 and 4/);
  });

  it('reports malformed headers, keys before any section, unknown keys, inline comments and federated sections', () => {
    const text = [
      `ak = ${AK}`,
      '[unclosed',
      `sk = ${SK}`,
      '[]',
      '[federated]',
      'idp_id = idp',
      'id_token_file = /tmp/token',
      '[noted]',
      `ak = ${AK}  # my key`,
      `sk = ${SK}`,
      'access key = ignored',
      `${SK} = ignored`,
    ].join('\n');
    const result = parseSdkCredentialsFile(text, SDK_FILE);
    assert.deepStrictEqual(
      result.candidates.map((candidate) => [candidate.name, candidate.credentials?.accessKey]),
      [['noted', AK]],
    );
    assert.deepStrictEqual(
      result.problems.map((problem) => problem.line),
      [1, 2, 4, 6],
    );
    assert.match(result.problems[3].message, /federated/);
    const warnings = result.candidates[0].warnings.join('\n');
    assert.match(warnings, /comment/);
    assert.match(warnings, /"access key"/);
    assertNoSecrets(result, SK);
  });

  it('refuses values no key or id has, without repeating them', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ ak: `${AK} extra` }, 'ak'],
      [{ ak: 'AK-with-dash!' }, 'ak'],
      [{ sk: `${SK} extra` }, 'sk'],
      [{ project_id: '../../etc' }, 'project_id'],
      [{ iam_endpoint: 'http://iam.example.com' }, 'iam_endpoint'],
      [{ iam_endpoint: 'https://user:pw@iam.example.com' }, 'iam_endpoint'],
    ];
    for (const [override, field] of cases) {
      const values = { ak: AK, sk: SK, ...override };
      const text = ['[basic]', ...Object.entries(values).map(([key, value]) => `${key} = ${value}`)].join('\n');
      const result = parseSdkCredentialsFile(text, SDK_FILE);
      assert.deepStrictEqual(result.candidates, [], text);
      assert.strictEqual(result.problems[0]?.field, field, text);
      assertNoSecrets(result, SK, 'extra', 'pw@');
    }
  });

  it('refuses a huge or binary file whole, with one problem', () => {
    const huge = `[basic]\nak = ${AK}\nsk = ${SK}\n` + '#'.repeat(MAX_CREDENTIAL_FILE_BYTES);
    const result = parseSdkCredentialsFile(huge, SDK_FILE);
    assert.deepStrictEqual(result.candidates, []);
    assert.strictEqual(result.problems.length, 1);
    assert.match(result.problems[0].message, /larger than 1024 KB/);
    const binary = parseSdkCredentialsFile(`[basic]\nak = ${AK}\u0000\nsk = ${SK}`, SDK_FILE);
    assert.strictEqual(binary.problems.length, 1);
    assert.match(binary.problems[0].message, /not a text file/);
  });

  it('says so when a file holds nothing, and caps the number of candidates', () => {
    assert.match(parseSdkCredentialsFile('', SDK_FILE).problems[0].message, /no section/);
    assert.match(parseSdkCredentialsFile('# only a comment\n', SDK_FILE).problems[0].message, /no section/);
    const many = Array.from({ length: MAX_CANDIDATES + 5 }, (_, i) => `[s${i}]\nak = ${AK}\nsk = ${SK}`).join('\n');
    const result = parseSdkCredentialsFile(many, SDK_FILE);
    assert.strictEqual(result.candidates.length, MAX_CANDIDATES);
    assert.strictEqual(result.problems.length, 1);
  });

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      {},
      '[',
      ']',
      '=',
      ':',
      '[a]\n=',
      '[__proto__]\nak=A\nsk=B',
      '\r\r\r',
      '[a]\n  ak = A\n  sk = B',
    ];
    for (const input of inputs) {
      const result = parseSdkCredentialsFile(input as string, SDK_FILE);
      assert.ok(Array.isArray(result.candidates) && Array.isArray(result.problems));
    }
    assert.strictEqual(parseSdkCredentialsFile('[__proto__]\nak=A\nsk=B', SDK_FILE).candidates[0].name, '__proto__');
  });
});

function kooCli(profiles: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ language: 'en', current: 'default', ...extra, profiles }, null, 2);
}

const ENCRYPTED_AK = 'a3f1c09e7b5d4e2f8a1b6c3d9e0f7a2b4c5d6e7f8091a2b3c4d5e6f708192a3b';

describe('credential files: KooCLI profiles', () => {
  it('offers encrypted profiles (the default) without keys, with region and project id', () => {
    const text = kooCli(
      [
        {
          name: 'default',
          mode: 'AKSK',
          accessKeyId: ENCRYPTED_AK,
          secretAccessKey: ENCRYPTED_AK,
          securityToken: '',
          region: 'cn-north-4',
          projectId: PROJECT,
          domainId: '',
          readTimeout: 10,
          skipSecureVerify: 'false',
        },
        { name: 'hk', mode: 'AKSK', accessKeyId: ENCRYPTED_AK, secretAccessKey: ENCRYPTED_AK, region: 'ap-southeast-1' },
      ],
      { authEncrypt: 'true' },
    );
    const result = parseKooCliConfig(text, KOO_FILE);
    assert.deepStrictEqual(result.problems, []);
    assert.deepStrictEqual(result.candidates, [
      {
        name: 'default',
        source: 'kooCli',
        file: KOO_FILE,
        regions: ['cn-north-4'],
        projectIds: { 'cn-north-4': PROJECT },
        keysEncrypted: true,
        current: true,
        warnings: [],
      },
      { name: 'hk', source: 'kooCli', file: KOO_FILE, regions: ['ap-southeast-1'], projectIds: {}, keysEncrypted: true, warnings: [] },
    ]);
    assertNoSecrets(result, ENCRYPTED_AK);
    // Older KooCLI versions always encrypted and wrote no flag.
    const unflagged = parseKooCliConfig(kooCli([{ name: 'default', accessKeyId: ENCRYPTED_AK, secretAccessKey: ENCRYPTED_AK }]), KOO_FILE);
    assert.strictEqual(unflagged.candidates[0].keysEncrypted, true);
    assert.strictEqual(unflagged.candidates[0].credentials, undefined);
  });

  it('imports plain keys when authEncrypt is false (string or boolean)', () => {
    for (const authEncrypt of ['false', false]) {
      const text = kooCli(
        [
          {
            name: 'default',
            mode: 'AKSK',
            accessKeyId: AK,
            secretAccessKey: SK,
            securityToken: TOKEN,
            region: 'eu-west-101',
            projectId: PROJECT,
          },
        ],
        { authEncrypt },
      );
      const result = parseKooCliConfig(text, KOO_FILE);
      assert.deepStrictEqual(result.problems, []);
      const [candidate] = result.candidates;
      assert.deepStrictEqual(candidate.credentials, { accessKey: AK, secretKey: SK, securityToken: TOKEN });
      assert.strictEqual(candidate.keysEncrypted, undefined);
      assert.deepStrictEqual(candidate.projectIds, { 'eu-west-101': PROJECT });
      assertNoSecrets(result, SK, TOKEN);
    }
  });

  it('skips profiles of other modes, without keys, with wrong types or bad regions, naming the field', () => {
    const text = kooCli(
      [
        { name: 'agency', mode: 'ecsAgency', region: 'cn-north-4' },
        { name: 'sso', mode: 'SSO' },
        { name: 'nokey', mode: 'AKSK', accessKeyId: '', secretAccessKey: SK },
        { name: 'typed', mode: 'AKSK', accessKeyId: AK, secretAccessKey: SK, region: 4 },
        { name: 'where', mode: 'AKSK', accessKeyId: AK, secretAccessKey: SK, region: 'cn north 4' },
        { name: 'cipher', mode: 'AKSK', accessKeyId: 'v1:b64/Zm9v==', secretAccessKey: SK },
        'not an object',
        { mode: 'AKSK', accessKeyId: AK, secretAccessKey: SK },
        { name: 'ok', mode: 'aksk', accessKeyId: AK, secretAccessKey: SK, projectId: PROJECT, unknownField: { nested: [1, 2] } },
      ],
      { authEncrypt: 'false' },
    );
    const result = parseKooCliConfig(text, KOO_FILE);
    assert.deepStrictEqual(
      result.candidates.map((candidate) => candidate.name),
      ['ok'],
    );
    assert.strictEqual(result.candidates[0].projectId, PROJECT);
    assert.ok(result.candidates[0].warnings.some((warning) => warning.includes('no region')));
    assert.deepStrictEqual(
      result.problems.map((problem) => problem.field),
      [
        'profiles[0].mode',
        'profiles[1].mode',
        'profiles[2].accessKeyId',
        'profiles[3].region',
        'profiles[4].region',
        'profiles[5].accessKeyId',
        'profiles[6]',
        'profiles[7].name',
      ],
    );
    assert.ok(result.problems.every((problem) => problem.file === KOO_FILE));
    assert.match(result.problems[0].message, /"agency".*ecsAgency.*only AKSK/);
    assertNoSecrets(result, SK, 'Zm9v');
  });

  it('refuses duplicate profile names and an odd authEncrypt', () => {
    const text = kooCli(
      [
        { name: 'dup', accessKeyId: AK, secretAccessKey: SK },
        { name: 'dup', accessKeyId: AK, secretAccessKey: SK },
        { name: 'single', accessKeyId: AK, secretAccessKey: SK },
      ],
      { authEncrypt: 1 },
    );
    const result = parseKooCliConfig(text, KOO_FILE);
    assert.deepStrictEqual(
      result.candidates.map((candidate) => [candidate.name, candidate.keysEncrypted, candidate.credentials]),
      [['single', true, undefined]],
    );
    assert.deepStrictEqual(
      result.problems.map((problem) => problem.field),
      ['authEncrypt', 'profiles[0].name', 'profiles[1].name'],
    );
  });

  it('names the line of malformed JSON without echoing the file, and copes with a BOM and CRLF', () => {
    const broken = `{\r\n  "profiles": [\r\n    { "name": "x", "secretAccessKey": "${SK}" \r\n  ]\r\n}`;
    const result = parseKooCliConfig(broken, KOO_FILE);
    assert.deepStrictEqual(result.candidates, []);
    assert.strictEqual(result.problems.length, 1);
    assert.strictEqual(result.problems[0].file, KOO_FILE);
    assert.ok(
      result.problems[0].line === undefined || (result.problems[0].line >= 3 && result.problems[0].line <= 4),
      String(result.problems[0].line),
    );
    assertNoSecrets(result, SK);
    const bom = parseKooCliConfig('\uFEFF' + kooCli([{ name: 'default', region: 'cn-north-4' }]).replace(/\n/g, '\r\n'), KOO_FILE);
    assert.deepStrictEqual(bom.problems, []);
    assert.strictEqual(bom.candidates[0].name, 'default');
  });

  it('refuses what is not a KooCLI configuration, huge files, and never throws', () => {
    for (const text of ['[]', '"text"', '42', 'null', '{}', '{"profiles": {}}', '{"profiles": "x"}']) {
      const result = parseKooCliConfig(text, KOO_FILE);
      assert.deepStrictEqual(result.candidates, [], text);
      assert.strictEqual(result.problems.length, 1, text);
    }
    assert.match(parseKooCliConfig('{"profiles": []}', KOO_FILE).problems[0].message, /no KooCLI profile/);
    const huge = parseKooCliConfig(kooCli([{ name: 'x', padding: 'y'.repeat(MAX_CREDENTIAL_FILE_BYTES) }]), KOO_FILE);
    assert.strictEqual(huge.problems.length, 1);
    assert.match(huge.problems[0].message, /larger than/);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    assert.strictEqual(parseKooCliConfig(deep, KOO_FILE).problems.length, 1);
    const proto = parseKooCliConfig('{"__proto__": {"profiles": []}, "profiles": [{"name": "p", "__proto__": {"mode": "SSO"}}]}', KOO_FILE);
    assert.deepStrictEqual(
      proto.candidates.map((candidate) => candidate.name),
      ['p'],
    );
    for (const input of [undefined, null, 7]) {
      assert.strictEqual(parseKooCliConfig(input as unknown as string, KOO_FILE).problems.length, 1);
    }
  });
});

describe('credential files: reading both', () => {
  const home = path.join(path.sep, 'home', 'u');

  it('looks where the SDKs and KooCLI look, HUAWEICLOUD_SDK_CREDENTIALS_FILE first', () => {
    assert.strictEqual(sdkCredentialsFilePath({}, home), path.join(home, '.huaweicloud', 'credentials'));
    assert.strictEqual(sdkCredentialsFilePath({ HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/etc/hw/creds' }, home), '/etc/hw/creds');
    assert.strictEqual(
      sdkCredentialsFilePath({ HUAWEICLOUD_SDK_CREDENTIALS_FILE: '  ' }, home),
      path.join(home, '.huaweicloud', 'credentials'),
    );
    assert.strictEqual(kooCliConfigPath(home), path.join(home, '.hcloud', 'config.json'));
  });

  it('parses what exists, ignores what does not, and reports what cannot be read', async () => {
    const files = new Map<string, string>([['/etc/hw/creds', `[basic]\nak = ${AK}\nsk = ${SK}\n`]]);
    const readFile = async (file: string) => {
      if (file === kooCliConfigPath(home)) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      const text = files.get(file);
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    };
    const sources = await readCredentialSources({ HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/etc/hw/creds' }, home, readFile);
    assert.strictEqual(sources.sdkCredentialsFile.found, true);
    assert.deepStrictEqual(
      sources.candidates.map((candidate) => [candidate.name, candidate.file]),
      [['basic', '/etc/hw/creds']],
    );
    assert.strictEqual(sources.kooCli.found, true);
    assert.strictEqual(sources.problems.length, 1);
    assert.match(sources.problems[0].message, /could not be read \(EACCES\)/);

    const none = await readCredentialSources({}, home, readFile.bind(null));
    assert.strictEqual(none.sdkCredentialsFile.found, false);
    assert.deepStrictEqual(none.sdkCredentialsFile.result, { candidates: [], problems: [] });

    // A file the reader refuses by its size before reading it (EFBIG) is named as too large.
    const refused = await readCredentialSources({ HUAWEICLOUD_SDK_CREDENTIALS_FILE: '/etc/hw/huge' }, home, async (file) => {
      if (file === '/etc/hw/huge') throw Object.assign(new Error('too large'), { code: 'EFBIG' });
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    });
    assert.strictEqual(refused.problems.length, 1);
    assert.match(refused.problems[0].message, /^\/etc\/hw\/huge is larger than \d+ KB/);
  });
});
