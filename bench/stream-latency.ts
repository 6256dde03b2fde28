// Exchange event → SSE client receipt, through a streaming source (SOURCES=binance:stream): the
// fake exchange stamps each ticker with its event time; readers in this process note when the
// quote carrying it arrives. One machine clock, so the difference is the whole path: the
// socket, ccxt pro, the quote guard, MAX_EVENTS_PER_SECOND's coalescing, the store, the hub, SSE.
import { request } from 'node:http';
import { startFakeBinance } from '../packages/relay/test/support/fake-binance.js';
import { FakeBinanceStream } from '../packages/relay/test/support/fake-binance-stream.js';
import { FakeMarket } from '../packages/relay/test/support/fake-market.js';
import { cpuSecondsOf, machine, openStream, quantile, spawnRelay } from './support.js';

/** The symbols every reader watches, each a stream the fake ticks. */
const SYMBOLS = ['BTC', 'ETH', 'SOL', 'ADA', 'DOT'];

export async function streamLatency(readerCounts: readonly number[] = [1, 1000], seconds = 10) {
  const ticksPerSecond = 10;
  console.log(
    `\n## Exchange event → SSE receipt, SOURCES=binance:stream, the fake exchange ticking ${ticksPerSecond}/s per symbol, ${SYMBOLS.length} symbols, MAX_EVENTS_PER_SECOND=4 (${machine()})`,
  );
  const market = new FakeMarket();
  const [rest, socket] = await Promise.all([
    startFakeBinance(market),
    FakeBinanceStream.start(market),
  ]);
  const relay = await spawnRelay({
    SOURCES: 'binance:stream',
    SOURCE_URL_BINANCE: rest.url,
    SOURCE_WS_URL_BINANCE: socket.url,
    SYMBOLS: SYMBOLS.join(','),
    MAX_CLIENTS: '100000',
    MAX_CLIENTS_PER_IP: '100000',
    MAX_CONNECTIONS_PER_IP: '100000',
  });
  try {
    socket.startTicking(1_000 / ticksPerSecond);
    for (const readers of readerCounts) {
      // Ten readers measure; the rest only read, as pages would.
      const measuring = Math.min(10, readers);
      const lags: number[] = [];
      const closers = [
        ...(await Promise.all(
          Array.from({ length: measuring }, () => measureStream(relay.url, lags)),
        )),
        ...(await Promise.all(
          Array.from({ length: readers - measuring }, () =>
            openStream(`${relay.url}/v1/stream?symbols=${SYMBOLS.join(',')}`),
          ),
        )),
      ];
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      lags.length = 0;
      const restBefore = rest.callsTo('/api/v3/ticker/24hr').length;
      const cpuBefore = cpuSecondsOf(relay.pid);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
      const cpu = (cpuSecondsOf(relay.pid) - cpuBefore) / seconds;
      const restCalls = rest.callsTo('/api/v3/ticker/24hr').length - restBefore;
      console.log(
        `${String(readers).padStart(6)} readers  lag p50 ${quantile(lags, 0.5).toFixed(0).padStart(4)} ms  p99 ${quantile(lags, 0.99).toFixed(0).padStart(4)} ms  ` +
          `(${lags.length} quotes)  relay CPU ${(cpu * 100).toFixed(0)} %  upstream sockets ${socket.open}  REST price calls ${restCalls}`,
      );
      for (const close of closers) close();
    }
  } finally {
    socket.stopTicking();
    await relay.stop();
    await socket.close();
    await rest.close();
  }
}

/** A reader that notes, for each quote it receives, now minus the quote's time (the exchange's event time). */
function measureStream(url: string, lags: number[]): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/v1/stream?symbols=${SYMBOLS.join(',')}`,
      { headers: { Accept: 'text/event-stream' }, agent: false },
      (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const received = Date.now();
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
            if (!frame.includes('event: quotes')) continue;
            const data = frame.split('\n').find((line) => line.startsWith('data: '));
            if (!data) continue;
            const { quotes } = JSON.parse(data.slice(6)) as {
              quotes: Record<string, { ts: number }>;
            };
            for (const { ts } of Object.values(quotes)) lags.push(received - ts);
          }
        });
        resolve(() => req.destroy());
      },
    );
    req.on('error', reject);
    req.end();
  });
}
