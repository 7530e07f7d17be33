import * as l10n from '@vscode/l10n';
import type { Backup, ServiceId } from '../../cloud/model';
import { formatBytes, listText, STATUS_ICONS, statusLabel, typeLabel } from '../../cloud/format';
import type { RestorePointAnswer } from '../../domain/findRestorePoint';
import { restoreRole, type ChainBreak, type RestoreChain } from '../../domain/restoreChain';
import { durationInWords } from '../../domain/timelineText';
import type { DetailsError } from './details';
import { escapeHtml } from './escape';
import { fillHtml, renderPage, type WebviewResources } from './page';
import { localTime, utcTime } from './time';

/**
 * Pure HTML of the Find Restore Point… panel: the verdict of the service's restorable ranges (the
 * authority), the data-loss window, the best chain with its broken links, the alternatives, every
 * backup read (each opening its panel) and how the list was read.
 */

export interface RestorePointInstanceRef {
  readonly service: ServiceId;
  readonly id: string;
  readonly name: string;
}

/** What the page hands back after a window reload, to ask again (state.ts checks it). */
export interface RestorePointState {
  readonly kind: 'restorePoint';
  readonly instance: RestorePointInstanceRef;
  readonly moment: number;
  readonly scopeKey?: string;
}

export interface RestorePointPageInput {
  readonly instance: RestorePointInstanceRef;
  readonly serviceLabel: string;
  readonly moment: number;
  /** The connection and region asked (Scope.key); undefined: the default one. */
  readonly scopeKey?: string;
  /** Undefined while the search runs. */
  readonly answer?: RestorePointAnswer;
  readonly error?: DetailsError;
  readonly resources: WebviewResources;
}

const code = (text: unknown) => `<code>${escapeHtml(text)}</code>`;
const muted = (html: string) => `<span class="muted">${html}</span>`;

/** `2026-11-21 14:02:11 (UTC+08:00)` with the UTC time below. */
function bothTimes(instant: number | undefined, raw?: string | number): string {
  if (instant === undefined) return raw === undefined ? muted('—') : code(raw);
  return `<span class="time">${escapeHtml(localTime(instant))}</span><br><span class="time muted">${escapeHtml(utcTime(instant))}</span>`;
}

/** Minutes where it matters (a loss window of a few minutes), else days and hours. */
export function windowText(ms: number): string {
  if (ms <= 0) return l10n.t('nothing: the moment itself can be restored to');
  if (ms < 3_600_000) return l10n.t('{0} min', Math.max(1, Math.round(ms / 60_000)));
  return durationInWords(ms);
}

function backupButton(backup: Backup): string {
  return (
    `<button type="button" class="link" data-action="open" data-backup-id="${escapeHtml(backup.id)}">` +
    `${escapeHtml(backup.name || backup.id)}</button>`
  );
}

function statusBadge(backup: Backup): string {
  return (
    `<span class="status status-${backup.status}"><span class="codicon codicon-${STATUS_ICONS[backup.status].icon}" ` +
    `aria-hidden="true"></span> ${escapeHtml(statusLabel(backup.status, backup.rawStatus))}</span>`
  );
}

function backupTypeText(backup: Backup): string {
  const type = typeLabel(backup.type, backup.rawType);
  return backup.incremental === true && restoreRole(backup) === 'incremental' && backup.type !== 'incremental'
    ? l10n.t('{0}, incremental', type)
    : type;
}

