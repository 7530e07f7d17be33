import * as l10n from '@vscode/l10n';
import * as fs from 'fs';
import * as path from 'path';
import { prefersChinese } from './locale';

/**
 * The one table of Huawei Cloud error codes the extension can explain, in English and Chinese.
 * Only codes found in Huawei's published API references are listed; `source` names the page so a
 * reader can check the wording. Unknown codes are shown raw by the UI, never guessed at.
 */

export interface ErrorExplanation {
  readonly en: string;
  readonly zh: string;
  /** Where the meaning comes from (Huawei API reference page). */
  readonly source: string;
}

/**
 * `l10n/errorCodes.json`: `sources` names the API reference page of each group, `codes` maps a
 * code to `[english, chinese, source]`. Data, not code: it stays out of the bundle and is read
 * the first time a code needs explaining (issue 15). Found by walking up from this module, which
 * is `dist/` in the extension and `out/src/cloud/` in the unit tests.
 */
interface TableFile {
  readonly sources: Readonly<Record<string, string>>;
  readonly codes: Readonly<Record<string, readonly [en: string, zh: string, source: string]>>;
}

const TABLE_FILE = path.join('l10n', 'errorCodes.json');
let table: ReadonlyMap<string, ErrorExplanation> | undefined;

function loadTable(): ReadonlyMap<string, ErrorExplanation> {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, TABLE_FILE);
    if (fs.existsSync(file)) {
      const { sources, codes } = JSON.parse(fs.readFileSync(file, 'utf8')) as TableFile;
      return new Map(Object.entries(codes).map(([code, [en, zh, source]]) => [code.toUpperCase(), { en, zh, source: sources[source] }]));
    }
    if (path.dirname(dir) === dir) throw new Error(`${TABLE_FILE} is missing from the extension`);
  }
}

/**
 * The explanation of a Huawei error code, or undefined when the table does not know it.
 * Case-insensitive; the dedicated gateway's `APIG.xxxx` codes mean the same as `APIGW.xxxx`.
 */
export function explain(code: string | undefined | null): ErrorExplanation | undefined {
  const key = code?.trim().toUpperCase();
  if (!key) return undefined;
  table ??= loadTable();
  return table.get(key) ?? (key.startsWith('APIG.') ? table.get(`APIGW.${key.slice('APIG.'.length)}`) : undefined);
}

/** Every code the table explains, for documentation and tests. */
export function knownErrorCodes(): readonly string[] {
  table ??= loadTable();
  return [...table.keys()];
}

/** One language's explanation, with its `lang` for the panels' markup. */
export interface ExplanationText {
  readonly lang: 'en' | 'zh';
  readonly text: string;
}

/** Both explanations, Chinese first when the display language is Chinese, English first otherwise. */
export function explanationsInOrder(explanation: ErrorExplanation): readonly [ExplanationText, ExplanationText] {
  const en: ExplanationText = { lang: 'en', text: explanation.en };
  const zh: ExplanationText = { lang: 'zh', text: explanation.zh };
  return prefersChinese() ? [zh, en] : [en, zh];
}

/** What the UI says next to a code it cannot explain. */
export function unknownCodeNote(): string {
  return l10n.t("not in the extension's table");
}
