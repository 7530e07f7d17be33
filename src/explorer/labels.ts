import * as l10n from '@vscode/l10n';
import {
  codeExplanation,
  formatBytes,
  formatRelative,
  lastCommitLabel,
  progressText,
  statusLabel,
  typeLabel,
  unfinishedText,
} from '../cloud/format';
import { isUnfinished, type Backup, type Instance, type TimeValue } from '../cloud/model';
import type { Noun } from '../cloud/services/adapter';
import { formatTime } from '../cloud/timeFormat';
import type { ListState, LoadKind } from './pagedList';

/**
 * The words of the tree: labels, descriptions and tooltips, as plain strings so they are tested
 * without a VS Code host. `treeItems.ts` puts them on TreeItems.
 */

export function backupNoun(): Noun {
  return { one: l10n.t('backup'), many: l10n.t('backups') };
}

/** "1 backup", "3 instances"; Chinese adds its measure word: "3 个实例". */
export function countOf(count: number, noun: Noun): string {
  return l10n.t('{0} {1}', count, count === 1 ? noun.one : noun.many);
}

function matchesText(count: number): string {
  return count === 1 ? l10n.t('1 match') : l10n.t('{0} matches', count);
}

/** What a node needs to know about its paged children to describe them. */
export interface ListFacts {
  readonly started: boolean;
  readonly loaded: number;
  readonly invalid: number;
  readonly total?: number;
  readonly scanned: number;
  readonly hasMore: boolean;
  readonly pageSize: number;
  readonly filtersClientSide: boolean;
  readonly loading?: LoadKind;
  readonly scanning?: { readonly scanned: number; readonly matches: number };
  readonly failed: boolean;
}

export function factsOf(list: ListState): ListFacts {
  return {
    started: list.started,
    loaded: list.items.length,
    invalid: list.invalid.length,
    total: list.total,
    scanned: list.scanned,
    hasMore: list.hasMore,
    pageSize: list.pageSize,
    // A filter the server applied leaves nothing out here; speak of matches only when pages were thinned.
    filtersClientSide: list.filtersClientSide && list.filteredOut > 0,
    loading: list.loading,
    scanning: list.scanning,
    failed: list.error !== undefined,
  };
}

/**
 * "143 backups (50 shown)", "12 matches · 300 of 1,000 scanned, more to scan",
 * "scanning… 300 scanned, 12 matches". Undefined before anything is loaded.
 */
export function listSummary(facts: ListFacts, noun: Noun): string | undefined {
  if (facts.scanning) return l10n.t('scanning… {0} scanned, {1}', facts.scanning.scanned, matchesText(facts.scanning.matches));
  if (!facts.started) {
    if (facts.loading) return l10n.t('loading…');
    return facts.failed ? l10n.t('failed to load') : undefined;
  }
  const parts = [loadedSummary(facts, noun)];
  if (facts.invalid > 0) parts.push(l10n.t('{0} invalid', facts.invalid));
  // Only while there is more to fetch: the last page of a Load All is in before its load has ended.
  if (facts.loading && facts.hasMore) parts.push(l10n.t('loading more…'));
  else if (facts.failed) parts.push(l10n.t('load failed'));
  return parts.join(' · ');
}

function loadedSummary(facts: ListFacts, noun: Noun): string {
  if (facts.filtersClientSide) {
    const matches = matchesText(facts.loaded);
    if (!facts.hasMore) return l10n.t('{0} in {1}', matches, countOf(facts.scanned, noun));
    return facts.total !== undefined
      ? l10n.t('{0} · {1} of {2} scanned, more to scan', matches, facts.scanned, facts.total)
      : l10n.t('{0} · {1} scanned, more to scan', matches, facts.scanned);
  }
  if (facts.total !== undefined) {
    const total = countOf(facts.total, noun);
    return facts.loaded < facts.total ? l10n.t('{0} ({1} shown)', total, facts.loaded) : total;
  }
  return facts.hasMore ? l10n.t('{0} {1} shown, more available', facts.loaded, noun.many) : countOf(facts.loaded, noun);
}

/** What an ended, empty list says: "No backups"; under a filter "No matches in 143 scanned". */
export function emptyListLabel(list: Pick<ListState, 'filtered' | 'scanned'>, noun: Noun): string {
  if (!list.filtered) return l10n.t('No {0}', noun.many);
  return list.scanned > 0 ? l10n.t('No matches in {0} scanned', list.scanned) : l10n.t('No matches');
}

/**
 * A service's server-side counts: "10 backups · 2 error"; "36 backups, any type · 2 error" when the
 * filter names types the count API cannot take, so the number never silently ignores the filter.
 */
export function serviceCountsText(counts: { readonly total: number; readonly failed?: number; readonly anyType?: boolean }): string {
  const backups = countOf(counts.total, backupNoun());
  const total = counts.anyType ? l10n.t('{0}, any type', backups) : backups;
  return counts.failed !== undefined ? l10n.t('{0} · {1} error', total, counts.failed) : total;
}

/** "Load 50 more… (50 of 143)"; with a client-side filter the next load scans for matches. */
export function loadMoreLabel(facts: ListFacts): string {
  if (facts.scanning) return l10n.t('Scanning… {0} scanned, {1}', facts.scanning.scanned, matchesText(facts.scanning.matches));
  if (facts.loading) return l10n.t('Loading…');
  const known = facts.total !== undefined;
  if (facts.filtersClientSide) {
    return known
      ? l10n.t('Scan for more matches… ({0} of {1} scanned)', facts.scanned, facts.total!)
      : l10n.t('Scan for more matches… ({0} loaded scanned)', facts.scanned);
  }
  const remaining = known ? Math.max(1, Math.min(facts.pageSize, facts.total! - facts.scanned)) : facts.pageSize;
  return known
    ? l10n.t('Load {0} more… ({1} of {2})', remaining, facts.scanned, facts.total!)
    : l10n.t('Load {0} more… ({1} loaded)', remaining, facts.scanned);
}