function verdict(answer: RestorePointAnswer): string {
  const ranges = answer.rangeFindings;
  const lines: string[] = [];
  let cls = 'ok';
  if (!ranges) {
    lines.push(escapeHtml(l10n.t('This service publishes no restorable time ranges: the answer comes from its backups.')));
  } else if (ranges.error) {
    cls = 'warning';
    lines.push(escapeHtml(l10n.t('The restorable time ranges could not be read ({0}): the answer comes from the backups.', ranges.error)));
  } else if (ranges.containing) {
    lines.push(
      fillHtml(
        l10n.t('The moment lies inside a restorable range ({0} → {1}): it can be restored to exactly.'),
        escapeHtml(localTime(ranges.containing.from)),
        escapeHtml(localTime(ranges.containing.to)),
      ),
    );
  } else {
    cls = 'warning';
    lines.push(
      answer.lastRestorable !== undefined
        ? fillHtml(
            l10n.t('The moment is not inside any restorable range. The nearest restorable moment before it is {0}.'),
            `<strong>${escapeHtml(localTime(answer.lastRestorable))}</strong> ${muted(escapeHtml(utcTime(answer.lastRestorable)))}`,
          )
        : escapeHtml(l10n.t('The moment is not inside any restorable range, and no restorable moment before it was found.')),
    );
  }
  if (ranges && !ranges.containing && !ranges.error && answer.lastRestorable === undefined) cls = 'error';
  if (!ranges || ranges.error) {
    lines.push(
      answer.lastRestorable !== undefined
        ? fillHtml(
            l10n.t('The latest moment the backups restore to is {0}.'),
            `<strong>${escapeHtml(localTime(answer.lastRestorable))}</strong> ${muted(escapeHtml(utcTime(answer.lastRestorable)))}`,
          )
        : escapeHtml(l10n.t('No backup found restores to this moment or before it.')),
    );
    if (answer.lastRestorable === undefined) cls = 'error';
  }
  const loss =
    answer.lossWindowMs !== undefined
      ? `<p class="loss"><span class="codicon codicon-${answer.lossWindowMs > 0 ? 'warning' : 'pass'}" aria-hidden="true"></span> ` +
        `${fillHtml(l10n.t('Data-loss window: {0}'), `<strong>${escapeHtml(windowText(answer.lossWindowMs))}</strong>`)} ` +
        `${muted(escapeHtml(l10n.t('(the moment minus the last restorable point)')))}</p>`
      : '';
  return (
    `<section id="verdict" class="verdict verdict-${cls}"><h2>${escapeHtml(l10n.t('Can it be restored to this moment?'))}</h2>` +
    `${lines.map((line) => `<p>${line}</p>`).join('')}${loss}</section>`
  );
}

function breakText(broken: ChainBreak): string {
  switch (broken.kind) {
    case 'failed':
      return fillHtml(
        l10n.t('Broken link: {0} failed; the chain stops at {1}.'),
        backupButton(broken.backup!),
        escapeHtml(localTime(broken.from)),
      );
    case 'unusable':
      return fillHtml(
        l10n.t('Broken link: {0} cannot be applied ({1}); the chain stops at {2}.'),
        backupButton(broken.backup!),
        escapeHtml(statusLabel(broken.backup!.status, broken.backup!.rawStatus)),
        escapeHtml(localTime(broken.from)),
      );
    case 'gap':
      return escapeHtml(
        l10n.t(
          'Broken link: no piece between {0} and {1}, so one is missing; the chain stops at {0}.',
          localTime(broken.from),
          localTime(broken.to),
        ),
      );
  }
}

function chainHtml(chain: RestoreChain, id: string, heading: string): string {
  const pieces = chain.pieces.map(
    (piece) =>
      `<li class="piece">${escapeHtml(l10n.t('then apply'))} ${backupButton(piece)} ${muted(escapeHtml(backupTypeText(piece)))} ` +
      `${muted(escapeHtml(localTime(piece.end.instant ?? piece.start.instant ?? 0)))}</li>`,
  );
  const breaks = chain.breaks.map(
    (broken) => `<li class="break"><span class="codicon codicon-error" aria-hidden="true"></span> ${breakText(broken)}</li>`,
  );
  return (
    `<section id="${id}" class="chain${chain.breaks.length ? ' broken' : ''}"><h2>${escapeHtml(heading)}</h2>` +
    `<ol class="chain"><li class="full">${escapeHtml(l10n.t('restore'))} ${backupButton(chain.full)} ` +
    `${muted(escapeHtml(backupTypeText(chain.full)))} ${muted(escapeHtml(localTime(chain.full.start.instant ?? 0)))}</li>` +
    `${pieces.join('')}${breaks.join('')}</ol>` +
    `<p>${fillHtml(
      l10n.t('Restores to {0}; data-loss window {1}.'),
      `<strong>${escapeHtml(localTime(chain.restorableTo))}</strong>`,
      `<strong>${escapeHtml(windowText(chain.lossWindowMs))}</strong>`,
    )}</p></section>`
  );
}

