import type { Exchange } from 'ccxt';

/** A ccxt pro socket client, as far as an unsubscribe of ours touches it. */
interface SubscribedClient {
  subscriptions: Record<string, unknown>;
  futures: Record<string, unknown>;
  send(message: unknown): Promise<unknown>;
  reject(error: unknown, messageHash?: string): void;
}

/** One ticker's unsubscribe, where ccxt pro has none: the socket, ccxt's key of the subscription, the frame. */
interface Unsubscribe {
  url: string;
  hash: string;
  frame: unknown;
}

/** What an exchange's ccxt pro client offers beside its typed methods. */
type ExchangeInternals = Exchange & {
  urls: { api: { ws?: Record<string, string> } };
  requestId(): number;
};

/**
 * Ticker unsubscribes for exchanges whose ccxt pro has no `unWatchTicker` (`has.unWatchTicker`
 * unset), each frame as the exchange documents it and each key as ccxt files the subscription.
 */
const UNSUBSCRIBES: Record<string, (exchange: ExchangeInternals, symbol: string) => Unsubscribe> = {
  // Kraken's WebSocket v2 (ccxt 4.5 has no unWatch for it): the subscribe frame with
  // `unsubscribe` as its method (docs.kraken.com, "spot-websocket-v2/ticker"); ccxt's
  // `watchMultiHelper` keys the subscription `ticker@BTC/USD` on the `publicV2` socket.
  kraken: (exchange, symbol) => ({
    url: exchange.urls.api.ws?.publicV2 ?? '',
    hash: `ticker@${symbol}`,
    frame: {
      method: 'unsubscribe',
      params: { channel: 'ticker', symbol: [symbol] },
      req_id: exchange.requestId(),
    },
  }),
};

/**
 * Ends the subscription to `market`'s ticker on the exchange's socket, so the exchange stops
 * sending a pair nobody reads: ccxt's own `unWatchTicker` where the exchange has one, else our
 * frame from `UNSUBSCRIBES`, with ccxt's bookkeeping done as its own unWatch does it (the
 * subscription forgotten, so a later watch subscribes again; the pending watch rejected with an
 * `UnsubscribeError`). An exchange with neither keeps sending the pair until its socket closes
 * (ccxt caches it; nothing reads it). Resolves once the frame is sent.
 */
export async function unwatchTicker(exchange: Exchange, market: string): Promise<void> {
  if (exchange.has.unWatchTicker) {
    await exchange.unWatchTicker(market);
    return;
  }
  const unsubscribe = UNSUBSCRIBES[exchange.id];
  if (!unsubscribe) return;
  // Imported here, not at the top: ccxt is an optional dependency, loaded only by the sources
  // that use it (as this one does, or there would be no exchange).
  const { UnsubscribeError } = await import('ccxt');
  const internals = exchange as ExchangeInternals;
  const { url, hash, frame } = unsubscribe(internals, exchange.symbol(market));
  const client = (exchange.clients as Record<string, SubscribedClient> | undefined)?.[url];
  if (!client || !(hash in client.subscriptions)) return;
  delete client.subscriptions[hash];
  if (hash in client.futures) client.reject(new UnsubscribeError(`${exchange.id} ${hash}`), hash);
  await client.send(frame);
}
