import * as l10n from '@vscode/l10n';
import type { Backup, Instance, ServiceId } from '../cloud/model';
import type { HealthFinding, HealthReport } from '../domain/health';
import { describeFinding } from '../domain/healthReport';

/**
 * What the tree's health badges say (issue 14): an instance is marked when it is stale or its
 * latest backup failed; its service, region and connection nodes count the marked instances under
 * them. Pure: the decoration provider (healthDecorations.ts) turns these into `vscode.FileDecoration`s.
 *
 * Every node's path nests in its parent's: `/<connection>/<region>/<service>/<instance id>` (the
 * scope key is `<connection>/<region>`), so a count is the marks under a path.
 *
 * Where a mark comes from decides what may replace it: the last health scan covers every instance
 * and stands until the next scan (or a change of connection); an instance the scan did not cover is
 * judged from the backups the tree has loaded or, failing that, from one probe of its newest page.
 */

/** An instance node the tree drew, in its scope (connection and region). */
export interface ShownInstance {
  readonly scopeKey: string;
  readonly instance: Instance;
}

/** An instance's backups as the tree loaded them; `filtered` when a filter narrowed them (then they say nothing about health). */
export interface LoadedBackups extends ShownInstance {
  readonly backups: readonly Backup[];
  readonly filtered: boolean;
}

export const HEALTH_URI_SCHEME = 'hwc-backups';

export type MarkSource = 'report' | 'loaded' | 'probe';

export interface InstanceMark {
  readonly stale: boolean;
  readonly latestFailed: boolean;
  /** One line per finding that makes the mark, for the tooltip. */
  readonly reasons: readonly string[];
  readonly source: MarkSource;
}

/** A decoration as plain data: at most two characters of badge, a colour role, a tooltip. */
export interface MarkDecoration {
  readonly badge: string;
  readonly color: 'error' | 'warning';
  readonly tooltip: string;
}

/** The path of an instance node's `resourceUri`: `/<connection>/<region>/rds/<id>`. */
export function instancePath(scopeKey: string, service: ServiceId, instanceId: string): string {
  return `${servicePath(scopeKey, service)}/${instanceId}`;
}

export function servicePath(scopeKey: string, service: ServiceId): string {
  return `${scopePath(scopeKey)}/${service}`;
}

/** A region node's path: its scope key, `/<connection>/<region>`. */
export function scopePath(scopeKey: string): string {
  return `/${scopeKey}`;
}

export function connectionPath(connectionId: string): string {
  return `/${connectionId}`;
}

export interface HealthPath {
  readonly connectionId: string;
  readonly region?: string;
  readonly service?: ServiceId;
  /** May itself hold slashes. */
  readonly instanceId?: string;
}

/** What a path made above names, from a connection down to an instance. */
export function parseHealthPath(path: string): HealthPath | undefined {
  const match = /^\/([^/]+)(?:\/([^/]+)(?:\/([a-z]+)(?:\/(.+))?)?)?$/.exec(path);
  return match ? { connectionId: match[1], region: match[2], service: match[3], instanceId: match[4] } : undefined;
}

/** The paths above an instance's, nearest first: its service, region and connection. */
function ancestorsOf(path: string): string[] {
  const parsed = parseHealthPath(path);
  if (parsed?.instanceId === undefined) return [];
  const scopeKey = `${parsed.connectionId}/${parsed.region}`;
  return [servicePath(scopeKey, parsed.service!), scopePath(scopeKey), connectionPath(parsed.connectionId)];
}

/** The mark of one instance's findings, or undefined when nothing in them is badge-worthy. */
export function markOf(findings: readonly HealthFinding[], source: MarkSource): InstanceMark | undefined {
  const stale = findings.some((finding) => finding.kind === 'stale');
  const latestFailed = findings.some((finding) => finding.kind === 'failed' && finding.isLatest);
  if (!stale && !latestFailed) return undefined;
  const reasons = findings
    .filter((finding) => finding.kind === 'stale' || (finding.kind === 'failed' && finding.isLatest))
    .map((finding) => describeFinding(finding));
  return { stale, latestFailed, reasons, source };
}

