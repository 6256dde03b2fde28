// `/v1/candles`: upstream cost as charts multiply (1 and 2 relays), latency from the cache,
// and the bytes of a chart's first load.
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { startFakeBinance } from '../packages/relay/test/support/fake-binance.js';
import { FakeMarket } from '../packages/relay/test/support/fake-market.js';
import type { FakeUpstream } from '../packages/relay/test/support/fake-upstream.js';
import { RedisServer } from '../packages/relay/test/support/redis-server.js';
import { kib, machine, spawnRelay } from './support.js';

/** Charts per symbol: each symbol stands for one count, so one run measures all three. */
const CHARTS: Record<string, number> = { BTC: 1, ETH: 100, SOL: 1_000 };
/** Every chart asks again this often (a reload, a reconnect): far more often than readers do. */
const REASK_MS = 15_000;

export async function candles(seconds = 60): Promise<void> {
  console.log(
    `\n## GET /v1/candles?range=1h (cached ~1 min): upstream candle calls per minute, each chart asking every ${REASK_MS / 1000} s (${machine()})`,
  );
  const redis = await RedisServer.start();
  const setups: {
    name: string;
    binance: FakeUpstream;
    relays: string[];
    stop: () => Promise<void>;
  }[] = [];
  try {
    for (const [name, count] of [
      ['1 relay ', 1],
      ['2 relays', 2],
    ] as const) {
      const binance = await startFakeBinance(new FakeMarket());
      const relays = await Promise.all(
        Array.from({ length: count }, () =>
          spawnRelay({
            SOURCES: 'binance',
            SOURCE_URL_BINANCE: binance.url,
            ...(count > 1 && { REDIS_URL: redis.url }),
          }),
        ),
      );
      setups.push({
        name,
        binance,
        relays: relays.map((relay) => relay.url),
        stop: async () => {
          await Promise.all(relays.map((relay) => relay.stop()));
          await binance.close();
        },
      });
    }
    // Every chart of every setup, spread evenly over the re-ask period, round-robin over relays.
    const until = Date.now() + seconds * 1000;
    const charts = setups.flatMap(({ relays }) =>
      Object.entries(CHARTS).flatMap(([symbol, count]) =>
        Array.from({ length: count }, (_, i) => ({
          url: `${relays[i % relays.length]}/v1/candles?symbol=${symbol}&range=1h`,
          offset: (i / count) * REASK_MS,
        })),
      ),
    );
    let failed = 0;
    await Promise.all(
      charts.map(async ({ url, offset }) => {
        await sleep(offset);
        while (Date.now() < until) {
          const response = await fetch(url).catch(() => undefined);
          if (!response?.ok) failed++;
          await response?.arrayBuffer();
          await sleep(REASK_MS);
        }
      }),
    );
    for (const { name, binance } of setups) {
      const line = Object.entries(CHARTS).map(([symbol, count]) => {
        const calls = binance
          .callsTo('/api/v3/klines')
          .filter(
            (call) => call.query.has('startTime') && call.query.get('symbol') === `${symbol}USDT`,
          );
        return `${String(count).padStart(5)} charts ${((calls.length * 60) / seconds).toFixed(1).padStart(4)} calls/min`;
      });
      console.log(`${name}  ${line.join('   ')}`);
    }
    console.log(
      `(${charts.length * Math.ceil((seconds * 1000) / REASK_MS)} requests, ${failed} failed)`,
    );

    const relay = setups[0]!.relays[0]!;
    const url = `${relay}/v1/candles?symbol=BTC&range=24h`;
    await fetch(url);
    const result = await autocannon({ url, connections: 50, duration: 10 });
    console.log(
      `from the cache, 50 connections, flat out: ${Math.round(result.requests.average)} req/s  latency p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${result.errors + result.non2xx}`,
    );

    const bytes = [];
    for (const range of ['1h', '24h', '7d', '30d', '1y']) {
      const body = await (await fetch(`${relay}/v1/candles?symbol=BTC&range=${range}`)).text();
      bytes.push(`${range} ${kib(body.length)} (${kib(gzipSync(body).length)} gzip)`);
    }
    console.log(`answer sizes: ${bytes.join(' · ')}`);
  } finally {
    for (const setup of setups) await setup.stop();
    await redis.kill();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
