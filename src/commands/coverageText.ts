import * as vscode from 'vscode';
import { summarizeCoverage, type ScopeOutcome, type ServiceCoverage } from '../domain/backupScan';
import { describeError } from '../domain/errorText';
import { scopeLabel, type Scope } from '../domain/scope';

/**
 * What a search across scopes covered, one line per service and scope; with several connections or
 * regions each line says which, and a scope that failed is a line of what was not searched.
 */
export function scopedCoverage(outcomes: readonly ScopeOutcome<{ readonly coverage: readonly ServiceCoverage[] }>[]): {
  searched: string[];
  notCovered: string[];
} {
  const where = (scope: Scope, text: string) => (outcomes.length > 1 ? `${scopeLabel(scope)} · ${text}` : text);
  const searched: string[] = [];
  const notCovered: string[] = [];
  for (const { scope, value, error } of outcomes) {
    if (!value) {
      notCovered.push(where(scope, describeError(error)));
      continue;
    }
    const summary = summarizeCoverage(value.coverage);
    searched.push(...summary.searched.map((line) => where(scope, line)));
    notCovered.push(...summary.notCovered.map((line) => where(scope, line)));
  }
  return { searched, notCovered };
}

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
