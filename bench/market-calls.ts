// Upstream calls per minute with 1,000 clients in one currency, in three, and with pinned
// sources: one batched call per source per poll, whatever readers ask for.
import { startFakeBinance } from '../packages/relay/test/support/fake-binance.js';
import { startFakeCoinGecko } from '../packages/relay/test/support/fake-coingecko.js';
import { FakeMarket } from '../packages/relay/test/support/fake-market.js';
import { machine, openStream, spawnRelay } from './support.js';

const CLIENTS = 1_000;
const WINDOW_S = 60;

/** What the clients of each run watch, one set per client in turn. */
const RUNS = [
  { name: '1 currency', currencies: 'USD', sets: ['BTC', 'ETH,SOL', 'DOGE'] },
  {
    name: '3 currencies',
    currencies: 'USD,EUR,BTC',
    sets: ['BTC', 'ETH,SOL', 'BTC/EUR,ETH/EUR', 'ETH/BTC,SOL/BTC', 'DOGE/EUR'],
  },
  {
    name: '3 currencies + pins',
    currencies: 'USD,EUR,BTC',
    sets: [
      'BTC',
      'BTC/EUR,ETH/BTC',
      'DOGE/EUR',
      'BTC@coingecko',
      'ETH/EUR@coingecko',
      'SOL@binance',
    ],
  },
];

export async function marketCalls(): Promise<void> {
  console.log(
    `\n## Upstream calls per minute by currencies and pins, ${CLIENTS} clients, POLL_INTERVAL=1, fake Binance then keyless CoinGecko (${machine()})`,
  );
  const market = new FakeMarket();
  const binance = await startFakeBinance(market);
  const coingecko = await startFakeCoinGecko(market);
  const tickers = () => binance.callsTo('/api/v3/ticker/24hr');
  const prices = () => coingecko.callsTo('/api/v3/simple/price');
  try {
    for (const run of RUNS) {
      const relay = await spawnRelay({
        SOURCES: 'binance,coingecko',
        SOURCE_URL_BINANCE: binance.url,
        SOURCE_URL_COINGECKO: coingecko.url,
        CURRENCIES: run.currencies,
        SYMBOLS: 'BTC',
        POLL_INTERVAL: '1',
        MAX_CLIENTS_PER_IP: '100000',
      });
      try {
        const closers = await Promise.all(
          Array.from({ length: CLIENTS }, (_, i) =>
            openStream(`${relay.url}/v1/stream?symbols=${run.sets[i % run.sets.length]}`),
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const [tickersBefore, pricesBefore] = [tickers().length, prices().length];
        await new Promise((resolve) => setTimeout(resolve, WINDOW_S * 1000));
        const binanceCalls = tickers().slice(tickersBefore);
        const coingeckoCalls = prices().slice(pricesBefore);
        const perMinute = (calls: unknown[]) => ((calls.length * 60) / WINDOW_S).toFixed(0);
        const pairs = JSON.parse(binanceCalls.at(-1)?.query.get('symbols') ?? '[]').length;
        const currencies = coingeckoCalls.at(-1)?.query.get('vs_currencies') ?? '—';
        console.log(
          `${run.name.padEnd(20)} binance ${perMinute(binanceCalls).padStart(3)} calls/min (${pairs} pairs each)   coingecko ${perMinute(coingeckoCalls).padStart(2)} calls/min (vs_currencies ${currencies})   total ${perMinute([...binanceCalls, ...coingeckoCalls]).padStart(3)}/min`,
        );
        for (const close of closers) close();
      } finally {
        await relay.stop();
      }
    }
  } finally {
    await binance.close();
    await coingecko.close();
  }
}
