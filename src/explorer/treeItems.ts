import * as vscode from 'vscode';
import { listText, STATUS_ICONS } from '../cloud/format';
import { CloudError, REGION_REFUSED } from '../cloud/http/errors';
import type { NormalizedStatus } from '../cloud/model';
import {
  backupDescription,
  backupTooltip,
  code,
  codeWithExplanation,
  emptyListLabel,
  escapeMarkdown,
  factsOf,
  listSummary,
  loadMoreLabel,
  serviceCountsText,
  backupNoun,
} from './labels';
import { regionNames } from '../cloud/regions';
import {
  BackupNode,
  ConnectionNode,
  CredentialsRejectedNode,
  EmptyNode,
  ErrorNode,
  InstanceNode,
  InvalidNode,
  LoadMoreNode,
  RegionNode,
  ScopeErrorNode,
  ServiceNode,
  type ExplorerNode,
} from './nodes';
import { COMMANDS } from '../commands/commandIds';
import { connectionUri, instanceUri, scopeUri, serviceUri } from './healthUris';

/** Builds the TreeItem of a node when the tree asks; nothing here is kept between calls. */
export function createTreeItem(node: ExplorerNode, now: number): vscode.TreeItem {
  if (node instanceof BackupNode) return backupItem(node, now);
  if (node instanceof InstanceNode) return instanceItem(node);
  if (node instanceof ServiceNode) return serviceItem(node);
  if (node instanceof LoadMoreNode) return loadMoreItem(node);
  if (node instanceof ErrorNode) return errorItem(node);
  if (node instanceof InvalidNode) return invalidItem(node);
  if (node instanceof EmptyNode) return emptyItem(node);
  if (node instanceof ConnectionNode) return connectionItem(node);
  if (node instanceof RegionNode) return regionItem(node);
  if (node instanceof ScopeErrorNode) return scopeErrorItem(node);
  return credentialsRejectedItem(node);
}

function connectionItem(node: ConnectionNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = node.regions.length === 1 ? vscode.l10n.t('1 region') : vscode.l10n.t('{0} regions', node.regions.length);
  item.iconPath = new vscode.ThemeIcon('account');
  item.contextValue = 'hwcBackups.connection';
  item.resourceUri = connectionUri(node.connectionId);
  item.tooltip = vscode.l10n.t('Connection "{0}": {1}', node.name, listText(node.regions.map((region) => region.region)));
  return item;
}

function regionItem(node: RegionNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.region, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = regionNames(node.region);
  item.iconPath = new vscode.ThemeIcon(node.failure ? 'warning' : 'globe');
  item.contextValue = 'hwcBackups.region';
  item.resourceUri = scopeUri(node.scope.key);
  return item;
}

/** Why a region shows nothing, with the fix: its own error, not the whole tree's. */
function scopeErrorItem(node: ScopeErrorNode): vscode.TreeItem {
  const error = node.error;
  const errorCode = error instanceof CloudError ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  // The fix first, where a narrow side bar still shows it; the API's words follow and fill the tooltip.
  const fix = scopeFix(error);
  const item = new vscode.TreeItem(errorCode ? `${errorCode} · ${fix}` : fix);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  item.contextValue = 'hwcBackups.scopeError';
  item.description = message;
  item.tooltip = markdown(errorMarkdown(error, fix));
  return item;
}

function scopeFix(error: unknown): string {
  const status = error instanceof CloudError ? error.status : undefined;
  const errorCode = error instanceof CloudError ? error.code : undefined;
  if (errorCode === 'NO_PROJECT') return vscode.l10n.t('No project in this region for these keys: hide it with Show or Hide Regions…');
  if (errorCode === 'NO_CREDENTIALS') return vscode.l10n.t('This connection has no keys: remove it and add it again.');
  if (status === 401) return vscode.l10n.t("The keys were rejected: check this connection's keys (remove it and add it again).");
  if (errorCode === REGION_REFUSED) {
    return vscode.l10n.t('This IAM user may not use this region: allow it in IAM, or hide it with Show or Hide Regions…');
  }
  if (status === 403) return vscode.l10n.t("The keys may not read this region's project: check the IAM permissions.");
  return vscode.l10n.t('Refresh to try again.');
}

