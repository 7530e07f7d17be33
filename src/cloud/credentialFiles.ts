/**
 * Where credentials already live on the user's machine, read the way Huawei's own tools read them
 * (issue 13): the SDK credentials file and KooCLI's profiles. Pure parsers (text in, candidates and
 * problems out; no file access, never a throw) and one small reader that takes the file access as a
 * parameter. Nothing here stores anything: the UI offers the candidates and keeps what the user picks
 * in SecretStorage.
 *
 * SDK credentials file (huaweicloud-sdk-go-v3 core/auth/provider/profile_provider.go and
 * huaweicloud-sdk-python-v3 huaweicloudsdkcore/auth/provider.py, ProfileCredentialProvider):
 * `~/.huaweicloud/credentials` (Windows `C:\Users\NAME\.huaweicloud\credentials`), or the path in
 * `HUAWEICLOUD_SDK_CREDENTIALS_FILE`; INI whose sections are credential types, `[basic]` (regional
 * services, with `project_id`) and `[global]` (global services, with `domain_id`); keys `ak`, `sk`,
 * `security_token` (temporary keys), `project_id`, `domain_id`, `iam_endpoint`, and `idp_id` +
 * `id_token_file` (federated OIDC, which this extension cannot use). The file names no region.
 * The Python SDK reads it with configparser (keys case-insensitive, `=` or `:`, whole-line `#`/`;`
 * comments, duplicate sections or keys are errors); the Go SDK with go-ini. Where the two differ,
 * this parser takes the stricter reading or reports a problem, so what it imports is what both SDKs
 * would use.
 *
 * KooCLI (`hcloud`) profiles, `~/.hcloud/config.json`: `{"current", "authEncrypt", "profiles": [{"name",
 * "mode", "accessKeyId", "secretAccessKey", "securityToken", "region", "projectId", "domainId",
 * "agencyName", …}]}` (field names as the Terraform provider's shared-config reader declares them,
 * terraform-provider-huaweicloud huaweicloud/config/auth.go). KooCLI encrypts the keys by default,
 * with a key generated per machine on first use, so only that KooCLI can decrypt them;
 * `hcloud configure set --cli-auth-encrypt=false` (KooCLI 5.2.7+) stores them in plain text and sets
 * `"authEncrypt": "false"` (a string; a boolean is accepted too). Modes other than AKSK (ecsAgency,
 * SSO, token, agency) carry no keys to import.
 */
import * as l10n from '@vscode/l10n';
import * as path from 'path';
import { REGION_ID_PATTERN } from './regions';

export type CredentialFileSource = 'sdkCredentialsFile' | 'kooCli';

