import type { Backup, Instance, ServiceId } from '../cloud/model';
import type { ServiceAdapter } from '../cloud/services/adapter';
import type { Scope } from '../domain/scope';
import type { InvalidEntry, PagedList } from './pagedList';

/**
 * The tree's elements. They hold data and paging state only; TreeItems are built on demand in
 * `treeItems.ts`, so a loaded backup costs one small object here. Commands receive these objects
 * and read `backup`, `instance` and `service` from them.
 */

export type ExplorerNode =
  | ConnectionNode
  | RegionNode
  | ScopeErrorNode
  | ServiceNode
  | InstanceNode
  | BackupNode
  | LoadMoreNode
  | ErrorNode
  | InvalidNode
  | EmptyNode
  | CredentialsRejectedNode;
export type PagedNode = ServiceNode | InstanceNode;

/**
 * A node whose children come from a paged list. Child nodes are created once per loaded record
 * and kept as long as the list; `reset()` drops both (Refresh of this node).
 */
abstract class PagedParent<T, Child, Self extends PagedNode> {
  private currentList: PagedList<T> | undefined;
  private children: Child[] = [];
  private invalidChildren: InvalidNode[] = [];
  private moreNode: LoadMoreNode | undefined;
  private failureNode: ErrorNode | undefined;
  private nothingNode: EmptyNode | undefined;

  protected constructor(private readonly createList: (owner: Self) => PagedList<T>) {}

  abstract readonly id: string;
  /** This node as the tree knows it (the subclasses are the only PagedNodes). */
  protected abstract get self(): Self;
  protected abstract createChild(item: T): Child;

  /** Pages its list had loaded, without creating a list nobody expanded (0 then). */
  get pagesLoaded(): number {
    return this.currentList?.pagesLoaded ?? 0;
  }

  /** Created on first use, so it is never built for a node nobody expands. */
  get list(): PagedList<T> {
    return (this.currentList ??= this.createList(this.self));
  }

  /** Drops this node's pages and its children (Refresh of this node); the next expansion loads afresh. */
  reset(): void {
    this.dispose();
    this.currentList = undefined;
    this.children = [];
    this.invalidChildren = [];
  }

  /** Aborts every load running in this node or below it. */
  dispose(): void {
    this.currentList?.dispose();
    for (const child of this.children) this.disposeChild(child);
  }

  protected disposeChild(_child: Child): void {
    // Leaf children hold nothing to release.
  }

  /** Nodes of every loaded record, in list order. */
  childNodes(): readonly Child[] {
    const items = this.list.items;
    for (let i = this.children.length; i < items.length; i++) this.children.push(this.createChild(items[i]));
    return this.children;
  }

  invalidNodes(): readonly InvalidNode[] {
    const entries = this.list.invalid;
    for (let i = this.invalidChildren.length; i < entries.length; i++) {
      this.invalidChildren.push(new InvalidNode(this.self, entries[i]));
    }
    return this.invalidChildren;
  }

  get loadMoreNode(): LoadMoreNode {
    return (this.moreNode ??= new LoadMoreNode(this.self));
  }

  get errorNode(): ErrorNode {
    return (this.failureNode ??= new ErrorNode(this.self));
  }

  get emptyNode(): EmptyNode {
    return (this.nothingNode ??= new EmptyNode(this.self));
  }

  /**
   * Children as the tree shows them: records with invalid ones in place, then "load more" or the
   * error; a list that ended with nothing in it says so instead of showing nothing.
   */
  visibleChildren(): (Child | InvalidNode | LoadMoreNode | ErrorNode | EmptyNode)[] {
    const list = this.list;
    const result: (Child | InvalidNode | LoadMoreNode | ErrorNode | EmptyNode)[] = [];
    const children = this.childNodes();
    const invalid = this.invalidNodes();
    let nextInvalid = 0;
    for (let i = 0; i <= children.length; i++) {
      while (nextInvalid < invalid.length && invalid[nextInvalid].entry.before <= i) result.push(invalid[nextInvalid++]);
      if (i < children.length) result.push(children[i]);
    }
    if (list.error !== undefined && !list.loading) result.push(this.errorNode);
    else if (list.hasMore || list.loading === 'more' || list.loading === 'all') result.push(this.loadMoreNode);
    else if (result.length === 0 && list.started) result.push(this.emptyNode);
    return result;
  }
}

export interface ServiceCounts {
  readonly total: number;
  /** Undefined when the filter excludes failed backups. */
  readonly failed?: number;
  /** The filter names types the count API cannot take: the counts are of every type. */
  readonly anyType?: boolean;
}

export class ServiceNode extends PagedParent<Instance, InstanceNode, ServiceNode> {
  /** Server-side backup counts (CSBS), once fetched. */
  counts: ServiceCounts | undefined;
  /** Aborted when this node's data is dropped, so its count requests stop along with its loads. */
  private countsLifetime = new AbortController();

