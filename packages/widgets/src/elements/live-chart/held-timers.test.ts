// Test support, not a test: timers a test runs when it says. Not imported by the element.

/** A timer held instead of run. */
export interface HeldTimer {
  ms: number;
  run: () => void;
  /** Cleared by the code that set it. */
  cleared: boolean;
}

/**
 * Holds the page's timers of 2 s or more instead of running them (the chart's retries: its
 * backoff waits 2 s at least), so a test sees what the code means to do later, what it takes
 * back, and runs it when it says. `restore` gives the page its own timers back.
 */
export function holdLongTimers() {
  const { setTimeout: realSet, clearTimeout: realClear } = window;
  const held: HeldTimer[] = [];
  // Ids far from the browser's own, so a clear finds its timer.
  const byId = new Map<number, HeldTimer>();
  let lastId = 1e9;
  window.setTimeout = ((handler: () => void, ms = 0, ...rest: unknown[]) => {
    if (ms < 2_000) return realSet(handler, ms, ...rest);
    const timer = { ms, run: handler, cleared: false };
    held.push(timer);
    byId.set(++lastId, timer);
    return lastId;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    const timer = id === undefined ? undefined : byId.get(id);
    if (timer) timer.cleared = true;
    else realClear(id);
  }) as typeof window.clearTimeout;
  return {
    held,
    /** The timers held and not cleared. */
    pending: () => held.filter((timer) => !timer.cleared),
    restore: () => {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
    },
  };
}
