import * as vscode from 'vscode';

/** The detail of a scan's result dialog: what was searched, and what was not (or only partly). */
export function coverageDetail(searched: readonly string[], notCovered: readonly string[]): string {
  const bullets = (lines: readonly string[]) => lines.map((line) => `• ${line}`).join('\n');
  const parts = [vscode.l10n.t('Searched:\n{0}', bullets(searched))];
  parts.push(
    notCovered.length
      ? vscode.l10n.t('Not searched or incomplete:\n{0}', bullets(notCovered))
      : vscode.l10n.t('Every enabled service was searched completely.'),
  );
  return parts.join('\n\n');
}
