import * as l10n from '@vscode/l10n';

/*
 * The display language for the vscode-free layers. extension.ts hands over VS Code's language and
 * l10n bundle once, at activation; `l10n.t` in these layers then reads the same translations as
 * `vscode.l10n.t` in the UI. Unit tests call configureLocale to render in Chinese.
 */

let language = 'en';

export interface LocaleOptions {
  /** `vscode.env.language`: `en`, `zh-cn`, … */
  readonly language: string;
  /** `vscode.l10n.bundle`: undefined for English, which needs none. */
  readonly bundle?: l10n.l10nJsonFormat;
}

export function configureLocale(options: LocaleOptions): void {
  language = options.language.toLowerCase();
  // An empty bundle resets a previous one, so English after Chinese is English again.
  l10n.config({ contents: options.bundle ?? {} });
}

export function displayLanguage(): string {
  return language;
}

/** Chinese first where both languages are shown (error explanations). */
export function prefersChinese(): boolean {
  return language.startsWith('zh');
}

/** Formatters by language and options: building one costs far more than using it. */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** `1,234,567` with the display language's separators. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  const key = options ? `${language}|${JSON.stringify(options)}` : language;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

let separator: { readonly language: string; readonly text: string } | undefined;

/** The display language's decimal separator (`.` in English and Chinese, `,` in German), looked up once. */
export function decimalSeparator(): string {
  if (separator?.language !== language) {
    const text = new Intl.NumberFormat(language).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
    separator = { language, text };
  }
  return separator.text;
}