/** An instance: ✕ in the error colour when its latest backup failed, else ! in the warning colour for stale. */
export function instanceDecoration(mark: InstanceMark): MarkDecoration {
  return {
    badge: mark.latestFailed ? '✕' : '!',
    color: mark.latestFailed ? 'error' : 'warning',
    tooltip: mark.reasons.join('\n'),
  };
}

/** A service, region or connection: the number of marked instances under it, in the error colour when any latest backup failed. */
export function countDecoration(marks: readonly InstanceMark[]): MarkDecoration | undefined {
  if (marks.length === 0) return undefined;
  const failed = marks.filter((mark) => mark.latestFailed).length;
  const stale = marks.filter((mark) => mark.stale).length;
  return {
    badge: marks.length > 99 ? '99' : String(marks.length),
    color: failed ? 'error' : 'warning',
    tooltip: l10n.t('Backup health: {0} stale, {1} with a failed latest backup', stale, failed),
  };
}

const RANK: Record<MarkSource, number> = { probe: 0, loaded: 1, report: 2 };

/**
 * The marks of every instance judged so far, by service and instance id. `judged` remembers the
 * instances with no mark too, so a healthy instance is not probed again.
 */
export class HealthMarks {
  private readonly marks = new Map<string, InstanceMark>();
  private readonly judged = new Map<string, MarkSource>();

  /** A scan covers every instance it names: its verdicts replace every earlier one for those. Returns the paths that changed. */
  applyReport(report: HealthReport): string[] {
    const changed = new Set<string>();
    for (const health of report.instances) {
      const path = instancePath(health.scopeKey, health.service, health.instance.id);
      if (this.set(path, markOf(health.findings, 'report'), 'report', true)) changed.add(path);
    }
    return this.withAncestors(changed);
  }

  /**
   * An instance judged from a partial list (the tree's loaded pages, a probe): applied unless a
   * better-informed source already judged it. Returns the paths that changed.
   */
  applyFindings(
    scopeKey: string,
    service: ServiceId,
    instanceId: string,
    findings: readonly HealthFinding[],
    source: 'loaded' | 'probe',
  ): string[] {
    const path = instancePath(scopeKey, service, instanceId);
    return this.withAncestors(this.set(path, markOf(findings, source), source, false) ? new Set([path]) : new Set());
  }

  /** Whether the instance has been judged by any source (then it needs no probe). */
  isJudged(scopeKey: string, service: ServiceId, instanceId: string): boolean {
    return this.judged.has(instancePath(scopeKey, service, instanceId));
  }

  instanceMark(scopeKey: string, service: ServiceId, instanceId: string): InstanceMark | undefined {
    return this.marks.get(instancePath(scopeKey, service, instanceId));
  }

  /** The decoration of an instance path, or the count of the marks under any other path; undefined when none. */
  decorationOf(path: string): MarkDecoration | undefined {
    const parsed = parseHealthPath(path);
    if (!parsed) return undefined;
    if (parsed.instanceId !== undefined) {
      const mark = this.marks.get(path);
      return mark && instanceDecoration(mark);
    }
    return countDecoration(this.marksUnder(path));
  }

  /** The marks of the instances under a service, region or connection path. */
  marksUnder(path: string): InstanceMark[] {
    const prefix = `${path}/`;
    return [...this.marks].filter(([instance]) => instance.startsWith(prefix)).map(([, mark]) => mark);
  }

  /** Every path that has a mark now, with the nodes above them (to redraw them all). */
  markedPaths(): string[] {
    return this.withAncestors(new Set(this.marks.keys()));
  }

  /** Forgets everything (another region or endpoint): returns what was marked, to redraw. */
  clear(): string[] {
    const paths = this.markedPaths();
    this.marks.clear();
    this.judged.clear();
    return paths;
  }

  private set(path: string, mark: InstanceMark | undefined, source: MarkSource, replace: boolean): boolean {
    const previous = this.judged.get(path);
    if (!replace && previous !== undefined && RANK[previous] > RANK[source]) return false;
    this.judged.set(path, source);
    const before = this.marks.get(path);
    if (mark) this.marks.set(path, mark);
    else this.marks.delete(path);
    return JSON.stringify(before) !== JSON.stringify(mark);
  }

  private withAncestors(paths: Set<string>): string[] {
    for (const path of [...paths]) for (const ancestor of ancestorsOf(path)) paths.add(ancestor);
    return [...paths];
  }
}
