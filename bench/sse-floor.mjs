// The fan-out bench's yardsticks, each its own process on loopback: `floor`, a bare node:http
// SSE broadcaster (one encoded frame a second written to every socket, nothing else), and
// `better-sse`, the library's channel broadcast. Both send a quotes frame shaped like the
// relay's (5 symbols, `t` = publication time). `/readyz` answers 200 once listening.
// `FLOOR_SYMBOLS` (comma-separated) and `PUBLISHES_PER_SECOND` change the load, for the
// drawn-latency bench's comparison (20 symbols, 4 a second).
import { createServer } from 'node:http';
import { createChannel, createSession } from 'better-sse';

const mode = process.argv[2];
const SYMBOLS = process.env.FLOOR_SYMBOLS?.split(',') ?? ['BTC', 'ETH', 'SOL', 'ADA', 'DOT'];
const PUBLISHES_PER_SECOND = Number(process.env.PUBLISHES_PER_SECOND ?? 1);

/** A quotes event's data as the relay sends it, for the same bytes on the wire. */
function quotesData(t) {
  const quotes = {};
  for (const [i, symbol] of SYMBOLS.entries()) {
    const price = 1000 * (i + 1) + Math.random();
    quotes[symbol] = {
      symbol,
      currency: 'USD',
      price,
      open24h: price * 0.98,
      change24h: price * 0.02,
      changePct24h: 2.04,
      volume24h: 12345.67,
      ts: t,
      source: 'demo',
      stale: false,
    };
  }
  return { t, quotes };
}

const HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
};

let publish;
let handle;
if (mode === 'floor') {
  const clients = new Set();
  handle = (req, res) => {
    res.writeHead(200, HEADERS);
    res.write('retry: 2000\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
  };
  let id = 0;
  publish = () => {
    const t = Date.now();
    const frame = Buffer.from(
      `id: ${t}-${++id}\nevent: quotes\ndata: ${JSON.stringify(quotesData(t))}\n\n`,
    );
    for (const res of clients) res.write(frame);
  };
} else if (mode === 'better-sse') {
  const channel = createChannel();
  handle = async (req, res) => {
    const session = await createSession(req, res, { retry: 2000 });
    channel.register(session);
  };
  publish = () => {
    const t = Date.now();
    channel.broadcast(quotesData(t), 'quotes');
  };
} else {
  throw new Error(`unknown mode ${mode}`);
}

const server = createServer((req, res) => {
  if (req.url === '/readyz') res.end('ok');
  else if (req.url?.startsWith('/v1/stream')) handle(req, res);
  else res.writeHead(404).end();
});
server.listen(Number(process.env.PORT), '127.0.0.1');
setInterval(publish, 1_000 / PUBLISHES_PER_SECOND);
process.on('SIGTERM', () => process.exit(0));
