/**
 * A stand-in `vscode` module, so benchmarks can run the real tree (BackupExplorer, treeItems.ts) and
 * activate() in plain Node. Importing this module installs it for every later `require('vscode')`.
 *
 * The classes the tree builds on every row are real, small classes, so their cost is what a
 * benchmark measures; everything else (registering commands, creating views, configuration) is a
 * recording no-op: any property of it can be called, constructed or read and gives another no-op.
 */
import Module = require('module');

class EventEmitter<T> {
  private listeners: Array<(value: T) => void> = [];
  readonly event = (listener: (value: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class Disposable {
  constructor(private readonly callOnDispose: () => void) {}
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  dispose(): void {
    this.callOnDispose();
  }
}

class TreeItem {
  id?: string;
  description?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  contextValue?: string;
  command?: unknown;
  constructor(
    readonly label: string,
    readonly collapsibleState?: number,
  ) {}
}

class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

class ThemeColor {
  constructor(readonly id: string) {}
}

class MarkdownString {
  supportHtml = false;
  isTrusted = false;
  constructor(readonly value = '') {}
}

/** Callable, constructible, not a promise: whatever is asked of it, it answers with itself (as text: ''). */
function noOp(): unknown {
  const target = function () {
    return undefined;
  };
  const proxy: unknown = new Proxy(target, {
    get: (_, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : proxy),
    set: () => true,
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}

const nothing = noOp();

const FAKE = new Proxy(
  {
    EventEmitter,
    Disposable,
    TreeItem,
    ThemeIcon,
    ThemeColor,
    MarkdownString,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    l10n: { t: (message: string) => message },
    window: new Proxy(
      {
        /** Load All runs under a progress notification: run the task with a token that never cancels. */
        withProgress: (_options: unknown, task: (progress: unknown, token: unknown) => Promise<unknown>) =>
          task({ report: () => undefined }, { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) }),
      },
      { get: (target, key) => (key in target ? target[key as keyof typeof target] : nothing) },
    ),
  },
  { get: (target, key) => (key in target ? target[key as keyof typeof target] : nothing) },
);

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };
const load = moduleWithLoad._load;
moduleWithLoad._load = function (request, parent, isMain) {
  return request === 'vscode' ? FAKE : load.call(this, request, parent, isMain);
};

/** Any vscode object a benchmark must hand over but never uses (a Uri, a LogOutputChannel): the no-op. */
export function stub<T>(): T {
  return nothing as T;
}