  constructor(
    readonly adapter: ServiceAdapter,
    /** The connection and region it lists. */
    readonly scope: Scope,
    /** Its region node when the tree shows several scopes; undefined when services are the roots. */
    readonly parent: RegionNode | undefined,
    createInstanceList: (owner: ServiceNode) => PagedList<Instance>,
    private readonly createBackupList: (owner: InstanceNode) => PagedList<Backup>,
  ) {
    super(createInstanceList);
  }

  protected get self(): ServiceNode {
    return this;
  }

  get service(): ServiceId {
    return this.adapter.id;
  }
  get id(): string {
    return this.parent ? `${this.parent.id}/${this.adapter.id}` : `hwc/${this.adapter.id}`;
  }
  /** For fetching `counts`; aborted by `dispose()` and `reset()`. */
  get countsSignal(): AbortSignal {
    return this.countsLifetime.signal;
  }
  override dispose(): void {
    super.dispose();
    this.countsLifetime.abort();
  }
  override reset(): void {
    super.reset();
    this.counts = undefined;
    this.countsLifetime = new AbortController();
  }
  protected override disposeChild(child: InstanceNode): void {
    child.dispose();
  }
  protected createChild(instance: Instance): InstanceNode {
    return new InstanceNode(this, instance, this.createBackupList);
  }
}

export class InstanceNode extends PagedParent<Backup, BackupNode, InstanceNode> {
  constructor(
    readonly parent: ServiceNode,
    readonly instance: Instance,
    createBackupList: (owner: InstanceNode) => PagedList<Backup>,
  ) {
    super(createBackupList);
  }

  protected get self(): InstanceNode {
    return this;
  }

  get service(): ServiceId {
    return this.parent.service;
  }
  get id(): string {
    return `${this.parent.id}/${this.instance.id}`;
  }
  protected createChild(backup: Backup): BackupNode {
    return new BackupNode(this, backup);
  }
}

/**
 * A named connection, above its regions, when the tree shows more than one scope (connection →
 * region → service). Its regions are fixed when the tree is built; Show or Hide Regions… rebuilds it.
 */
export class ConnectionNode {
  constructor(
    readonly connectionId: string,
    readonly name: string,
    readonly regions: readonly RegionNode[],
  ) {}
  get id(): string {
    return `hwc/c/${this.connectionId}`;
  }
}

/**
 * One region of a connection. Its services are made once its project resolves; when it does not
 * (bad keys, no project in that region, a 403), the region holds one ScopeErrorNode and its
 * siblings carry on.
 */
export class RegionNode {
  services: ServiceNode[] | undefined;
  failure: ScopeErrorNode | undefined;
  parent: ConnectionNode | undefined;

  constructor(readonly scope: Scope) {}
  get id(): string {
    return `hwc/c/${this.scope.connectionId}/${this.scope.region}`;
  }
  get region(): string {
    return this.scope.region;
  }
  dispose(): void {
    for (const service of this.services ?? []) service.dispose();
  }
}

/** A region whose project could not be resolved: its code, and what to do about it. */
export class ScopeErrorNode {
  constructor(
    readonly parent: RegionNode,
    readonly error: unknown,
  ) {}
  get id(): string {
    return `${this.parent.id}/~error`;
  }
}

/** Two fields per loaded backup; everything else is derived when the tree asks. */
export class BackupNode {
  constructor(
    readonly parent: InstanceNode,
    readonly backup: Backup,
  ) {}

  get instance(): Instance {
    return this.parent.instance;
  }
  get service(): ServiceId {
    return this.backup.service;
  }
  get id(): string {
    return `${this.parent.id}/${this.backup.id}`;
  }
}

/** "Load N more…": click loads the parent's next page; its context menu offers Load All. */
export class LoadMoreNode {
  constructor(readonly parent: PagedNode) {}
  get id(): string {
    return `${this.parent.id}/~more`;
  }
}

/** The parent's last load failed; click retries it. */
export class ErrorNode {
  constructor(readonly parent: PagedNode) {}
  get id(): string {
    return `${this.parent.id}/~error`;
  }
  get error(): unknown {
    return this.parent.list.error;
  }
}

/** The parent's list ended with nothing in it: "No backups", "No matches in 143 scanned". */
export class EmptyNode {
  constructor(readonly parent: PagedNode) {}
  get id(): string {
    return `${this.parent.id}/~empty`;
  }
}

/** One record the schema rejected; its siblings still show. */
export class InvalidNode {
  constructor(
    readonly parent: PagedNode,
    readonly entry: InvalidEntry,
  ) {}
  get id(): string {
    return `${this.parent.id}/~invalid/${this.entry.page}/${this.entry.record.index}`;
  }
}

/** The whole tree after a 401: the keys were rejected. */
export class CredentialsRejectedNode {
  constructor(readonly error: unknown) {}
  readonly id = 'hwc/~credentials-rejected';
}
