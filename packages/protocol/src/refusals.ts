/**
 * Why a relay will not serve a symbol it was asked for (a snapshot's or a REST read's
 * `refused`): a code from a closed set, the figures a sentence about it needs, and `message`,
 * the same in English for logs. A client says it in its reader's language from the code and
 * the figures, never from `message`.
 */
export type Refusal =
  /** The relay watches as many symbols as it may (`limit`, its `MAX_WATCHED_SYMBOLS`): try later. */
  | { code: 'watch_list_full'; limit: number; message: string }
  /** The reader's address has added its share of the watch list (`limit` symbols): close a stream first. */
  | { code: 'address_share_full'; limit: number; message: string }
  /** The symbol names a quote currency the relay does not serve; it serves `currencies`. */
  | { code: 'currency_not_served'; currency: string; currencies: string[]; message: string }
  /** The symbol names a source the relay does not use; its sources are `sources`. */
  | { code: 'unknown_source'; source: string; sources: string[]; message: string }
  /**
   * Refused for a reason this client cannot name: what `parseMessage` makes of a code newer
   * than this module (say it generically, not in the relay's English).
   */
  | { code: 'other'; message: string };

/** Every refusal code, `other` last. A later version may add codes; a client reads those as `other`. */
export const REFUSAL_CODES = [
  'watch_list_full',
  'address_share_full',
  'currency_not_served',
  'unknown_source',
  'other',
] as const satisfies readonly Refusal['code'][];

/** A refusal's code. */
export type RefusalCode = (typeof REFUSAL_CODES)[number];
