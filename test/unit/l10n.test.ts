// Keeps the translations complete: every user-visible string of package.json goes through a
// `%key%` of package.nls.json, every English entry (manifest and l10n bundle) has a zh-cn
// translation, no zh-cn entry outlives its English source, and both sides carry the same
// placeholders, code spans and link targets. Terms: l10n/GLOSSARY.md.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const readJson = (relative: string) => JSON.parse(fs.readFileSync(path.join(ROOT, relative), 'utf8'));

/** Properties of a contribution that VS Code shows to the user. */
const USER_VISIBLE = new Set([
  'title',
  'shortTitle',
  'name',
  'contextualTitle',
  'contents',
  'category',
  'description',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'enumItemLabels',
  'displayName',
]);

/** An English text and where it came from (for the messages). */
type Messages = Record<string, string>;

const PLACEHOLDER = /^%([^%\s]+)%$/;

/** `%key%` placeholders of a manifest, and user-visible strings that are not placeholders. */
function manifestStrings(value: unknown, at = '', visible = false): { keys: string[]; literals: string[] } {
  if (typeof value === 'string') {
    const key = PLACEHOLDER.exec(value)?.[1];
    if (key) return { keys: [key], literals: [] };
    return { keys: [], literals: visible ? [`${at}: ${JSON.stringify(value)}`] : [] };
  }
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  const found = { keys: [] as string[], literals: [] as string[] };
  for (const [name, child] of entries) {
    // Array items inherit the visibility of their property (enumDescriptions: ["…", …]).
    const inner = manifestStrings(child, `${at}.${name}`, Array.isArray(value) ? visible : USER_VISIBLE.has(name));
    found.keys.push(...inner.keys);
    found.literals.push(...inner.literals);
  }
  return found;
}

/**
 * What must survive translation unchanged: `code spans`, markdown link targets (command links
 * included), {0}/{name} placeholders, $(codicons), and the number of lines (a welcome view's
 * buttons are links alone on their line).
 */
function invariants(text: string): string[] {
  const code = text.match(/`[^`]*`/g) ?? [];
  const prose = text.replace(/`[^`]*`/g, ' ');
  const links = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => `link ${match[1]}`);
  const braces = prose.replace(/\]\([^)]*\)/g, ' ').match(/\{[\w.]*\}/g) ?? [];
  const icons = prose.match(/\$\([\w~-]+\)/g) ?? [];
  const lines = `lines ${text.split('\n').length}`;
  return [...code, ...links, ...braces, ...icons, lines].sort();
}

/** Every way `translated` falls short of `english`; [] when it is complete and consistent. */
function translationProblems(english: Messages, translated: Messages): string[] {
  const problems: string[] = [];
  for (const [key, source] of Object.entries(english)) {
    const target = translated[key];
    if (typeof target !== 'string' || target.trim() === '') {
      problems.push(`missing translation: ${key}`);
      continue;
    }
    const expected = invariants(source).join(' | ');
    const actual = invariants(target).join(' | ');
    if (expected !== actual) problems.push(`placeholders differ in ${key}: English [${expected}], translation [${actual}]`);
  }
  for (const key of Object.keys(translated)) {
    if (!(key in english)) problems.push(`stale translation (no English source): ${key}`);
  }
  return problems;
}

/** bundle.l10n.json values are a message or {message, comment} (as @vscode/l10n-dev writes them). */
function bundleMessages(bundle: Record<string, string | { message: string }>): Messages {
  return Object.fromEntries(Object.entries(bundle).map(([key, value]) => [key, typeof value === 'string' ? value : value.message]));
}

describe('l10n: the translation checks themselves', () => {
  const english = { greet: 'Open `{service}` in [Settings](command:workbench.action.openSettings?%22x%22) for {0}', plain: 'Refresh' };
  const good = { greet: '在[设置](command:workbench.action.openSettings?%22x%22)中为 {0} 打开 `{service}`', plain: '刷新' };

  it('accepts a complete translation with the same placeholders', () => {
    assert.deepStrictEqual(translationProblems(english, good), []);
  });

  it('reports a missing or empty translation', () => {
    assert.deepStrictEqual(translationProblems(english, { greet: good.greet }), ['missing translation: plain']);
    assert.deepStrictEqual(translationProblems(english, { ...good, plain: ' ' }), ['missing translation: plain']);
  });

  it('reports a translation whose English source is gone', () => {
    assert.deepStrictEqual(translationProblems(english, { ...good, removed: '旧' }), ['stale translation (no English source): removed']);
  });

  it('reports changed placeholders, code spans, link targets and line counts', () => {
    for (const broken of [
      '在[设置](command:workbench.action.openSettings?%22x%22)中为 {1} 打开 `{service}`',
      '在[设置](command:workbench.action.openSettings?%22x%22)中为 {0} 打开 `服务`',
      '在[设置](command:hwcBackups.refresh)中为 {0} 打开 `{service}`',
      '在设置中为 {0} 打开 `{service}`',
      '在[设置](command:workbench.action.openSettings?%22x%22)中\n为 {0} 打开 `{service}`',
    ]) {
      const problems = translationProblems(english, { ...good, greet: broken });
      assert.strictEqual(problems.length, 1, broken);
      assert.match(problems[0], /^placeholders differ in greet/);
    }
  });
});

