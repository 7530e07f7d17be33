import * as vscode from 'vscode';
import { filterSummary } from '../cloud/format';
import { credentialFailure } from '../auth/failures';
import { CloudError, REGION_REFUSED } from '../cloud/http/errors';
import { isEmptyFilter, type Backup, type BackupFilter, type Instance, type ServiceId } from '../cloud/model';
import type { ServiceAdapter } from '../cloud/services/adapter';
import { ADAPTERS } from '../cloud/services/registry';
import type { ResolvedProject } from '../cloud/session';
import type { CloudSettings } from '../cloud/settings';
import { DEFAULT_CONNECTION_ID } from '../auth/connectionProfiles';
import { scopeLabel, type Scope } from '../domain/scope';
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
  type PagedNode,
} from './nodes';
import type { LoadedBackups, ShownInstance } from './healthMarks';
import { PagedList } from './pagedList';
import { revealBackup, type BackupLocator } from './reveal';
import { countServiceBackups } from './serviceCounts';
import { createTreeItem, resolveTooltip } from './treeItems';
import { activationMarks } from '../testAccess';

/** What the explorer needs from CloudConnection (src/auth/connection.ts). */
export interface ExplorerConnection {
  readonly onDidChange: vscode.Event<void>;
  settings(): CloudSettings;
  credentialSource(): Promise<'secretStorage' | 'environment' | undefined>;
  /** Every connection in every region shown (auth/connection.ts). */
  scopes(): Promise<Scope[]>;
}

/** What the explorer needs from FilterState. */
export interface ExplorerFilter {
  readonly onDidChange: vscode.Event<void>;
  get(): BackupFilter | undefined;
}

export type { BackupLocator };

/** Pages fetched at once by Load All (offset paging); the HTTP layer has its own global limit too. */
export const LOAD_ALL_CONCURRENCY = 4;
/** With a client-side filter, one "load more" scans at most this many pages before it stops and says so. */
const MAX_SCAN_PAGES = 20;
/** Reveal looks through at most this many pages per level before giving up. */
/** Reveals of a node before giving up on selecting it, and the pause between them. */
const REVEAL_SELECT_ATTEMPTS = 3;
const REVEAL_RETRY_MS = 250;
const MAX_REVEAL_PAGES = 40;
/** Reveal starts over at most this many times when refreshes keep replacing the tree under it. */
const MAX_REVEAL_ATTEMPTS = 3;

/**
 * The Backups tree (docs/SPEC.md §4): services → instances → backups, every level lazily paged.
 * Paging state lives in PagedList; this class turns it into tree elements, runs the loads the
 * user asks for and keeps failures inside the tree.
 */
