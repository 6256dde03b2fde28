import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { FAKE_FX, type FakeMarket } from './fake-market.js';

/**
 * Kraken's public WebSocket v2 as ccxt pro speaks it, on 127.0.0.1: a client connects to
 * `/v2`, sends `{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"]},"req_id":1}`,
 * is answered `{"method":"subscribe","result":{…},"success":true,"req_id":1}`, then gets
 * `{"channel":"ticker","type":"update","data":[{symbol,bid,ask,last,volume,vwap,low,high,change,change_pct}]}`
 * for each symbol it holds — numbers, not strings, and no time (Kraken's ticker has none).
 * `{"method":"ping"}` is answered `{"method":"pong"}`: ccxt pings every 6 s and drops a socket
 * that misses two pongs, so a fake without them broke every stream 12–18 s in.
 */
export class FakeKrakenStream {
  /** Sockets ever accepted. */
  accepted = 0;
  /** Pings answered. */
  pongs = 0;
  /** Every ticker request received, oldest first: `subscribe` or `unsubscribe`, with its symbols. */
  readonly requests: { method: string; symbols: string[] }[] = [];
  private readonly streams = new Map<WebSocket, Set<string>>();
  private ticking: NodeJS.Timeout | undefined;

  private constructor(
    private readonly server: WebSocket.Server,
    private readonly market: FakeMarket,
    /** `ws://127.0.0.1:<port>`, for `SOURCE_WS_URL_CCXT_KRAKEN`. */
    readonly url: string,
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  static async start(market: FakeMarket): Promise<FakeKrakenStream> {
    const server = new WebSocket.Server({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    return new FakeKrakenStream(server, market, `ws://127.0.0.1:${port}`);
  }

  get open(): number {
    return this.streams.size;
  }

  subscribed(): string[] {
    return [...new Set([...this.streams.values()].flatMap((symbols) => [...symbols]))].sort();
  }

  /** One ticker update for every subscribed symbol, at the market's price. */
  tick(): void {
    for (const [socket, symbols] of this.streams) {
      for (const symbol of symbols) {
        const [base = '', quote = ''] = symbol.split('/');
        if (!(quote in FAKE_FX)) continue;
        const last = this.market.priceIn(base, quote);
        const open = this.market.openIn(base, quote);
        const data = {
          symbol,
          bid: last,
          bid_qty: 1,
          ask: last,
          ask_qty: 1,
          last,
          volume: 2158.3,
          vwap: open,
          low: Math.min(last, open),
          high: Math.max(last, open),
          change: last - open,
          change_pct: Number((((last - open) / open) * 100).toFixed(2)),
        };
        socket.send(JSON.stringify({ channel: 'ticker', type: 'update', data: [data] }));
      }
    }
  }

  startTicking(everyMs: number): void {
    this.ticking = setInterval(() => {
      this.market.tick();
      this.tick();
    }, everyMs);
  }

  async close(): Promise<void> {
    clearInterval(this.ticking);
    for (const socket of this.streams.keys()) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.accepted++;
    this.streams.set(socket, new Set());
    socket.on('close', () => this.streams.delete(socket));
    socket.on('message', (raw) => {
      let request: {
        method?: unknown;
        params?: { channel?: unknown; symbol?: unknown };
        req_id?: unknown;
      };
      try {
        request = JSON.parse(String(raw));
      } catch {
        return;
      }
      const { method, params, req_id } = request;
      if (method === 'ping') {
        const now = new Date().toISOString();
        socket.send(JSON.stringify({ method: 'pong', req_id, time_in: now, time_out: now }));
        this.pongs++;
        return;
      }
      const symbols = Array.isArray(params?.symbol) ? params.symbol.map(String) : [];
      if ((method !== 'subscribe' && method !== 'unsubscribe') || params?.channel !== 'ticker') {
        socket.send(
          JSON.stringify({ method, error: 'Unsupported request', success: false, req_id }),
        );
        return;
      }
      this.requests.push({ method, symbols });
      const held = this.streams.get(socket)!;
      for (const symbol of symbols) {
        if (method === 'subscribe') held.add(symbol);
        else held.delete(symbol);
        socket.send(
          JSON.stringify({
            method,
            result: { channel: 'ticker', symbol, snapshot: false },
            success: true,
            time_in: new Date().toISOString(),
            time_out: new Date().toISOString(),
            req_id,
          }),
        );
      }
    });
  }
}