describe('l10n: package.json through package.nls.json', () => {
  const manifest = readJson('package.json');
  // The extension's own name and description (Extensions view, marketplace) and everything it contributes.
  const { keys, literals } = manifestStrings(
    { displayName: manifest.displayName, description: manifest.description, contributes: manifest.contributes },
    'package.json',
    true,
  );
  const nls: Messages = readJson('package.nls.json');

  it('shows no user-visible string (its name, its description, what it contributes) without a %key%', () => {
    assert.deepStrictEqual(literals, []);
  });

  it('has an English entry for every %key% package.json uses', () => {
    assert.deepStrictEqual(
      keys.filter((key) => !(key in nls)),
      [],
    );
  });

  it('has no English entry that package.json no longer uses', () => {
    const used = new Set(keys);
    assert.deepStrictEqual(
      Object.keys(nls).filter((key) => !used.has(key)),
      [],
    );
  });

  it('translates every entry into zh-cn, with the same placeholders and nothing stale', () => {
    assert.deepStrictEqual(translationProblems(nls, readJson('package.nls.zh-cn.json')), []);
  });

  it('keeps the acronym first in every service label', () => {
    const zh: Messages = readJson('package.nls.zh-cn.json');
    for (const id of manifest.contributes.configuration.properties['hwcBackups.services'].items.enum as string[]) {
      const key = `configuration.services.enum.${id}`;
      for (const label of [nls[key], zh[key]]) assert.ok(label?.startsWith(`${id.toUpperCase()} — `), `${key}: ${label}`);
    }
  });
});

describe('l10n: vscode.l10n.t bundles', () => {
  it('points package.json at l10n/, which holds the English bundle and its zh-cn translation', () => {
    assert.strictEqual(readJson('package.json').l10n, './l10n');
    assert.ok(fs.existsSync(path.join(ROOT, 'l10n', 'bundle.l10n.json')), 'l10n/bundle.l10n.json is missing');
    assert.ok(fs.existsSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json')), 'l10n/bundle.l10n.zh-cn.json is missing');
  });

  it('translates every message of bundle.l10n.json into zh-cn, with the same placeholders and nothing stale', () => {
    const english = bundleMessages(readJson('l10n/bundle.l10n.json'));
    assert.deepStrictEqual(translationProblems(english, readJson('l10n/bundle.l10n.zh-cn.json')), []);
  });

  it('holds exactly the messages of src/ (run `npm run l10n:export` after changing a string)', async function () {
    this.timeout(60_000);
    const sources = listFiles(path.join(ROOT, 'src'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => ({ extension: '.ts', contents: fs.readFileSync(file, 'utf8') }));
    const extracted = bundleMessages((await getL10nJson(sources)) as Record<string, string | { message: string }>);
    const committed = bundleMessages(readJson('l10n/bundle.l10n.json'));
    assert.deepStrictEqual(
      Object.keys(extracted).filter((key) => !(key in committed)),
      [],
      'messages in src/ missing from bundle.l10n.json',
    );
    assert.deepStrictEqual(
      Object.keys(committed).filter((key) => !(key in extracted)),
      [],
      'messages in bundle.l10n.json that src/ no longer has',
    );
  });

  it('keeps the acronym first in every service label of the zh-cn bundle', () => {
    const zh: Messages = readJson('l10n/bundle.l10n.zh-cn.json');
    const labels = Object.keys(zh).filter((key) => /^(RDS|DDS|DCS|GES|CSBS|CBR) — /.test(key));
    assert.strictEqual(labels.length, 6, labels.join(', '));
    for (const key of labels) assert.ok(zh[key].startsWith(key.split(' — ')[0] + ' — '), `${key}: ${zh[key]}`);
  });
});

function listFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}