/**
 * "auto · 2 h ago · 1.2 GB", "manual · FAILED · 3 d ago", "auto · in progress · 5 min ago"; with a
 * resource and a full/incremental flag (CBR): "web-01 · auto · incremental · 2 h ago · 40 GB".
 */
export function backupDescription(backup: Backup, now: number): string {
  const parts: string[] = [backup.resourceName ?? '', typeLabel(backup.type, backup.rawType)];
  if (backup.incremental !== undefined) parts.push(backup.incremental ? l10n.t('incremental') : l10n.t('full'));
  if (backup.status === 'failed') parts.push(l10n.t('FAILED'));
  else if (backup.status === 'unknown') parts.push(backup.rawStatus);
  else if (backup.status !== 'succeeded') parts.push(statusLabel(backup.status));
  parts.push(timeText(backup.start, now));
  if (backup.sizeBytes !== undefined && backup.status !== 'failed') parts.push(formatBytes(backup.sizeBytes));
  return parts.filter((part) => part !== '').join(' · ');
}

/** Relative time of a parsed instant; the raw value when it did not parse; '' when absent. */
function timeText(time: TimeValue, now: number): string {
  if (time.instant !== undefined) return formatRelative(time.instant, now);
  return time.raw !== undefined ? String(time.raw) : '';
}

/** "2026-11-21 10:30:00 +08:00 (2026-11-21 02:30:00 UTC)", or the raw value, or "—". */
export function exactTime(time: TimeValue): string {
  if (time.instant === undefined) return time.raw !== undefined ? l10n.t('{0} (as received)', String(time.raw)) : '—';
  return `${formatTime(time.instant, 'YYYY-MM-DD HH:mm:ss Z')} (${formatTime(time.instant, 'YYYY-MM-DD HH:mm:ss', 'utc')} UTC)`;
}

/** Escapes text for inline Markdown (one line, so block syntax cannot start), including `|` for table cells. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]()#|<>~]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** Markdown of a backup's tooltip: every API string escaped. */
export function backupTooltip(backup: Backup, instance: Instance | undefined, now: number): string {
  const rows: [string, string][] = [
    [l10n.t('ID'), code(backup.id)],
    [l10n.t('Instance'), instanceText(backup, instance)],
    ...(backup.resourceName ? [[l10n.t('Resource'), escapeMarkdown(backup.resourceName)] as [string, string]] : []),
    [l10n.t('Status'), `${escapeMarkdown(statusLabel(backup.status))} (${code(backup.rawStatus)})`],
  ];
  if (backup.progress !== undefined) rows.push([l10n.t('Progress'), escapeMarkdown(progressText(backup.progress))]);
  rows.push(
    [l10n.t('Type'), `${escapeMarkdown(typeLabel(backup.type))}${backup.rawType ? ` (${code(backup.rawType)})` : ''}`],
    [l10n.t('Started'), escapeMarkdown(exactTime(backup.start))],
    endRow(backup, now),
    [l10n.t('Size'), sizeText(backup)],
  );
  if (backup.datastore) {
    rows.push([l10n.t('Datastore'), escapeMarkdown(`${backup.datastore.type} ${backup.datastore.version ?? ''}`.trim())]);
  }
  if (backup.errorCode) rows.push([l10n.t('Error code'), codeWithExplanation(backup.errorCode)]);
  if (backup.errorMessage) rows.push([l10n.t('Error'), escapeMarkdown(backup.errorMessage)]);
  const table = ['| | |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
  return `**${escapeMarkdown(backup.name || backup.id)}**\n\n${table}`;
}

/** "Ended", or for a backup still going "not finished, running for 3 h 12 min", or the last commit (RDS incremental). */
function endRow(backup: Backup, now: number): [string, string] {
  if (isUnfinished(backup.status)) {
    const doing = unfinishedText(backup, now);
    return [l10n.t('Ended'), escapeMarkdown(doing ? l10n.t('not finished, {0}', doing) : l10n.t('not finished'))];
  }
  if (backup.endMeaning === 'lastTransactionCommit') return [lastCommitLabel(), escapeMarkdown(exactTime(backup.end))];
  return [l10n.t('Ended'), escapeMarkdown(exactTime(backup.end))];
}

function instanceText(backup: Backup, instance: Instance | undefined): string {
  const name = instance?.name ?? backup.instanceName;
  return name ? `${escapeMarkdown(name)} (${code(backup.instanceId)})` : code(backup.instanceId);
}

function sizeText(backup: Backup): string {
  if (backup.sizeBytes === undefined) return '—';
  const raw = backup.rawSize ? ` (${escapeMarkdown(`${backup.rawSize.value} ${backup.rawSize.unit}`)})` : '';
  return `${escapeMarkdown(formatBytes(backup.sizeBytes))}${raw}`;
}

/** `` `dcs.08.0002` — The backup or restore timed out. (执行超时。) ``, or the code alone when the table does not know it. */
export function codeWithExplanation(errorCode: string): string {
  const explanation = codeExplanation(errorCode);
  return explanation ? `${code(errorCode)} — ${escapeMarkdown(explanation)}` : code(errorCode);
}

/** Inline code that survives backticks (and table pipes) in the value. */
export function code(text: string): string {
  const clean = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}
