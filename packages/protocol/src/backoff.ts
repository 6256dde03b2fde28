/** How long to wait before trying again: the kit's one retry rule, relay and page alike. */
export interface BackoffPolicy {
  /** The longest first wait, ms. */
  firstMs: number;
  /** The longest wait ever, ms, however many tries failed. */
  maxMs: number;
  /**
   * How much of each wait is left to chance: 1 = anything up to it (full jitter), 0.5 = its
   * upper half, 0 = none. Clients that failed together then do not retry in step.
   */
  jitter: number;
}

/**
 * The wait before try `attempt` (1 for the first retry), ms: doubling from `firstMs` up to
 * `maxMs`, with the policy's jitter. A wait a peer named (`Retry-After`) is the caller's to
 * weigh against it.
 */
export function backoffMs(
  attempt: number,
  { firstMs, maxMs, jitter }: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, firstMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (1 - jitter * random()));
}
