/** Small helpers to make waits cancellable through the caller's AbortSignal. */

/** Resolves after `ms`, or rejects with `onAbort()` as soon as the signal aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined, onAbort: () => Error): Promise<void> {
  return abortable(new Promise<void>((resolve) => setTimeout(resolve, ms)), signal, onAbort);
}

/**
 * Waits for `promise`, or rejects with `onAbort()` when the signal aborts first. The promise itself
 * keeps running (callers use this to stop waiting on shared work, such as the project look-up).
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => Error): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}