export interface CandidateCredentials {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

/** One connection a file offers for import. */
export interface CandidateConnection {
  /** The section (SDK file) or profile (KooCLI) name. */
  name: string;
  source: CredentialFileSource;
  /** The file it came from, as given to the parser. */
  file: string;
  /** Regions the file names for it (KooCLI: the profile's region; the SDK file names none). */
  regions: string[];
  /** Region → project id, where the file names both. */
  projectIds: Record<string, string>;
  /** Present when the file holds the keys in plain text. */
  credentials?: { accessKey: string; secretKey: string; securityToken?: string };
  /** True when the file holds the keys encrypted (KooCLI's default): ask the user for them. */
  keysEncrypted?: boolean;
  /** A project id the file names without its region (the SDK file's `project_id`). */
  projectId?: string;
  /** The account (domain) id, when the file names it. */
  domainId?: string;
  /** The SDK file's `iam_endpoint` override. */
  iamEndpoint?: string;
  /** KooCLI's current profile. */
  current?: boolean;
  /** Things worth saying about this candidate; never a secret. */
  warnings: string[];
}

/** Something that kept (part of) a file from being imported; never contains a secret. */
export interface FileProblem {
  file: string;
  /** 1-based. */
  line?: number;
  field?: string;
  message: string;
}

export interface CredentialFileResult {
  candidates: CandidateConnection[];
  problems: FileProblem[];
}

/** Larger files are refused whole: a credentials file is a few hundred bytes. */
export const MAX_CREDENTIAL_FILE_BYTES = 1024 * 1024;
/** More candidates than this from one file are not offered (the problems say so). */
export const MAX_CANDIDATES = 100;

export const SDK_CREDENTIALS_FILE_ENV = 'HUAWEICLOUD_SDK_CREDENTIALS_FILE';

const AK_PATTERN = /^[A-Za-z0-9]{1,128}$/;
const NO_SPACE_PATTERN = /^\S{1,8192}$/;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Names and keys are echoed in messages only when they look like names (so a pasted secret is not). */
const SAFE_NAME = /^[\p{L}\p{N} _.@-]{1,64}$/u;

/** A name shown in a message: as written when it looks like a name (not like a pasted key), else a stand-in. */
function shownName(name: string): string {
  return SAFE_NAME.test(name) && !/^[A-Za-z0-9]{16,}$/.test(name) ? name : l10n.t('(unnamed)');
}

/** An unknown INI key is named in a warning only when it reads like a key name: lower-case words. */
const SHOWN_KEY = /^[a-z_]{1,32}( [a-z_]{1,32}){0,3}$/;

function tooLarge(file: string): FileProblem {
  return {
    file,
    message: l10n.t(
      '{0} is larger than {1} KB; a credentials file is a few hundred bytes, so nothing was imported from it.',
      file,
      MAX_CREDENTIAL_FILE_BYTES / 1024,
    ),
  };
}

/** Why `text` cannot be parsed at all: not text, too large, or binary; undefined when it can. */
function unreadable(text: unknown, file: string): FileProblem | undefined {
  if (typeof text !== 'string') return { file, message: l10n.t('{0} could not be read as text.', file) };
  if (text.length > MAX_CREDENTIAL_FILE_BYTES || Buffer.byteLength(text, 'utf8') > MAX_CREDENTIAL_FILE_BYTES) return tooLarge(file);
  if (text.includes('\u0000')) {
    return { file, message: l10n.t('{0} is not a text file; nothing was imported from it.', file) };
  }
  return undefined;
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

function iamEndpointProblem(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password) return true;
    if (url.protocol === 'https:') return false;
    return !(url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
  } catch {
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// SDK credentials file (INI)

const SDK_KEYS = new Set(['ak', 'sk', 'security_token', 'project_id', 'domain_id', 'iam_endpoint', 'idp_id', 'id_token_file']);

interface IniSection {
  readonly name: string;
  readonly line: number;
  readonly values: Map<string, { value: string; line: number }>;
  readonly problems: FileProblem[];
  readonly warnings: string[];
}

/**
 * Each `[section]` of the Huawei SDK credentials file with an `ak` and `sk` becomes a candidate
 * named after the section. A section with any problem (a malformed line, a duplicate key, a missing
 * or malformed value) is not a candidate; the problems say what was skipped and why.
 */
export function parseSdkCredentialsFile(text: string, fileName: string): CredentialFileResult {
  const problems: FileProblem[] = [];
  const candidates: CandidateConnection[] = [];
  const problem = unreadable(text, fileName);
  if (problem) return { candidates, problems: [problem] };

  const sections: IniSection[] = [];
  let current: IniSection | undefined;
  let outsideReported = false;
  const lines = stripBom(text).split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    if (trimmed.startsWith('[')) {
      const match = /^\[([^\]]*)\]$/.exec(trimmed);
      const name = match?.[1].trim() ?? '';
      current = { name, line, values: new Map(), problems: [], warnings: [] };
      sections.push(current);
      if (!match) {
        current.problems.push({
          file: fileName,
          line,
          message: l10n.t(
            'Line {0} of {1} starts a section but is not of the form [name]; the keys below it were skipped.',
            line,
            fileName,
          ),
        });
      } else if (!name) {
        current.problems.push({
          file: fileName,
          line,
          message: l10n.t('Line {0} of {1} is a section without a name; the keys below it were skipped.', line, fileName),
        });
      }
      return;
    }
    const delimiter = trimmed.search(/[=:]/);
    if (!current) {
      if (!outsideReported) {
        problems.push({
          file: fileName,
          line,
          message: l10n.t(
            'Line {0} of {1} comes before any [section]; the SDKs refuse such a file, and the line was ignored.',
            line,
            fileName,
          ),
        });
        outsideReported = true;
      }
      return;
    }
    if (delimiter <= 0) {
      current.problems.push({
        file: fileName,
        line,
        message: l10n.t(
          'Line {0} of {1} is neither a [section] nor a key = value pair; section [{2}] was skipped.',
          line,
          fileName,
          shownName(current.name),
        ),
      });
      return;
    }
    const writtenKey = trimmed.slice(0, delimiter).trim();
    const key = writtenKey.toLowerCase();
    let value = trimmed.slice(delimiter + 1).trim();
    if (!SDK_KEYS.has(key)) {
      const shown = SHOWN_KEY.test(writtenKey) ? writtenKey : l10n.t('(unnamed)');
      current.warnings.push(l10n.t('Line {0}: the key "{1}" is not one the Huawei SDKs read; it was ignored.', line, shown));
      return;
    }
    const comment = /\s[#;]/.exec(value);
    if (comment) {
      value = value.slice(0, comment.index).trim();
      current.warnings.push(l10n.t('Line {0}: the text after {1} that looks like a comment was ignored.', line, key));
    }
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    if (current.values.has(key)) {
      current.problems.push({
        file: fileName,
        line,
        field: key,
        message: l10n.t(
          'Line {0} of {1} sets {2} a second time in section [{3}] (first on line {4}); the section was skipped.',
          line,
          fileName,
          key,
          shownName(current.name),
          current.values.get(key)!.line,
        ),
      });
      return;
    }
    current.values.set(key, { value, line });
  });

  const seen = new Map<string, IniSection>();
  const duplicates = new Set<string>();
  for (const section of sections) {
    if (!section.name) continue;
    const first = seen.get(section.name);
    if (first) {
      duplicates.add(section.name);
      problems.push({
        file: fileName,
        line: section.line,
        message: l10n.t(
          'Section [{0}] appears twice in {1} (lines {2} and {3}); the SDKs disagree on which one counts, so neither was imported.',
          shownName(section.name),
          fileName,
          first.line,
          section.line,
        ),
      });
    } else {
      seen.set(section.name, section);
    }
  }

  for (const section of sections) {
    if (section.problems.length > 0) {
      problems.push(...section.problems);
      continue;
    }
    if (duplicates.has(section.name)) continue;
    const candidate = sdkCandidate(section, fileName, problems);
    if (!candidate) continue;
    if (candidates.length >= MAX_CANDIDATES) {
      problems.push({
        file: fileName,
        line: section.line,
        message: l10n.t('{0} holds more than {1} sections; the rest were not offered.', fileName, MAX_CANDIDATES),
      });
      break;
    }
    candidates.push(candidate);
  }
  if (candidates.length === 0 && problems.length === 0) {
    problems.push({ file: fileName, message: l10n.t('{0} holds no section with an ak and sk.', fileName) });
  }
  return { candidates, problems };
}

function sdkCandidate(section: IniSection, file: string, problems: FileProblem[]): CandidateConnection | undefined {
  const name = shownName(section.name);
  const get = (key: string) => {
    const entry = section.values.get(key);
    return entry && entry.value !== '' ? entry : undefined;
  };
  const fail = (key: string, message: string) => {
    problems.push({ file, line: section.values.get(key)?.line ?? section.line, field: key, message });
    return undefined;
  };
  const ak = get('ak');
  const sk = get('sk');
  if (!ak || !sk) {
    if (get('idp_id') || get('id_token_file')) {
      return fail(
        'idp_id',
        l10n.t(
          'Section [{0}] of {1} uses federated sign-in (idp_id, id_token_file), which this extension cannot use; it was skipped.',
          name,
          file,
        ),
      );
    }
    const missing = !ak ? 'ak' : 'sk';
    return fail(missing, l10n.t('Section [{0}] of {1} has no {2}; it was skipped.', name, file, missing));
  }
  if (!AK_PATTERN.test(ak.value)) {
    return fail(
      'ak',
      l10n.t('The ak in section [{0}] of {1} has characters an access key never has; the section was skipped.', name, file),
    );
  }
  for (const key of ['sk', 'security_token']) {
    const entry = get(key);
    if (entry && !NO_SPACE_PATTERN.test(entry.value)) {
      return fail(key, l10n.t('The {0} in section [{1}] of {2} contains spaces or is too long; the section was skipped.', key, name, file));
    }
  }
  for (const key of ['project_id', 'domain_id']) {
    const entry = get(key);
    if (entry && !ID_PATTERN.test(entry.value)) {
      return fail(
        key,
        l10n.t('The {0} in section [{1}] of {2} is not an id (letters, digits, - and _); the section was skipped.', key, name, file),
      );
    }
  }
  const iamEndpoint = get('iam_endpoint');
  if (iamEndpoint && iamEndpointProblem(iamEndpoint.value)) {
    return fail(
      'iam_endpoint',
      l10n.t('The iam_endpoint in section [{0}] of {1} is not an https:// URL; the section was skipped.', name, file),
    );
  }
  const token = get('security_token');
  const warnings = [...section.warnings];
  if (token) warnings.push(l10n.t('These are temporary keys (security_token): they stop working when they expire.'));
  const projectId = get('project_id')?.value;
  if (projectId)
    warnings.push(l10n.t('The file names project {0} but not its region; it is used for the region IAM says it belongs to.', projectId));
  return {
    name: section.name,
    source: 'sdkCredentialsFile',
    file,
    regions: [],
    projectIds: {},
    credentials: { accessKey: ak.value, secretKey: sk.value, ...(token ? { securityToken: token.value } : {}) },
    ...(projectId ? { projectId } : {}),
    ...(get('domain_id') ? { domainId: get('domain_id')!.value } : {}),
    ...(iamEndpoint ? { iamEndpoint: iamEndpoint.value } : {}),
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// KooCLI config.json

function jsonErrorLine(text: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+)/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return text.slice(0, Number(position[1])).split(/\r\n|\r|\n/).length;
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/**
 * Each AKSK profile of KooCLI's config.json becomes a candidate with its region and project id.
 * When KooCLI stored the keys encrypted (its default) the candidate has `keysEncrypted: true` and no
 * keys; when plain, the keys are in `credentials`. A profile with a problem (wrong types, another
 * authentication mode, a malformed region) is not a candidate; the problems say which and why.
 */
export function parseKooCliConfig(text: string, fileName: string): CredentialFileResult {
  const problems: FileProblem[] = [];
  const candidates: CandidateConnection[] = [];
  const problem = unreadable(text, fileName);
  if (problem) return { candidates, problems: [problem] };
  const body = stripBom(text);
  let config: unknown;
  try {
    config = JSON.parse(body);
  } catch (error) {
    const line = jsonErrorLine(body, error);
    return {
      candidates,
      problems: [
        line === undefined
          ? { file: fileName, message: l10n.t('{0} is not valid JSON; nothing was imported from it.', fileName) }
          : {
              file: fileName,
              line,
              message: l10n.t('{0} is not valid JSON (near line {1}); nothing was imported from it.', fileName, line),
            },
      ],
    };
  }
  if (!isRecord(config)) {
    return {
      candidates,
      problems: [
        { file: fileName, message: l10n.t('{0} does not hold a KooCLI configuration (a JSON object with "profiles").', fileName) },
      ],
    };
  }
  const profiles = own(config, 'profiles');
  if (!Array.isArray(profiles)) {
    return {
      candidates,
      problems: [
        { file: fileName, field: 'profiles', message: l10n.t('{0} has no "profiles" list; nothing was imported from it.', fileName) },
      ],
    };
  }

  const authEncrypt = own(config, 'authEncrypt');
  let encrypted: boolean;
  if (authEncrypt === false || authEncrypt === 'false') encrypted = false;
  else if (authEncrypt === undefined || authEncrypt === true || authEncrypt === 'true') encrypted = true;
  else {
    encrypted = true;
    problems.push({
      file: fileName,
      field: 'authEncrypt',
      message: l10n.t('"authEncrypt" in {0} is neither true nor false; the keys are treated as encrypted and not imported.', fileName),
    });
  }
  const currentName = typeof own(config, 'current') === 'string' ? (own(config, 'current') as string) : undefined;

  const names = new Map<string, number>();
  profiles.forEach((profile) => {
    if (isRecord(profile) && typeof own(profile, 'name') === 'string') {
      const name = (own(profile, 'name') as string).trim();
      names.set(name, (names.get(name) ?? 0) + 1);
    }
  });

  for (let index = 0; index < profiles.length; index++) {
    const candidate = kooCliCandidate(profiles[index], index, fileName, encrypted, names, problems);
    if (!candidate) continue;
    if (candidates.length >= MAX_CANDIDATES) {
      problems.push({
        file: fileName,
        field: `profiles[${index}]`,
        message: l10n.t('{0} holds more than {1} profiles; the rest were not offered.', fileName, MAX_CANDIDATES),
      });
      break;
    }
    if (candidate.name === currentName) candidate.current = true;
    candidates.push(candidate);
  }
  if (candidates.length === 0 && problems.length === 0) {
    problems.push({ file: fileName, field: 'profiles', message: l10n.t('{0} holds no KooCLI profile.', fileName) });
  }
  return { candidates, problems };
}

function kooCliCandidate(
  profile: unknown,
  index: number,
  file: string,
  encrypted: boolean,
  names: ReadonlyMap<string, number>,
  problems: FileProblem[],
): CandidateConnection | undefined {
  const at = `profiles[${index}]`;
  const fail = (field: string, message: string) => {
    problems.push({ file, field, message });
    return undefined;
  };
  if (!isRecord(profile)) return fail(at, l10n.t('Profile {0} of {1} is not a JSON object; it was skipped.', index + 1, file));
  const rawName = own(profile, 'name');
  if (typeof rawName !== 'string' || rawName.trim() === '') {
    return fail(`${at}.name`, l10n.t('Profile {0} of {1} has no name; it was skipped.', index + 1, file));
  }
  const name = rawName.trim();
  const shown = shownName(name);
  if ((names.get(name) ?? 0) > 1) {
    return fail(`${at}.name`, l10n.t('The profile name "{0}" appears more than once in {1}; none of them was imported.', shown, file));
  }
  const strings: Record<string, string> = {};
  for (const field of ['mode', 'region', 'projectId', 'domainId', 'accessKeyId', 'secretAccessKey', 'securityToken']) {
    const value = own(profile, field);
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      return fail(`${at}.${field}`, l10n.t('Profile "{0}" of {1}: {2} should be text; the profile was skipped.', shown, file, field));
    }
    strings[field] = value.trim();
  }
  const mode = strings.mode ?? '';
  if (mode !== '' && mode.toUpperCase() !== 'AKSK') {
    const shownMode = /^[A-Za-z]{1,20}$/.test(mode) ? mode : l10n.t('another');
    return fail(
      `${at}.mode`,
      l10n.t('Profile "{0}" of {1} uses the {2} authentication mode; only AKSK profiles can be imported.', shown, file, shownMode),
    );
  }
  const region = strings.region ?? '';
  if (region && !REGION_ID_PATTERN.test(region)) {
    return fail(`${at}.region`, l10n.t('Profile "{0}" of {1} has a region that is not a region id; the profile was skipped.', shown, file));
  }
  for (const field of ['projectId', 'domainId']) {
    if (strings[field] && !ID_PATTERN.test(strings[field])) {
      return fail(
        `${at}.${field}`,
        l10n.t('Profile "{0}" of {1}: {2} is not an id (letters, digits, - and _); the profile was skipped.', shown, file, field),
      );
    }
  }
  const warnings: string[] = [];
  const projectId = strings.projectId ?? '';
  const candidate: CandidateConnection = {
    name,
    source: 'kooCli',
    file,
    regions: region ? [region] : [],
    projectIds: region && projectId ? { [region]: projectId } : {},
    ...(projectId && !region ? { projectId } : {}),
    ...(strings.domainId ? { domainId: strings.domainId } : {}),
    warnings,
  };
  if (projectId && !region)
    warnings.push(l10n.t('The profile names project {0} but no region; it is used for the region IAM says it belongs to.', projectId));
  if (encrypted) {
    candidate.keysEncrypted = true;
    return candidate;
  }
  const accessKey = strings.accessKeyId ?? '';
  const secretKey = strings.secretAccessKey ?? '';
  if (!accessKey || !secretKey) {
    const field = !accessKey ? 'accessKeyId' : 'secretAccessKey';
    return fail(`${at}.${field}`, l10n.t('Profile "{0}" of {1} has no {2}; it was skipped.', shown, file, field));
  }
  if (!AK_PATTERN.test(accessKey)) {
    return fail(
      `${at}.accessKeyId`,
      l10n.t(
        'The accessKeyId of profile "{0}" in {1} has characters an access key never has (still encrypted?); the profile was skipped.',
        shown,
        file,
      ),
    );
  }
  for (const field of ['secretAccessKey', 'securityToken']) {
    if (strings[field] && !NO_SPACE_PATTERN.test(strings[field])) {
      return fail(
        `${at}.${field}`,
        l10n.t('Profile "{0}" of {1}: {2} contains spaces or is too long; the profile was skipped.', shown, file, field),
      );
    }
  }
  const token = strings.securityToken ?? '';
  if (token) warnings.push(l10n.t('These are temporary keys (security_token): they stop working when they expire.'));
  candidate.credentials = { accessKey, secretKey, ...(token ? { securityToken: token } : {}) };
  return candidate;
}

// ---------------------------------------------------------------------------------------------
// Reading both files

/** Reads a file as UTF-8 text; rejects with an error whose `code` is 'ENOENT' when it does not exist. */
export type ReadTextFile = (filePath: string) => Promise<string>;

export interface CredentialSourceFile {
  readonly file: string;
  /** False when the file does not exist (not a problem: most machines have neither). */
  readonly found: boolean;
  readonly result: CredentialFileResult;
}

export interface CredentialSources {
  readonly sdkCredentialsFile: CredentialSourceFile;
  readonly kooCli: CredentialSourceFile;
  /** Both files' candidates, SDK file first. */
  readonly candidates: CandidateConnection[];
  readonly problems: FileProblem[];
}

/** Where the Huawei SDKs look for their credentials file: `HUAWEICLOUD_SDK_CREDENTIALS_FILE`, else `~/.huaweicloud/credentials`. */
export function sdkCredentialsFilePath(env: Readonly<Record<string, string | undefined>>, homeDir: string): string {
  const override = env[SDK_CREDENTIALS_FILE_ENV];
  return override && override.trim() !== '' ? override : path.join(homeDir, '.huaweicloud', 'credentials');
}

/** Where KooCLI keeps its profiles: `~/.hcloud/config.json`. */
export function kooCliConfigPath(homeDir: string): string {
  return path.join(homeDir, '.hcloud', 'config.json');
}

async function readSource(
  file: string,
  readFile: ReadTextFile,
  parse: (text: string, file: string) => CredentialFileResult,
): Promise<CredentialSourceFile> {
  let text: string;
  try {
    text = await readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown } | undefined)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'FileNotFound')
      return { file, found: false, result: { candidates: [], problems: [] } };
    const reason = typeof code === 'string' && /^[A-Za-z_]{1,40}$/.test(code) ? code : l10n.t('unknown error');
    // EFBIG: the reader refused a file too large to be a credentials file before reading it.
    const problem = code === 'EFBIG' ? tooLarge(file) : { file, message: l10n.t('{0} could not be read ({1}).', file, reason) };
    return { file, found: true, result: { candidates: [], problems: [problem] } };
  }
  return { file, found: true, result: parse(text, file) };
}

/**
 * Reads the SDK credentials file and KooCLI's config through `readFile` and parses both. A missing
 * file is `found: false`, an unreadable one a problem; never throws for the files' sake.
 */
export async function readCredentialSources(
  env: Readonly<Record<string, string | undefined>>,
  homeDir: string,
  readFile: ReadTextFile,
): Promise<CredentialSources> {
  const [sdk, kooCli] = await Promise.all([
    readSource(sdkCredentialsFilePath(env, homeDir), readFile, parseSdkCredentialsFile),
    readSource(kooCliConfigPath(homeDir), readFile, parseKooCliConfig),
  ]);
  return {
    sdkCredentialsFile: sdk,
    kooCli,
    candidates: [...sdk.result.candidates, ...kooCli.result.candidates],
    problems: [...sdk.result.problems, ...kooCli.result.problems],
  };
}