export class BackupExplorer implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly treeChanged = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData: vscode.Event<ExplorerNode | undefined> = this.treeChanged.event;
  private readonly instanceShown = new vscode.EventEmitter<ShownInstance>();
  /** An instance node was drawn (the health badges probe instances nothing is known about). */
  readonly onDidShowInstance: vscode.Event<ShownInstance> = this.instanceShown.event;
  private readonly backupsLoaded = new vscode.EventEmitter<LoadedBackups>();
  /** An instance's backups were loaded (a page more, or all); `filtered` when the tree's filter narrowed them. */
  readonly onDidLoadBackups = this.backupsLoaded.event;

  private readonly disposables: vscode.Disposable[] = [this.treeChanged, this.instanceShown, this.backupsLoaded];
  private view: vscode.TreeView<ExplorerNode> | undefined;
  /** Service nodes with one scope shown; connection (or region) nodes with several. */
  private roots: Array<ServiceNode | ConnectionNode | RegionNode> | undefined;
  private rejected: CredentialsRejectedNode | undefined;
  /** Counts refreshes: a reveal that sees it change knows its nodes were dropped. */
  private generation = 0;
  /** Pages each list had when Refresh dropped it, by node id: loaded again as the node expands. */
  private readonly pagesToRestore = new Map<string, number>();
  private readonly adapters: readonly ServiceAdapter[];
  /**
   * What the view says of the one scope it shows: its region (with the connection's name when it is
   * not the default one), its project, and the default keys' source.
   */
  private viewFacts: {
    /** Anything shown at all (no scope: the welcome view speaks instead). */
    shown?: boolean;
    where?: string;
    source?: 'secretStorage' | 'environment';
    project?: string;
    projectFailure?: string;
  } = {};

  constructor(
    private readonly connection: ExplorerConnection,
    private readonly filter: ExplorerFilter,
    private readonly log: vscode.LogOutputChannel,
    adapters: readonly ServiceAdapter[] = ADAPTERS,
  ) {
    this.adapters = adapters;
    this.disposables.push(
      connection.onDidChange(() => this.refresh()),
      filter.onDidChange(() => this.refresh()),
    );
  }

  /** Connects the TreeView this provider feeds, for reveal, its description and message. */
  attachView(view: vscode.TreeView<ExplorerNode>): void {
    this.view = view;
    void this.updateViewInfo();
  }

  // ---- TreeDataProvider ----

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    if (node instanceof InstanceNode) this.instanceShown.fire({ scopeKey: node.parent.scope.key, instance: node.instance });
    return createTreeItem(node, Date.now());
  }

  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
    return resolveTooltip(item, node);
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    if (node instanceof CredentialsRejectedNode || node instanceof ConnectionNode) return undefined;
    return node.parent;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return this.rootChildren();
    if (node instanceof ConnectionNode) return [...node.regions];
    if (node instanceof RegionNode) return this.regionChildren(node);
    if (node instanceof ServiceNode || node instanceof InstanceNode) {
      // One request when first expanded; afterwards the loaded pages (a failure waits for Retry).
      const firstLoad = !node.list.started && node.list.error === undefined;
      // After a Refresh, as many pages as the node had (one request each); the first one first.
      const pages = this.pagesToRestore.get(node.id) ?? 1;
      this.pagesToRestore.delete(node.id);
      await node.list.ensurePages(pages);
      if (firstLoad) this.afterLoad(node);
      return node.visibleChildren();
    }
    return [];
  }

  // ---- Commands and the API other modules use (ExtensionApi in extension.ts) ----

  /**
   * Drops every cache and rebuilds the tree. `keepPages` (the Refresh command): each list then loads
   * as many pages as it had, as GitLens keeps a view's limit; a filter or connection change starts
   * over from first pages.
   */
  refresh(options: { readonly keepPages?: boolean } = {}): void {
    this.pagesToRestore.clear();
    if (options.keepPages) {
      for (const service of this.serviceNodes()) {
        this.rememberPages(service);
        if (service.pagesLoaded > 0) for (const instance of service.childNodes()) this.rememberPages(instance);
      }
    }
    for (const service of this.serviceNodes()) service.dispose();
    this.roots = undefined;
    this.rejected = undefined;
    this.generation++;
    this.treeChanged.fire(undefined);
    void this.updateViewInfo();
  }

  /** Drops the cache of one service or instance node (and of everything under it). */
  refreshNode(node: ExplorerNode | undefined): void {
    const target = node && this.pagedOwner(node);
    if (!target) return this.refresh({ keepPages: true });
    this.rememberPages(target);
    target.reset();
    this.changed(target);
    if (target instanceof ServiceNode) void this.loadCounts(target);
  }

  /** Loads the next page of the node's list; on an error node, retries the load that failed. */
  async loadMore(node: ExplorerNode): Promise<void> {
    const target = this.pagedOwner(node);
    if (!target) return;
    const loading = target.list.loadMore();
    this.changed(target);
    await loading;
    this.afterLoad(target);
  }

  /** Loads every remaining page of the node's list under a cancellable progress notification. */
  async loadAll(node: ExplorerNode): Promise<void> {
    const target = this.pagedOwner(node);
    if (!target) return;
    const list = target.list;
    const title =
      target instanceof InstanceNode
        ? vscode.l10n.t('Loading all backups of {0}', target.instance.name || target.instance.id)
        : vscode.l10n.t('Loading all {0} of {1}', target.adapter.instanceNoun.many, target.service.toUpperCase());
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (progress, token) => {
        const cancel = new AbortController();
        const subscription = token.onCancellationRequested(() => cancel.abort());
        let reported = 0;
        const loading = list.loadAll({
          concurrency: LOAD_ALL_CONCURRENCY,
          signal: cancel.signal,
          onProgress: (loaded, total) => {
            const increment = total ? ((loaded - reported) / total) * 100 : undefined;
            reported = loaded;
            progress.report({ message: total !== undefined ? `${loaded} of ${total}` : `${loaded} loaded`, increment });
            this.changed(target);
          },
        });
        this.changed(target);
        try {
          await loading;
        } finally {
          subscription.dispose();
        }
      },
    );
    this.afterLoad(target);
    if (this.view && target instanceof InstanceNode) {
      await this.view.reveal(target, { expand: true, select: false, focus: false }).then(undefined, () => undefined);
    }
  }

  /**
   * Expands the backup's service and instance, loading pages as needed (bounded), and selects it;
   * starts over in the new tree when a refresh drops the nodes it was looking at (src/explorer/reveal.ts).
   */
  /**
   * Reveals and selects a node. A view that is still opening (the side bar was closed, the tree
   * collapsed) can take the reveal without selecting anything: then once more, after it has drawn.
   */
  private async showInView(view: vscode.TreeView<ExplorerNode>, node: BackupNode): Promise<boolean> {
    for (let attempt = 0; attempt < REVEAL_SELECT_ATTEMPTS; attempt++) {
      await view.reveal(node, { select: true, focus: true, expand: false });
      if (view.selection.includes(node)) return true;
      await new Promise((resolve) => setTimeout(resolve, REVEAL_RETRY_MS));
    }
    return false;
  }

  async reveal(locator: BackupLocator): Promise<boolean> {
    const view = this.view;
    if (!view) return false;
    const host = {
      services: (target: BackupLocator) => this.servicesOfScope(target.scopeKey),
      generation: () => this.generation,
      loaded: (node: PagedNode) => this.afterLoad(node),
      show: (node: BackupNode) => this.showInView(view, node),
    };
    return revealBackup(host, locator, { maxPages: MAX_REVEAL_PAGES, maxAttempts: MAX_REVEAL_ATTEMPTS });
  }

  loadedBackups(service: ServiceId, instanceId: string, scopeKey?: string): readonly Backup[] {
    const instance = this.serviceNode(service, scopeKey)
      ?.childNodes()
      .find((node) => node.instance.id === instanceId);
    return instance ? instance.list.items : [];
  }

  loadedInstances(service: ServiceId, scopeKey?: string): readonly Instance[] {
    return this.serviceNode(service, scopeKey)?.list.items ?? [];
  }

  dispose(): void {
    for (const service of this.serviceNodes()) service.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  // ---- internals ----

  private async rootChildren(): Promise<ExplorerNode[]> {
    if (this.rejected) return [this.rejected];
    if (!this.roots) {
      const generation = this.generation;
      const scopes = await this.connection.scopes();
      // A refresh while the scopes were read has already asked for a new tree.
      if (generation !== this.generation) return this.rootChildren();
      // No scope (no keys anywhere): an empty tree lets the welcome view (Set Credentials, Open Settings) show.
      if (scopes.length === 0) return [];
      // Another caller (the view, a reveal) may have built the tree while this one waited: one tree only.
      this.roots ??= scopes.length === 1 ? this.createServiceNodes(scopes[0], undefined) : this.scopeRoots(scopes);
      this.renderViewInfo();
    }
    activationMarks.firstRows ??= performance.now();
    return this.roots;
  }

  /** One scope: the services are the roots, as the tree has always been; several: connection → region. */
  private scopeRoots(scopes: readonly Scope[]): ConnectionNode[] {
    const byConnection = new Map<string, Scope[]>();
    for (const scope of scopes) byConnection.set(scope.connectionId, [...(byConnection.get(scope.connectionId) ?? []), scope]);
    return [...byConnection.values()].map((own) => {
      const regions = own.map((scope) => new RegionNode(scope));
      const connection = new ConnectionNode(own[0].connectionId, own[0].connectionName, regions);
      for (const region of regions) region.parent = connection;
      return connection;
    });
  }

  /** A region's services once its project resolves; otherwise one error node saying why and what to do. */
  private async regionChildren(region: RegionNode): Promise<ExplorerNode[]> {
    if (region.services) return region.services;
    // A failed region stays failed until Refresh builds new region nodes: no request loop.
    if (region.failure) return [region.failure];
    try {
      await region.scope.project();
    } catch (error) {
      this.log.warn(`${region.scope.connectionName} · ${region.region}: ${error instanceof Error ? error.message : String(error)}`);
      region.failure = new ScopeErrorNode(region, error);
      this.changed(region); // its icon says so too
      return [region.failure];
    }
    region.services ??= this.createServiceNodes(region.scope, region);
    return region.services;
  }

  private createServiceNodes(scope: Scope, region: RegionNode | undefined): ServiceNode[] {
    const settings = this.connection.settings();
    const enabled = new Set(settings.services);
    const services = this.adapters
      .filter((adapter) => enabled.has(adapter.id))
      .map((adapter) => this.createServiceNode(adapter, scope, region, settings));
    for (const service of services) void this.loadCounts(service);
    return services;
  }

  /** Every service node built so far, under whichever scope. */
  private serviceNodes(): ServiceNode[] {
    return (this.roots ?? []).flatMap((root) =>
      root instanceof ServiceNode
        ? [root]
        : (root instanceof ConnectionNode ? root.regions : [root]).flatMap((region) => region.services ?? []),
    );
  }

  /** The services of one scope (the first shown when none is named), resolving its region when needed. */
  private async servicesOfScope(scopeKey: string | undefined): Promise<ServiceNode[]> {
    const roots = await this.rootChildren();
    if (roots.every((root) => root instanceof ServiceNode)) return roots as ServiceNode[];
    const regions = (this.roots ?? []).flatMap((root) =>
      root instanceof ConnectionNode ? root.regions : root instanceof RegionNode ? [root] : [],
    );
    const region = scopeKey ? regions.find((candidate) => candidate.scope.key === scopeKey) : regions[0];
    if (!region) return [];
    await this.regionChildren(region);
    return region.services ?? [];
  }

  private createServiceNode(adapter: ServiceAdapter, scope: Scope, region: RegionNode | undefined, settings: CloudSettings): ServiceNode {
    const pageSize = settings.pageSize;
    const filter = this.filter.get();
    const backupFilter = isEmptyFilter(filter) ? undefined : filter;
    const instanceList = (owner: ServiceNode): PagedList<Instance> =>
      new PagedList<Instance>({
        pageSize,
        keyOf: (instance) => instance.id,
        fetchPage: async (cursor, signal) => adapter.listInstances(await scope.adapterContext(signal), { cursor, limit: pageSize, signal }),
        onProgress: () => this.changed(owner),
      });
    const backupList = (owner: InstanceNode): PagedList<Backup> =>
      new PagedList<Backup>({
        pageSize,
        keyOf: (backup) => backup.id,
        fetchPage: async (cursor, signal) =>
          adapter.listBackups(await scope.adapterContext(signal), owner.instance, {
            cursor,
            limit: pageSize,
            signal,
            filter: backupFilter,
          }),
        clientFilter: backupFilter ? { maxScanPerLoad: pageSize * MAX_SCAN_PAGES } : undefined,
        filtered: backupFilter !== undefined,
        onProgress: () => this.changed(owner),
      });
    return new ServiceNode(adapter, scope, region, instanceList, backupList);
  }

  /** Server-side counts for the service's description (countServiceBackups), when it has a count API. */
  private async loadCounts(node: ServiceNode): Promise<void> {
    if (!node.adapter.countBackups) return;
    // A refresh drops the node: its count requests stop with it, and a late answer is not shown.
    const signal = node.countsSignal;
    try {
      const counts = await countServiceBackups(node.adapter, await node.scope.adapterContext(signal), this.filter.get(), signal);
      if (signal.aborted || !this.serviceNodes().includes(node)) return;
      node.counts = counts;
      this.changed(node);
    } catch (error) {
      if (signal.aborted) return;
      this.log.warn(`Could not count ${node.service.toUpperCase()} backups: ${error instanceof Error ? error.message : String(error)}`);
      if (!this.handleRegionRefusal(error, node)) this.handleAuthFailure(error);
    }
  }

  private rememberPages(node: PagedNode): void {
    if (node.pagesLoaded > 1) this.pagesToRestore.set(node.id, node.pagesLoaded);
  }

  /** The service or instance whose list a node belongs to or is. */
  private pagedOwner(node: ExplorerNode): PagedNode | undefined {
    if (node instanceof ServiceNode || node instanceof InstanceNode) return node;
    if (node instanceof BackupNode || node instanceof LoadMoreNode || node instanceof ErrorNode) return node.parent;
    if (node instanceof InvalidNode || node instanceof EmptyNode) return node.parent;
    return undefined;
  }

  private serviceNode(service: ServiceId, scopeKey?: string): ServiceNode | undefined {
    return this.serviceNodes().find((node) => node.service === service && (scopeKey === undefined || node.scope.key === scopeKey));
  }

  /** After a load: redraw the node (counts, "load more", error) and turn a 401 into the credentials node. */
  private afterLoad(node: PagedNode): void {
    const error = node.list.error;
    if (error !== undefined) {
      this.log.error(
        `Loading ` +
          `${node instanceof InstanceNode ? `backups of ${node.instance.id}` : `${node.service} ${node.adapter.instanceNoun.many}`} ` +
          `failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (this.handleRegionRefusal(error, node instanceof InstanceNode ? node.parent : node)) return;
      if (this.handleAuthFailure(error)) return;
    } else if (node instanceof InstanceNode && node.list.items.length) {
      const { instance, list } = node;
      this.backupsLoaded.fire({ scopeKey: node.parent.scope.key, instance, backups: list.items, filtered: list.filtered });
    }
    this.changed(node);
  }

  /**
   * The gateway refusing the region itself (APIGW.0802: this IAM user may not use it) is the
   * region's failure, not each service's: the region becomes one error node, as when it has no
   * project. True when it did.
   */
  private handleRegionRefusal(error: unknown, service: ServiceNode): boolean {
    const region = service.parent;
    if (!region || !(error instanceof CloudError) || error.code !== REGION_REFUSED) return false;
    if (region.services?.includes(service)) {
      for (const other of region.services) other.dispose();
      region.services = undefined;
      region.failure = new ScopeErrorNode(region, error);
      this.log.warn(`${region.scope.connectionName} · ${region.region}: ${error.message}`);
      this.changed(region);
    }
    return true;
  }

  /** Acts on what a failure says about the credentials (auth/failures.ts); true when the tree was replaced. */
  private handleAuthFailure(error: unknown): boolean {
    // With several scopes, or one of another connection than the default, a rejected key is that
    // connection's problem: its nodes show the error in place (Set Credentials… would not fix it).
    if (this.roots?.some((root) => !(root instanceof ServiceNode) || root.scope.connectionId !== DEFAULT_CONNECTION_ID)) return false;
    const failure = credentialFailure(error);
    if (failure === 'rejected') {
      this.rejected ??= new CredentialsRejectedNode(error);
      this.treeChanged.fire(undefined);
      return true;
    }
    if (failure === 'missing') {
      // Credentials vanished between listing the tree and this load: show the welcome view. Only
      // when they are really gone, or a refresh would reload expanded nodes and fail again forever.
      void this.connection.credentialSource().then((source) => source === undefined && this.refresh());
    }
    return false;
  }

  private changed(node: ExplorerNode): void {
    this.treeChanged.fire(node);
  }

  /**
   * View description "region · project · filter", and which credential source is in use. A view
   * alone in its container has its title merged into the container's and VS Code then shows no
   * description, so the message line at the top of the tree says the same. Region and filter are
   * shown at once; the project and credential source when they are known.
   */
  private renderViewInfo(): void {
    const view = this.view;
    if (!view) return;
    const connections = this.roots?.filter((root): root is ConnectionNode => root instanceof ConnectionNode);
    // Several scopes: each region node says its own project; the description counts them.
    const parts = connections?.length
      ? [
          vscode.l10n.t(
            '{0} connections · {1} regions',
            connections.length,
            connections.reduce((sum, connection) => sum + connection.regions.length, 0),
          ),
        ]
      : [this.viewFacts.where ?? this.connection.settings().region];
    if (!connections?.length && this.viewFacts.project) parts.push(vscode.l10n.t('project {0}', this.viewFacts.project));
    if (!connections?.length && this.viewFacts.projectFailure) {
      parts.push(vscode.l10n.t('project look-up failed: {0}', this.viewFacts.projectFailure));
    }
    const filter = this.filter.get();
    if (filter && !isEmptyFilter(filter)) parts.push(vscode.l10n.t('filter: {0}', filterSummary(filter)));
    view.description = parts.join(' · ');
    const source = this.viewFacts.source;
    const credentials = source === 'environment' ? vscode.l10n.t('using HUAWEICLOUD_SDK_AK from the environment') : undefined;
    view.message = this.viewFacts.shown ? [...parts, credentials].filter(Boolean).join(' · ') : undefined;
  }

  private async updateViewInfo(): Promise<void> {
    this.renderViewInfo();
    // A look-up still running when the tree is rebuilt (another connection shown) must not land.
    const generation = this.generation;
    const scopes = await this.connection.scopes();
    // Several scopes: each region node says its own; none: the welcome view speaks.
    const only = scopes.length === 1 ? scopes[0] : undefined;
    const facts: typeof this.viewFacts = {
      shown: scopes.length > 0,
      where: only && (only.connectionId === DEFAULT_CONNECTION_ID ? only.region : scopeLabel(only)),
      // The default connection's keys: Set Credentials… or the SDK environment variables.
      source: scopes.some((scope) => scope.connectionId === DEFAULT_CONNECTION_ID) ? await this.connection.credentialSource() : undefined,
    };
    if (only) {
      try {
        facts.project = projectText(await only.project(), only.region);
      } catch (error) {
        // Said in the view (and the log), not swallowed: every list under it will fail the same way.
        facts.projectFailure =
          error instanceof CloudError && error.code ? error.code : error instanceof Error ? error.message : String(error);
        this.log.warn(`Could not resolve the project: ${error instanceof Error ? error.message : String(error)}`);
        this.handleAuthFailure(error);
      }
    }
    if (generation !== this.generation) return;
    this.viewFacts = facts;
    this.renderViewInfo();
  }
}

/** IAM project names usually equal the region; then the (shortened) id says more. */
function projectText(project: ResolvedProject, region: string): string {
  if (project.name && project.name !== region) return project.name;
  return project.id.length > 12 ? `${project.id.slice(0, 8)}…` : project.id;
}