function best(answer: RestorePointAnswer): string {
  if (!answer.best)
    return (
      `<section id="best" class="chain broken"><h2>${escapeHtml(l10n.t('Backup to restore from'))}</h2>` +
      `<p>${escapeHtml(l10n.t('No succeeded full backup finished before this moment among the backups read.'))}</p></section>`
    );
  return chainHtml(answer.best, 'best', l10n.t('Backup to restore from'));
}

function alternatives(answer: RestorePointAnswer): string {
  if (!answer.alternatives.length) return '';
  return `<div id="alternatives">${answer.alternatives
    .map((chain, i) => chainHtml(chain, `alternative-${i + 1}`, l10n.t('Alternative: the previous good full backup')))
    .join('')}</div>`;
}

function rangesHtml(answer: RestorePointAnswer): string {
  const findings = answer.rangeFindings;
  if (!findings || findings.error) return '';
  const rows = findings.ranges.map(
    (range) =>
      `<tr${findings.containing === range ? ' class="containing"' : ''}><td>${bothTimes(range.from)}</td><td>${bothTimes(range.to)}</td></tr>`,
  );
  const reversed = findings.reversed.length
    ? `<p class="muted">${escapeHtml(l10n.t('{0} reversed ranges (end before start) were ignored.', findings.reversed.length))}</p>`
    : '';
  return (
    `<section id="ranges"><h2>${escapeHtml(l10n.t('Restorable time ranges'))}</h2>` +
    `<p class="muted">${escapeHtml(l10n.t('Read for the days (UTC): {0}', listText(findings.daysRead)))}</p>` +
    (rows.length
      ? `<table class="backups"><thead><tr><th>${escapeHtml(l10n.t('From'))}</th><th>${escapeHtml(l10n.t('To'))}</th></tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table>`
      : `<p>${escapeHtml(l10n.t('No restorable range on those days.'))}</p>`) +
    `${reversed}</section>`
  );
}

function named(answer: RestorePointAnswer): Set<string> {
  const chains = [answer.best, ...answer.alternatives].filter((chain): chain is RestoreChain => chain !== undefined);
  return new Set(
    chains.flatMap((chain) => [
      chain.full.id,
      ...chain.pieces.map((b) => b.id),
      ...chain.breaks.flatMap((b) => (b.backup ? [b.backup.id] : [])),
    ]),
  );
}

function backupsTable(answer: RestorePointAnswer): string {
  const inAnswer = named(answer);
  const rows = answer.backups.map(
    (b) =>
      `<tr${inAnswer.has(b.id) ? ' class="in-answer"' : ''}><td>${backupButton(b)}</td><td>${statusBadge(b)}</td>` +
      `<td>${escapeHtml(backupTypeText(b))}</td><td>${bothTimes(b.start.instant, b.start.raw)}</td>` +
      `<td>${bothTimes(b.end.instant, b.end.raw)}</td>` +
      `<td class="num">${b.sizeBytes !== undefined ? escapeHtml(formatBytes(b.sizeBytes)) : ''}</td></tr>`,
  );
  const th = (label: string, cls = '') => `<th${cls ? ` class="${cls}"` : ''}>${escapeHtml(label)}</th>`;
  const head =
    th(l10n.t('Name')) + th(l10n.t('Status')) + th(l10n.t('Type')) + th(l10n.t('Start')) + th(l10n.t('End')) + th(l10n.t('Size'), 'num');
  return (
    `<section id="backups"><h2>${escapeHtml(l10n.t('Backups read ({0})', answer.backups.length))}</h2>` +
    (rows.length
      ? `<table class="backups"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`
      : `<p>${escapeHtml(l10n.t('No backups before this moment.'))}</p>`) +
    `</section>`
  );
}

