/**
 * The time a feed and the page announcer read and wait on: the page's own (`pageClock`), or
 * a test's, so what follows a TTL or a backoff is tested exactly, without waiting for it.
 * Timers are part of it: a browser test has no fake timers of Node's kind.
 */
export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
  /** Runs `run` once, `ms` from now; returns what cancels it. */
  after(ms: number, run: () => void): () => void;
  /** Runs `run` every `ms`; returns what stops it. */
  every(ms: number, run: () => void): () => void;
}

/** The page's clock and timers. */
export const pageClock: Clock = {
  now: Date.now,
  after: (ms, run) => clearTimeout.bind(null, setTimeout(run, ms)),
  every: (ms, run) => clearInterval.bind(null, setInterval(run, ms)),
};
