// Cleanup that runs however a runner ends: normal completion, an exception, Ctrl-C, SIGTERM or
// the overall timeout. Children (code-server, Chromium) live in their own process groups, so a
// runner that dies without cleaning up would leave them behind holding ports.

type Cleanup = () => Promise<void> | void;

const cleanups: Cleanup[] = [];
/** Process groups to kill synchronously if the process exits before the async cleanups ran. */
const liveGroups = new Set<number>();

/** Registers a cleanup; they run in reverse order of registration. */
export function onCleanup(cleanup: Cleanup): void {
  cleanups.push(cleanup);
}

export function trackProcessGroup(pid: number): void {
  liveGroups.add(pid);
}

export function untrackProcessGroup(pid: number): void {
  liveGroups.delete(pid);
}

/** Sends `signal` to every process in the group led by `pid`; a group already gone is fine. */
export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()!;
    try {
      await cleanup();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}

let shutdownInProgress: Promise<never> | undefined;

/** Runs the cleanups (bounded in time) and exits with `code`; later calls join the first. */
export function shutdown(code: number, reason?: string): Promise<never> {
  if (!shutdownInProgress) {
    if (reason) console.error(reason);
    shutdownInProgress = (async () => {
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, 15_000).unref());
      await Promise.race([runCleanups(), deadline]);
      process.exit(code);
    })();
  }
  return shutdownInProgress;
}

/**
 * Installs SIGINT/SIGTERM/SIGHUP handlers, an overall timeout and a last-resort exit hook.
 * `timeoutMs` of 0 means no timeout (the demo runs until Ctrl-C).
 */
export function installShutdownHandlers(name: string, timeoutMs: number): void {
  const signalCodes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(signalCodes)) {
    process.on(signal, () => {
      // A second Ctrl-C while cleaning up: stop waiting; the exit hook still kills the groups.
      if (shutdownInProgress) process.exit(code);
      void shutdown(code, `${name}: ${signal} received, stopping…`);
    });
  }
  if (timeoutMs > 0) {
    setTimeout(() => void shutdown(124, `${name}: gave up after ${Math.round(timeoutMs / 1000)} s (overall timeout)`), timeoutMs).unref();
  }
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
}