/** "Filtered by time on the server: 2 requests, 31 records, back to …" or the client-side scan's reach. */
export function coverageText(answer: RestorePointAnswer): string {
  const c = answer.coverage;
  const back = localTime(c.readBackTo);
  const main = c.serverFiltered
    ? l10n.t('Read with the API’s time filter: {0} requests, {1} records, every backup back to {2}.', c.requests, c.recordsScanned, back)
    : l10n.t(
        'This API cannot filter by time: the list was scanned client-side, {0} requests and {1} records, back to {2}.',
        c.requests,
        c.recordsScanned,
        back,
      );
  const notes = [
    c.cut ? l10n.t('The scan stopped at its record limit before the answer was complete; older backups were not read.') : '',
    c.invalid ? l10n.t('{0} records could not be read and were skipped.', c.invalid) : '',
  ].filter(Boolean);
  return [main, ...notes].join(' ');
}

export function renderRestorePointHtml(input: RestorePointPageInput): string {
  const { instance, answer } = input;
  const title = l10n.t('Restore point: {0}', instance.name);
  const state: RestorePointState = { kind: 'restorePoint', instance, moment: input.moment, scopeKey: input.scopeKey };
  const error = input.error
    ? `<section id="load-error" class="banner error" role="alert"><h2><span class="codicon codicon-warning" aria-hidden="true"></span> ` +
      `${escapeHtml(l10n.t('Finding the restore point failed'))}</h2><p class="message">${escapeHtml(input.error.message)}</p>` +
      `${input.error.code ? `<p><code>${escapeHtml(input.error.code)}</code></p>` : ''}` +
      `${input.error.requestId ? `<p class="muted">${fillHtml(l10n.t('request id {0}'), code(input.error.requestId))}</p>` : ''}</section>`
    : '';
  const content = answer
    ? verdict(answer) +
      best(answer) +
      alternatives(answer) +
      rangesHtml(answer) +
      backupsTable(answer) +
      `<section id="coverage"><h2>${escapeHtml(l10n.t('How the backups were read'))}</h2><p>${escapeHtml(coverageText(answer))}</p></section>`
    : input.error
      ? ''
      : '<p class="loading"><span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span> ' +
        `${escapeHtml(l10n.t('Reading restorable ranges and backups…'))}</p>`;
  const button = (action: string, icon: string, label: string) =>
    `<button type="button" data-action="${action}"><span class="codicon codicon-${icon}" aria-hidden="true"></span> ` +
    `${escapeHtml(label)}</button>`;
  const toolbar =
    `<div class="toolbar">${button('refresh', 'refresh', l10n.t('Refresh'))}` +
    `${button('findRestorePoint', 'history', l10n.t('Another moment…'))}` +
    `${button('timeline', 'graph-line', l10n.t('Show Backup Timeline'))}</div>`;
  const body = `<main id="restore-point" data-state="${escapeHtml(JSON.stringify(state))}">
<header><h1><span class="codicon codicon-history" aria-hidden="true"></span> ${escapeHtml(title)}</h1>
<p class="muted">${escapeHtml(input.serviceLabel)} · ${code(instance.id)}</p>
<p class="moment">${fillHtml(
    l10n.t('Restore to {0} ({1})'),
    `<strong>${escapeHtml(localTime(input.moment))}</strong>`,
    escapeHtml(utcTime(input.moment)),
  )}</p>
${toolbar}
</header>
${error}${content}
</main>`;
  return renderPage({ resources: input.resources, title, body });
}
