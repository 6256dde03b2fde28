import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sampleQuote } from '../../packages/widgets/src/feed/sample-quotes.js';

/** One frame the hostile relay sends as it is: `data` is raw text, JSON or not. */
export interface HostileFrame {
  event: string;
  data: string;
  id?: string;
}

/** What the next stream of the hostile relay sends. */
export interface HostileScript {
  /** First, a snapshot of one symbol whose history has this many points (built here, not sent from the test). */
  hugeSnapshot?: { symbol: string; price: number; points: number };
  frames: HostileFrame[];
  /** Then `quotes` events for `symbol` at this rate, for `seconds`, the price rising by 1 each. */
  burst?: { symbol: string; perSecond: number; seconds: number; fromPrice: number };
  /** What `/v1/candles` answers, as it is, with status 200 and a JSON content type. */
  candles?: string;
}

/**
 * A "relay" on 127.0.0.1 that streams whatever a test scripts — malformed events, a
 * million-point history, thousands of events a second — as a broken or hostile relay
 * would. Browser tests point elements at it to prove the page survives.
 */
export class HostileRelay {
  script: HostileScript = { frames: [] };
  private readonly streams = new Set<ServerResponse>();

  private constructor(
    readonly url: string,
    private readonly server: Server,
  ) {}

  static async start(): Promise<HostileRelay> {
    let relay: HostileRelay | undefined;
    const server = createServer((req, res) => {
      const candles = relay?.script.candles;
      if (req.url?.includes('/v1/candles') && candles !== undefined) {
        res
          .writeHead(200, {
            'Access-Control-Allow-Origin': '*',
            'Content-Type': 'application/json',
          })
          .end(candles);
        return;
      }
      if (!req.url?.includes('/v1/stream')) {
        res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
        return;
      }
      relay!.stream(res);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    relay = new HostileRelay(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server);
    return relay;
  }

  async close(): Promise<void> {
    for (const res of this.streams) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private stream(res: ServerResponse): void {
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
    });
    const { frames, burst, hugeSnapshot } = this.script;
    if (hugeSnapshot) res.write(encode(hugeSnapshotFrame(hugeSnapshot)));
    for (const frame of frames) res.write(encode(frame));
    if (!burst) return;
    // Events in batches every 10 ms: as many a second as asked, as fast as a socket delivers.
    const perBatch = Math.max(1, Math.round(burst.perSecond / 100));
    let sent = 0;
    const total = burst.perSecond * burst.seconds;
    const timer = setInterval(() => {
      let batch = '';
      for (let i = 0; i < perBatch && sent < total; i++, sent++) {
        const price = burst.fromPrice + sent + 1;
        batch += encode({
          event: 'quotes',
          id: `burst-${sent}`,
          data: JSON.stringify({
            t: Date.now(),
            quotes: {
              [burst.symbol]: sampleQuote(
                burst.symbol,
                price,
                ((price - burst.fromPrice) / burst.fromPrice) * 100,
                { source: 'hostile' },
              ),
            },
          }),
        });
      }
      res.write(batch);
      if (sent >= total) clearInterval(timer);
    }, 10);
    res.on('close', () => clearInterval(timer));
  }
}

function hugeSnapshotFrame({
  symbol,
  price,
  points,
}: NonNullable<HostileScript['hugeSnapshot']>): HostileFrame {
  const now = Date.now();
  const history = Array.from({ length: points }, (_, i) => [now - (points - i) * 1_000, price]);
  const quote = sampleQuote(symbol, price, 0, { source: 'hostile' });
  return {
    event: 'snapshot',
    data: JSON.stringify({
      interval: 1_000,
      quotes: { [symbol]: quote },
      history: { [symbol]: history },
      unknown: [],
      sources: [{ id: 'hostile', state: 'ok', simulated: false }],
    }),
  };
}

function encode({ event, data, id }: HostileFrame): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${data}\n\n`;
}
