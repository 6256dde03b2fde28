import type { Exchange, Market, Ticker } from 'ccxt';
import { unwatchTicker } from './ccxt-unwatch.js';
import type { FetchedQuote } from './price-source.js';
import type { QuoteStream, QuoteStreamHandlers } from './quote-stream.js';

/** What the stream needs of its source's REST side: the markets it listed, and how a ticker reads. */
export interface TickerStreamMarkets {
  /** The exchange's market symbol for a pair (`BTC/USD` → `BTC/USDT`); `undefined` when unlisted. */
  marketOf(pair: string): string | undefined;
  /** The markets as the REST side loaded them, so the socket side does not load them again. */
  loadedMarkets(): Record<string, Market> | undefined;
  /** A ticker as the source's quote of `pair`. */
  toQuote(pair: string, ticker: Ticker): FetchedQuote;
}

/** One watch loop's switch: off when the pair is unfollowed or the stream stops. */
interface WatchLoop {
  active: boolean;
}

/**
 * An exchange's tickers over its WebSocket, through ccxt pro: one `watchTicker` loop per
 * followed market, every market on one socket (the exchange's options say so), opened by the
 * first market followed and closed when none is left, each market unsubscribed
 * when the watch list lets a market go (`unwatchTicker`: ccxt's own, or our frame where ccxt
 * has none, as for Kraken).
 */
export class CcxtTickerStream implements QuoteStream {
  private handlers: QuoteStreamHandlers | undefined;
  /** The followed markets, each with the pairs it answers (`BTC/USD` and `BTC/USDT` may share one). */
  private pairsByMarket = new Map<string, string[]>();
  private readonly loops = new Map<string, WatchLoop>();
  private prepared: Promise<void> | undefined;
  /** The REST side's markets the socket side was last given (it indexes them anew each time). */
  private marketsFrom: Record<string, Market> | undefined;
  /**
   * The last `stop`'s close: ccxt closes every socket it holds when the close runs, a tick
   * later, so a watch started meanwhile waits for it or its new socket would be closed too.
   */
  private stopping: Promise<void> = Promise.resolve();

  constructor(
    private readonly exchange: Exchange,
    private readonly markets: TickerStreamMarkets,
    /** True for a `ws://` address (a test's fake, a proxy on loopback). */
    private readonly plainSocket: boolean,
  ) {
    guardSends(exchange);
  }

  open(handlers: QuoteStreamHandlers): void {
    this.handlers = handlers;
  }

  follow(pairs: readonly string[]): void {
    const next = new Map<string, string[]>();
    for (const pair of pairs) {
      const market = this.markets.marketOf(pair);
      if (market === undefined) continue;
      next.set(market, [...(next.get(market) ?? []), pair]);
    }
    // Nothing left to follow: no socket either (the watch list's grace has already passed).
    // The first pair followed again opens one, once this close is done.
    if (next.size === 0) {
      if (this.loops.size > 0 || this.openSockets() > 0) void this.stop();
      return;
    }
    for (const market of this.loops.keys()) if (!next.has(market)) this.unwatch(market);
    this.pairsByMarket = next;
    for (const market of next.keys()) if (!this.loops.has(market)) void this.watch(market);
  }

  async stop(): Promise<void> {
    for (const loop of this.loops.values()) loop.active = false;
    this.loops.clear();
    this.pairsByMarket.clear();
    // Closes the sockets; ccxt rejects the loops' pending watches, which end quietly.
    this.stopping = this.exchange.close().catch(() => undefined);
    await this.stopping;
  }

  openSockets(): number {
    return Object.keys(this.exchange.clients ?? {}).length;
  }

  /** The plain-`ws://` agent: ccxt refuses a `ws://` URL until `loadHttpProxyAgent()` has given it one. */
  private prepare(): Promise<void> {
    this.prepared ??= (async () => {
      if (this.plainSocket) await this.exchange.loadHttpProxyAgent();
    })();
    return this.prepared;
  }

  private async watch(market: string): Promise<void> {
    const loop: WatchLoop = { active: true };
    this.loops.set(market, loop);
    try {
      await Promise.all([this.prepare(), this.stopping]);
      if (!loop.active) return;
      // The markets the REST side loaded: no second exchangeInfo call, and the same listing.
      const loaded = this.markets.loadedMarkets();
      if (loaded && this.marketsFrom !== loaded) {
        this.exchange.setMarkets(loaded);
        this.marketsFrom = loaded;
      }
      let unsubscribed = 0;
      while (loop.active) {
        let ticker: Ticker;
        try {
          ticker = await this.exchange.watchTicker(market);
        } catch (error) {
          // A market let go and followed again at once: the unwatch's answer ends the new
          // watch too (ccxt rejects it with an UnsubscribeError). Our own doing, so watch again.
          if (isUnsubscribeError(error) && loop.active && ++unsubscribed <= 3) continue;
          throw error;
        }
        if (!loop.active) break;
        // Several frames that came in one read resolve one watch: ccxt's cache holds the
        // latest of them, and the latest is the price.
        const latest = (this.exchange.tickers?.[market] as Ticker | undefined) ?? ticker;
        for (const pair of this.pairsByMarket.get(market) ?? [])
          this.handlers?.quote(this.markets.toQuote(pair, latest));
      }
    } catch (error) {
      if (!loop.active) return;
      // One broken watch means a broken socket: the relay stops them all and starts again.
      loop.active = false;
      this.loops.delete(market);
      this.handlers?.fault(describeStreamError(error));
    }
  }

  private unwatch(market: string): void {
    const loop = this.loops.get(market);
    if (loop) loop.active = false;
    this.loops.delete(market);
    // Its answer changes nothing here: the loop is off, and a fault would show on the others.
    unwatchTicker(this.exchange, market).catch(() => undefined);
  }
}

/** A ccxt pro socket client, as far as `guardSends` touches it. */
type SocketClient = { send(message: unknown): Promise<unknown> };

/**
 * Marks every send's failure as handled. ccxt sends a rate-limited subscription from a
 * `then` that drops the promise of the send, so a socket that closed while the subscription
 * waited its turn rejects with nobody listening — an unhandled rejection, which ends a Node
 * process. The close itself reaches the watches (ccxt rejects them), and so the feed.
 */
function guardSends(exchange: Exchange): void {
  const open = exchange.client.bind(exchange) as (url: string) => SocketClient;
  const guarded = new WeakSet<SocketClient>();
  (exchange as unknown as { client: (url: string) => SocketClient }).client = (url) => {
    const client = open(url);
    if (!guarded.has(client)) {
      guarded.add(client);
      const send = client.send.bind(client);
      client.send = (message) => {
        const sent = send(message);
        sent.catch(() => undefined);
        return sent;
      };
    }
    return client;
  };
}

const isUnsubscribeError = (error: unknown) =>
  error instanceof Error && error.constructor.name === 'UnsubscribeError';

/** A stream's failure as a reader may see it: the error's kind and first line, no URL. */
export function describeStreamError(error: unknown): string {
  const name = error instanceof Error ? error.constructor.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const line = message
    .replace(/wss?:\/\/\S+/g, '')
    .split('\n')[0]!
    .trim()
    .slice(0, 160);
  if (/closed by remote server|closing code/.test(line)) return 'socket closed by the exchange';
  if (name === 'RequestTimeout') return 'socket timed out';
  if (name === 'NetworkError') return 'network error';
  return line ? `${name}: ${line}` : name;
}
