/**
 * Settles like `work`, or rejects with `signal`'s reason as soon as it aborts: a caller
 * that must move on (a poll past its deadline, a relay shutting down) never waits on work
 * that ignores its signal. The work itself is left to its own deadline.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