/** The backup tooltip is built on hover only: with thousands of backups loaded it is most of a TreeItem's size. */
export function resolveTooltip(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
  if (node instanceof BackupNode && item.tooltip === undefined)
    item.tooltip = markdown(backupTooltip(node.backup, node.instance, Date.now()));
  return item;
}

/** The status icons of cloud/format.ts as ThemeIcons; in progress spins. */
const STATUS_THEME_ICONS = Object.fromEntries(
  Object.entries(STATUS_ICONS).map(([status, { icon, color }]) => [
    status,
    new vscode.ThemeIcon(status === 'inProgress' ? `${icon}~spin` : icon, color ? new vscode.ThemeColor(color) : undefined),
  ]),
) as Record<NormalizedStatus, vscode.ThemeIcon>;

function backupItem(node: BackupNode, now: number): vscode.TreeItem {
  const { backup } = node;
  const item = new vscode.TreeItem(backup.name || backup.id, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = backupDescription(backup, now);
  item.iconPath = STATUS_THEME_ICONS[backup.status];
  item.contextValue = `hwcBackups.backup.${backup.status}`;
  item.command = { command: COMMANDS.openDetails, title: vscode.l10n.t('Show Backup Details'), arguments: [node] };
  return item;
}

function instanceItem(node: InstanceNode): vscode.TreeItem {
  const { instance } = node;
  const item = new vscode.TreeItem(instance.name || instance.id, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  const summary = listSummary(factsOf(node.list), backupNoun());
  item.description = [instance.description, summary].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(node.parent.adapter.icons.instance);
  item.contextValue = 'hwcBackups.instance';
  // The health badges (healthDecorations.ts) are file decorations keyed on this URI; the label stays as set.
  item.resourceUri = instanceUri(node.parent.scope.key, node.service, instance.id);
  const lines = [
    `**${escapeMarkdown(instance.name || instance.id)}** (${escapeMarkdown(node.parent.adapter.instanceNoun.one)})`,
    '',
    vscode.l10n.t('ID: {0}', code(instance.id)),
  ];
  if (instance.status) lines.push('', vscode.l10n.t('Status: {0}', escapeMarkdown(instance.status)));
  if (instance.description) lines.push('', escapeMarkdown(instance.description));
  item.tooltip = markdown(lines.join('\n'));
  return item;
}

function serviceItem(node: ServiceNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.adapter.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  const parts: string[] = [];
  if (node.counts) parts.push(serviceCountsText(node.counts));
  const summary = listSummary(factsOf(node.list), node.adapter.instanceNoun);
  if (summary) parts.push(summary);
  item.description = parts.join(' · ');
  item.iconPath = new vscode.ThemeIcon(node.adapter.icons.service);
  item.tooltip = node.adapter.note && `${node.adapter.label}\n\n${node.adapter.note}`;
  item.contextValue = 'hwcBackups.service';
  item.resourceUri = serviceUri(node.scope.key, node.service);
  return item;
}

function emptyItem(node: EmptyNode): vscode.TreeItem {
  const { parent } = node;
  const noun = parent instanceof InstanceNode ? backupNoun() : parent.adapter.instanceNoun;
  const item = new vscode.TreeItem(emptyListLabel(parent.list, noun), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('info');
  item.contextValue = 'hwcBackups.empty';
  if (parent.list.filtered) item.tooltip = vscode.l10n.t('Nothing matches the filter. Clear Filter shows everything.');
  return item;
}

function loadMoreItem(node: LoadMoreNode): vscode.TreeItem {
  const facts = factsOf(node.parent.list);
  const item = new vscode.TreeItem(loadMoreLabel(facts), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon(facts.loading ? 'loading~spin' : 'fold-down');
  item.contextValue = 'hwcBackups.loadMore';
  item.tooltip = facts.filtersClientSide
    ? vscode.l10n.t(
        'The filter is applied to fetched pages: keeps fetching until it finds a page of matches or the list ends. Right-click for Load All.',
      )
    : vscode.l10n.t('Fetches the next page. Right-click for Load All.');
  item.command = { command: COMMANDS.loadMore, title: vscode.l10n.t('Load More'), arguments: [node] };
  return item;
}

function errorItem(node: ErrorNode): vscode.TreeItem {
  const error = node.error;
  const errorCode = error instanceof CloudError ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  // Cloud errors usually name their code in the message already.
  const text = errorCode && !message.includes(errorCode) ? `${errorCode}: ${message}` : message;
  const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const requestId = error instanceof CloudError ? error.requestId : undefined;
  item.description = requestId ? vscode.l10n.t('request {0} · click to retry', requestId) : vscode.l10n.t('click to retry');
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  item.contextValue = 'hwcBackups.error';
  item.tooltip = markdown(errorMarkdown(error, vscode.l10n.t('Click to retry.')));
  item.command = { command: COMMANDS.loadMore, title: vscode.l10n.t('Retry'), arguments: [node] };
  return item;
}

function invalidItem(node: InvalidNode): vscode.TreeItem {
  const { record } = node.entry;
  const item = new vscode.TreeItem(
    record.hint ? vscode.l10n.t('Invalid record: {0}', record.hint) : vscode.l10n.t('Invalid record: #{0} of its page', record.index + 1),
    vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  item.description = record.message;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  item.contextValue = 'hwcBackups.invalid';
  item.tooltip = markdown(
    [
      vscode.l10n.t('**The API returned a record this extension cannot read.** Its siblings are shown as usual.'),
      '',
      vscode.l10n.t('Problem: {0}', escapeMarkdown(record.message)),
      '',
      '```json',
      rawExcerpt(record.raw),
      '```',
    ].join('\n'),
  );
  return item;
}

function credentialsRejectedItem(node: CredentialsRejectedNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Credentials rejected: set new credentials…'), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.error instanceof CloudError ? (node.error.code ?? '') : '';
  item.iconPath = new vscode.ThemeIcon('key', new vscode.ThemeColor('errorForeground'));
  item.contextValue = 'hwcBackups.credentialsRejected';
  item.tooltip = markdown(
    errorMarkdown(
      node.error,
      vscode.l10n.t(
        'The API gateway rejected the access key, secret key or security token (or the clock is more than 15 minutes off). Click to set credentials.',
      ),
    ),
  );
  item.command = { command: COMMANDS.setCredentials, title: vscode.l10n.t('Set Credentials…') };
  return item;
}

function errorMarkdown(error: unknown, advice: string): string {
  const lines = [`**${escapeMarkdown(error instanceof Error ? error.message : String(error))}**`, ''];
  if (error instanceof CloudError) {
    if (error.code) lines.push(vscode.l10n.t('Code: {0}', codeWithExplanation(error.code)), '');
    if (error.status !== undefined) lines.push(vscode.l10n.t('HTTP status: {0}', error.status), '');
    if (error.requestId) lines.push(vscode.l10n.t('Request id: {0}', code(error.requestId)), '');
    if (error.details.request) lines.push(vscode.l10n.t('Request: {0}', escapeMarkdown(error.details.request)), '');
  }
  lines.push(advice);
  return lines.join('\n');
}

const RAW_EXCERPT_CHARS = 1500;

function rawExcerpt(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw, null, 2) ?? String(raw);
  } catch {
    text = String(raw);
  }
  text = text.length > RAW_EXCERPT_CHARS ? `${text.slice(0, RAW_EXCERPT_CHARS)}\n…` : text;
  // A fence inside the JSON would end the code block early.
  return text.replace(/```/g, '`\u200b``');
}

function markdown(text: string): vscode.MarkdownString {
  const result = new vscode.MarkdownString(text);
  result.supportHtml = false;
  result.isTrusted = false;
  return result;
}
