import type { FetchedQuote } from './price-source.js';

/** What a `QuoteStream` tells the relay as it runs. */
export interface QuoteStreamHandlers {
  /** A pair's new quote, as the upstream pushed it (`symbol` is the pair). */
  quote(quote: FetchedQuote): void;
  /**
   * The stream broke (socket closed, refused, an error from the exchange): every
   * subscription is gone. The relay polls by REST and calls `follow` again after a backoff.
   */
  fault(reason: string): void;
}

/**
 * An upstream that pushes prices (an exchange's WebSocket): the relay names the pairs to
 * follow and hears each update as it comes, instead of asking once an interval. Lives beside
 * the source's REST side, which lists the pairs and stands in while the stream is down.
 */
export interface QuoteStream {
  /** Starts delivering to `handlers`; called once, before `follow`. */
  open(handlers: QuoteStreamHandlers): void;
  /**
   * Follows exactly `pairs` from now: subscribes to those new, unsubscribes from those left
   * out (the watch list shrank). Pairs the source does not list are ignored. No pair to
   * follow, no socket: the first one opens it, and none left closes it.
   */
  follow(pairs: readonly string[]): void;
  /** Drops every subscription and closes the socket (a fault, the lease lost, a pause). */
  stop(): Promise<void>;
  /** Sockets open now, for the metrics. */
  openSockets(): number;
}
