import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { FAKE_FX, type FakeMarket } from './fake-market.js';

/** A SUBSCRIBE or UNSUBSCRIBE as the fake received it. */
export interface StreamRequest {
  method: string;
  params: string[];
  /** The socket's path: ccxt connects to `<ws url>/<n>`. */
  path: string;
}

/** The quote currencies of the fake's markets, longest first so `BTCUSDT` is BTC in USDT. */
const QUOTES = ['USDT', 'EUR', 'BTC'];

/**
 * Binance's public market streams as ccxt pro speaks them, on 127.0.0.1: a client connects to
 * `/ws/<n>`, sends `{"method":"SUBSCRIBE","params":["btcusdt@ticker"],"id":1}`, is answered
 * `{"result":null,"id":1}`, and then gets `24hrTicker` frames in Binance's shape (strings for
 * decimals, `E` the event time in ms) for each stream it holds. The server pings (ws answers
 * pong by itself), can close every socket from its side, stay silent, or refuse subscriptions
 * with Binance's error frame. Prices come from the same `FakeMarket` as the fake REST.
 */
export class FakeBinanceStream {
  /** Every request received, in order. */
  readonly requests: StreamRequest[] = [];
  /** Sockets ever accepted. */
  accepted = 0;
  /** Pongs received: the client's answer to the server's pings. */
  pongs = 0;
  /** True: subscriptions are answered, but no ticker is ever sent (an open, silent socket). */
  silent = false;
  /** True: subscriptions are answered with Binance's error frame. */
  refuse = false;
  private readonly streams = new Map<WebSocket, Set<string>>();
  private ticking: NodeJS.Timeout | undefined;
  private pinging: NodeJS.Timeout | undefined;

  private constructor(
    private readonly server: WebSocket.Server,
    private readonly market: FakeMarket,
    /** `ws://127.0.0.1:<port>`, for `SOURCE_WS_URL_BINANCE`. */
    readonly url: string,
  ) {
    server.on('connection', (socket, request) => this.accept(socket, request.url ?? '/'));
  }

  static async start(market: FakeMarket, { pingMs = 1_000 } = {}): Promise<FakeBinanceStream> {
    const server = new WebSocket.Server({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const fake = new FakeBinanceStream(server, market, `ws://127.0.0.1:${port}`);
    fake.pinging = setInterval(() => {
      for (const socket of fake.streams.keys()) socket.ping();
    }, pingMs);
    return fake;
  }

  /** Sockets open now. */
  get open(): number {
    return this.streams.size;
  }

  /** The streams subscribed on any open socket: `btcusdt@ticker`, … */
  subscribed(): string[] {
    return [...new Set([...this.streams.values()].flatMap((streams) => [...streams]))].sort();
  }

  /**
   * Sends one `24hrTicker` for every subscribed stream, at the market's price (or `price` for
   * the market ids in `lies`); returns how many frames went out.
   */
  tick(lies: Record<string, number> = {}, eventMs = this.market.now()): number {
    if (this.silent) return 0;
    let sent = 0;
    for (const [socket, streams] of this.streams) {
      for (const stream of streams) {
        const id = stream.split('@')[0]!.toUpperCase();
        const frame = this.frame(id, eventMs, lies[id]);
        if (!frame) continue;
        socket.send(JSON.stringify(frame));
        sent++;
      }
    }
    return sent;
  }

  /** Ticks every `everyMs` until `stopTicking` (the market moves a step each time). */
  startTicking(everyMs: number): void {
    this.stopTicking();
    this.ticking = setInterval(() => {
      this.market.tick();
      this.tick();
    }, everyMs);
  }

  stopTicking(): void {
    clearInterval(this.ticking);
    this.ticking = undefined;
  }

  /** Closes every socket from the server's side, as an exchange does at maintenance. */
  dropAll(): void {
    for (const socket of this.streams.keys()) socket.close(1001, 'going away');
  }

  async close(): Promise<void> {
    this.stopTicking();
    clearInterval(this.pinging);
    for (const socket of this.streams.keys()) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, path: string): void {
    this.accepted++;
    this.streams.set(socket, new Set());
    socket.on('pong', () => this.pongs++);
    socket.on('close', () => this.streams.delete(socket));
    socket.on('message', (data) => this.answer(socket, path, String(data)));
  }

  private answer(socket: WebSocket, path: string, text: string): void {
    let request: { method?: unknown; params?: unknown; id?: unknown };
    try {
      request = JSON.parse(text);
    } catch {
      socket.send(JSON.stringify({ error: { code: 3, msg: 'Invalid JSON' } }));
      return;
    }
    const { method, params, id } = request;
    if ((method !== 'SUBSCRIBE' && method !== 'UNSUBSCRIBE') || !Array.isArray(params)) {
      socket.send(JSON.stringify({ error: { code: 2, msg: 'Invalid request' }, id }));
      return;
    }
    this.requests.push({ method, params: params.map(String), path });
    if (this.refuse) {
      socket.send(JSON.stringify({ error: { code: 2, msg: 'Invalid request' }, id }));
      return;
    }
    const streams = this.streams.get(socket)!;
    for (const stream of params.map(String)) {
      if (method === 'SUBSCRIBE') streams.add(stream);
      else streams.delete(stream);
    }
    socket.send(JSON.stringify({ result: null, id }));
  }

  /** Binance's `24hrTicker` for market id `id` (`BTCUSDT`), or `undefined` if the fake lacks it. */
  private frame(id: string, eventMs: number, lie?: number) {
    const quote = QUOTES.find((currency) => id.endsWith(currency) && id.length > currency.length);
    if (!quote) return undefined;
    const base = id.slice(0, -quote.length);
    if (!this.market.symbols.includes(base)) return undefined;
    if (quote !== 'BTC' && !(quote in FAKE_FX)) return undefined;
    const last = lie ?? this.market.priceIn(base, quote);
    const open = this.market.openIn(base, quote);
    return {
      e: '24hrTicker',
      E: eventMs,
      s: id,
      p: String(last - open),
      P: (((last - open) / open) * 100).toFixed(3),
      w: String(open),
      x: String(open),
      c: String(last),
      Q: '0.01',
      b: String(last),
      B: '1',
      a: String(last),
      A: '1',
      o: String(open),
      h: String(Math.max(last, open)),
      l: String(Math.min(last, open)),
      v: '12345.6',
      q: String(12345.6 * last),
      O: eventMs - 86_400_000,
      C: eventMs,
      F: 1,
      L: 1000,
      n: 1000,
    };
  }
}
