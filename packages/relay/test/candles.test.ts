import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  bucketCount,
  bucketStart,
  CANDLE_RANGES,
  type CandleRange,
  type CandlesAnswer,
  type ErrorAnswer,
  windowStart,
} from '@tickwire/protocol';
import { loadConfig } from '../src/config.js';
import type { Relay } from '../src/relay.js';
import { CoinGeckoSource } from '../src/sources/coingecko-source.js';
import { createSources } from '../src/sources/create-sources.js';
import { DemoSource } from '../src/sources/demo.js';
import { startBinanceRelay } from './support/binance-relay.js';
import { startFakeBinance } from './support/fake-binance.js';
import { startFakeCoinGecko } from './support/fake-coingecko.js';
import { FakeMarket } from './support/fake-market.js';
import type { FakeUpstream } from './support/fake-upstream.js';
import { metricValue, startTestRelay } from './support/relay.js';

const RANGES = Object.keys(CANDLE_RANGES) as CandleRange[];

async function candles(relay: Relay, query: string) {
  const askedAt = Date.now();
  const response = await fetch(`${relay.url}/v1/candles?${query}`);
  return { response, askedAt, body: (await response.json()) as CandlesAnswer & ErrorAnswer };
}

/** Klines calls for candles (a backfill of history asks without a start time). */
const klines = (binance: FakeUpstream, symbol = 'BTCUSDT') =>
  binance
    .callsTo('/api/v3/klines')
    .filter((call) => call.query.has('startTime') && call.query.get('symbol') === symbol);

/** The buckets of `range`'s whole window at `now`: `bucketCount`, but the days so far for `ytd`. */
const bucketsAt = (range: CandleRange, now: number) => {
  const step = CANDLE_RANGES[range].resolution * 1000;
  return (bucketStart(now, step) - windowStart(range, now)) / step + 1;
};

/** Checks what `/v1/candles` promises: the grid, the order, the bucket under way last. */
function assertOnGrid(
  answer: CandlesAnswer,
  range: CandleRange,
  askedAt: number,
  count = bucketsAt(range, askedAt),
) {
  const step = CANDLE_RANGES[range].resolution * 1000;
  assert.equal(answer.range, range);
  assert.equal(answer.resolution, CANDLE_RANGES[range].resolution);
  assert.equal(answer.candles.length, count, `${range}: ${count} buckets`);
  answer.candles.forEach(([t, open, high, low, close], index) => {
    assert.equal(t % step, 0, `${range}: bucket ${index} starts on the grid`);
    if (index > 0) assert.equal(t - answer.candles[index - 1]![0], step, `${range}: evenly spaced`);
    assert.ok(low <= Math.min(open, close) && high >= Math.max(open, close));
  });
  const last = answer.candles.at(-1)![0];
  const current = (ms: number) => Math.floor(ms / step) * step;
  assert.ok(
    last >= current(askedAt) && last <= current(Date.now()),
    'the last is the current bucket',
  );
}

describe('GET /v1/candles from Binance through the real ccxt client', () => {
  let binance: FakeUpstream;
  let relay: Relay;
  let stop: () => Promise<void>;

  before(async () => {
    ({ binance, relay, stop } = await startBinanceRelay());
  });
  after(() => stop());

  test('every range: evenly spaced buckets at its resolution, from klines at its interval (1,000 a call)', async () => {
    const intervals: Record<CandleRange, string> = {
      '1h': '1m',
      '24h': '5m',
      '7d': '1h',
      '30d': '4h',
      '90d': '12h',
      '1y': '1d',
      ytd: '1d',
      all: '1d',
    };
    for (const range of RANGES) {
      const before = klines(binance).length;
      const { response, body, askedAt } = await candles(relay, `symbol=btc&range=${range}`);
      assert.equal(response.status, 200);
      assert.equal(body.symbol, 'BTC');
      assert.equal(body.source, 'binance');
      assert.equal(body.currency, 'USD');
      assert.equal(body.simulated, false);
      assertOnGrid(body, range, askedAt);
      assert.equal(body.candles.at(-1)![5], 10.5, 'volume from the kline');
      const calls = klines(binance).slice(before);
      // 20 years of days (7,305) is read in pages, each from the day after the last page's.
      assert.equal(calls.length, Math.ceil(body.candles.length / 1_000), range);
      for (const call of calls) {
        assert.equal(call.query.get('interval'), intervals[range]);
        assert.equal(call.query.get('symbol'), 'BTCUSDT');
      }
      // From the window's start (at the moment asked, or a bucket later if one opened since).
      const start = Number(calls[0]!.query.get('startTime'));
      assert.ok(
        start >= windowStart(range, askedAt) && start <= windowStart(range, Date.now()),
        range,
      );
    }
  });

  test('year to date starts on 1 January (UTC); all is 20 years of days at most', async () => {
    const { body: ytd } = await candles(relay, 'symbol=BTC&range=ytd');
    assert.equal(ytd.candles[0]![0], Date.UTC(new Date().getUTCFullYear(), 0, 1));
    const { body: all } = await candles(relay, 'symbol=BTC&range=all');
    assert.equal(all.candles.length, bucketCount('all'));
  });

  test('100 readers at once cost one upstream call; later readers get the cache, with validators', async () => {
    const before = klines(binance, 'ETHUSDT').length;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => candles(relay, 'symbol=ETH&range=7d')),
    );
    assert.ok(answers.every(({ response }) => response.status === 200));
    assert.equal(klines(binance, 'ETHUSDT').length - before, 1);

    const { response } = await candles(relay, 'symbol=ETH&range=7d');
    assert.equal(response.headers.get('content-encoding'), 'gzip');
    const etag = response.headers.get('etag')!;
    assert.match(response.headers.get('cache-control')!, /^public, max-age=\d+$/);
    const revalidated = await fetch(`${relay.url}/v1/candles?symbol=ETH&range=7d`, {
      headers: { 'If-None-Match': etag },
    });
    assert.equal(revalidated.status, 304);
    assert.equal(klines(binance, 'ETHUSDT').length - before, 1);
  });

  test('ETH, ETH/USD, ETH@binance and ETH/USD@binance share one cache entry and one upstream call, each answer naming what it asked', async () => {
    const spellings = ['ETH', 'ETH/USD', 'ETH@binance', 'ETH/USD@binance', 'eth/usd@binance'];
    const before = klines(binance, 'ETHUSDT').length;
    const answers = await Promise.all(
      spellings.flatMap((symbol) =>
        Array.from({ length: 20 }, () =>
          candles(relay, `symbol=${encodeURIComponent(symbol)}&range=24h`),
        ),
      ),
    );
    assert.ok(answers.every(({ response }) => response.status === 200));
    assert.equal(
      klines(binance, 'ETHUSDT').length - before,
      1,
      'one call for every spelling at once',
    );
    assert.deepEqual([...new Set(answers.map(({ body }) => body.symbol))].sort(), [
      'ETH',
      'ETH/USD',
      'ETH/USD@binance',
      'ETH@binance',
    ]);
    assert.equal(new Set(answers.map(({ body }) => JSON.stringify(body.candles))).size, 1);
    // Each spelling is its own body, so its own validator.
    assert.equal(new Set(answers.map(({ response }) => response.headers.get('etag'))).size, 4);
    for (const symbol of spellings) {
      const { response } = await candles(relay, `symbol=${encodeURIComponent(symbol)}&range=24h`);
      assert.equal(response.status, 200);
    }
    assert.equal(klines(binance, 'ETHUSDT').length - before, 1, 'and none for each one after');

    const eurBefore = klines(binance, 'ETHEUR').length;
    const euros = await Promise.all(
      ['ETH/EUR', 'ETH/EUR@binance'].map((symbol) => candles(relay, `symbol=${symbol}&range=24h`)),
    );
    assert.deepEqual(
      euros.map(({ body }) => body.currency),
      ['EUR', 'EUR'],
    );
    assert.equal(
      klines(binance, 'ETHEUR').length - eurBefore,
      1,
      'another currency, another market',
    );
  });

  test('bad input is a 400 with a JSON error before any upstream call', async () => {
    const before = binance.callsTo('/api/v3/klines').length;
    const cases: [string, string][] = [
      ['symbol=NOTACOIN', 'unknown_symbol'],
      ['symbol=BTC&range=2w', 'bad_range'],
      ['range=24h', 'bad_symbol'],
      ['symbol=BTC,ETH', 'too_many_symbols'],
      ['symbol=%3Cscript%3E', 'bad_symbol'],
    ];
    for (const [query, code] of cases) {
      const { response, body } = await candles(relay, query);
      assert.equal(response.status, 400, query);
      assert.equal(body.error.code, code, query);
      assert.ok(body.error.message.length > 10);
    }
    assert.equal(binance.callsTo('/api/v3/klines').length, before);
  });
});

describe('GET /v1/candles from CoinGecko', () => {
  let coingecko: FakeUpstream;
  let relay: Relay;

  before(async () => {
    coingecko = await startFakeCoinGecko(new FakeMarket());
    relay = await startTestRelay({
      env: { SOURCES: 'coingecko' },
      sources: [
        new CoinGeckoSource({ currencies: ['USD'], baseUrl: coingecko.url, apiKey: 'pro:key' }),
      ],
    });
  });
  after(async () => {
    await relay.stop();
    await coingecko.close();
  });

  test('market_chart for every range but 30d (ohlc), each at its resolution', async () => {
    const daysThisYear = Math.ceil((Date.now() - windowStart('ytd', Date.now())) / 86_400_000);
    const calls: Record<string, [string, string]> = {
      '24h': ['market_chart', '1'],
      '7d': ['market_chart', '7'],
      '30d': ['ohlc', '30'],
      '90d': ['market_chart', '90'],
      '1y': ['market_chart', '365'],
      ytd: ['market_chart', String(Math.min(365, daysThisYear))],
      all: ['market_chart', 'max'],
    };
    for (const [range, [endpoint, days]] of Object.entries(calls) as [CandleRange, string[]][]) {
      const before = coingecko.calls.length;
      const { response, body, askedAt } = await candles(relay, `symbol=DOGE&range=${range}`);
      assert.equal(response.status, 200, range);
      assert.equal(body.source, 'coingecko');
      // market_chart's history starts `days` ago: the oldest bucket may fall just short of it;
      // all of it is as long as the coin's history (the fake's: 2,000 days).
      const whole = range === 'all' ? 2_000 : bucketsAt(range, askedAt);
      assert.ok(body.candles.length >= whole - 1, range);
      assertOnGrid(body, range, askedAt, body.candles.length);
      const made = coingecko.calls
        .slice(before)
        .filter((call) => call.path.includes('/coins/dogecoin/'));
      assert.deepEqual(
        made.map((call) => [call.path.split('/').at(-1), call.query.get('days')]),
        [[endpoint, days]],
      );
    }
  });

  test('ohlc rows are stamped with their close: each becomes the bucket it closes', async () => {
    const { body } = await candles(relay, 'symbol=ETH&range=30d');
    const step = 4 * 3_600_000;
    const current = bucketStart(Date.now(), step);
    assert.equal(body.candles.at(-1)![0], current);
    assert.equal(body.candles.at(-1)![5], null, 'CoinGecko has no volume per bucket');
  });

  test('no 1-minute buckets at CoinGecko and no other source: a 404 that says so in words and in parts (the sources, the ranges there are), without asking upstream', async () => {
    const before = coingecko.calls.length;
    for (const symbol of ['BTC', 'BTC@coingecko']) {
      const { response, body } = await candles(
        relay,
        `symbol=${encodeURIComponent(symbol)}&range=1h`,
      );
      assert.equal(response.status, 404, symbol);
      assert.equal(response.headers.get('retry-after'), null, 'waiting will not help');
      assert.equal(body.error.code, 'range_unavailable');
      assert.equal(
        body.error.message,
        'CoinGecko has no 1-minute candles for a 1H chart; choose 24H or longer.',
      );
      // The same in parts, for a chart to say in its reader's language.
      assert.deepEqual(body.error.sources, ['CoinGecko']);
      assert.deepEqual(body.error.ranges, ['24h', '7d', '30d', '90d', '1y', 'ytd', 'all']);
    }
    assert.equal(coingecko.calls.length, before);
  });

  test('CoinGecko failing now: a 503 to retry, naming the source and the symbol in words', async () => {
    coingecko.faults.push({ path: '/api/v3/coins/cardano', status: 500 });
    const { response, body } = await candles(relay, 'symbol=ADA%40coingecko&range=7d');
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '30');
    assert.equal(body.error.code, 'no_candles');
    assert.equal(
      body.error.message,
      'CoinGecko could not give the 7D candles of ADA just now; try again shortly.',
    );
  });
});

describe('candle failover and budgets', () => {
  test('a range one source lacks, or a source that fails, is taken from the next', async () => {
    const market = new FakeMarket();
    const binance = await startFakeBinance(market);
    const coingecko = await startFakeCoinGecko(market);
    const config = loadConfig({
      SOURCES: 'coingecko,binance',
      SOURCE_URL_BINANCE: binance.url,
      SOURCE_URL_COINGECKO: coingecko.url,
      COINGECKO_API_KEY: 'pro:test-key',
    });
    const relay = await startTestRelay({
      env: { SOURCES: 'coingecko,binance' },
      sources: await createSources(config),
    });
    try {
      const hour = await candles(relay, 'symbol=BTC&range=1h');
      assert.equal(hour.body.source, 'binance', 'CoinGecko has no 1-minute buckets');
      assertOnGrid(hour.body, '1h', hour.askedAt);
      const pinned = await candles(relay, 'symbol=BTC%40coingecko&range=1h');
      assert.equal(pinned.response.status, 404, 'a reader who chose CoinGecko is told it has none');
      assert.equal(
        pinned.body.error.message,
        'CoinGecko has no 1-minute candles for a 1H chart; choose 24H or longer.',
      );

      coingecko.faults.push({
        path: '/api/v3/coins/dogecoin',
        status: 503,
        headers: { 'Retry-After': '120' },
      });
      const day = await candles(relay, 'symbol=DOGE&range=24h');
      assert.equal(day.body.source, 'binance');
      assertOnGrid(day.body, '24h', day.askedAt);
      const week = await candles(relay, 'symbol=DOGE&range=7d');
      assert.equal(week.body.source, 'binance');
      assert.equal(
        coingecko.callsTo('/api/v3/coins/dogecoin').length,
        1,
        'CoinGecko is left alone for the 120 s it asked',
      );
      assert.equal(
        await metricValue(relay, 'tickwire_upstream_candle_requests_total', 'outcome="error"'),
        1,
      );
    } finally {
      await relay.stop();
      await binance.close();
      await coingecko.close();
    }
  });

  test('CoinGecko candles never spend the last calls of the plan, which keep prices current', async () => {
    const coingecko = await startFakeCoinGecko(new FakeMarket());
    const source = new CoinGeckoSource({ currencies: ['USD'], baseUrl: coingecko.url });
    try {
      await source.listPairs();
      const refused: string[] = [];
      for (const range of ['24h', '7d', '30d', '1y', '24h', '7d', '30d', '1y'] as CandleRange[]) {
        await source
          .fetchCandles('BTC/USD', range)
          .catch((error: Error) => refused.push(error.message));
      }
      assert.ok(refused.includes('call budget kept for prices'));
      // Keyless: 10 calls a minute; the listing took two (coins, currencies), candles stop
      // with 3 left for prices.
      assert.equal(coingecko.callsTo('/api/v3/coins/bitcoin').length, 5);
      const quotes = await source.fetchQuotes(['BTC/USD']);
      assert.equal(quotes[0]?.symbol, 'BTC/USD');
    } finally {
      await source.close();
      await coingecko.close();
    }
  });
});

describe('demo candles', () => {
  test('labelled simulated, evenly spaced, ending at the live price; the same seed draws the same past', async () => {
    const now = Date.UTC(2026, 10, 28, 12, 34, 56);
    const first = new DemoSource({ seed: 7, now: () => now });
    const again = new DemoSource({ seed: 7, now: () => now });
    const [quote] = await first.fetchQuotes(['BTC/USD']);
    for (const range of RANGES) {
      const drawn = (await first.fetchCandles('BTC/USD', range))!;
      assert.deepEqual(drawn, await again.fetchCandles('BTC/USD', range), range);
      const step = CANDLE_RANGES[range].resolution * 1000;
      assert.equal(drawn.length, bucketsAt(range, now), range);
      assert.ok(
        drawn.every(([t], i) => i === 0 || t - drawn[i - 1]![0] === step),
        range,
      );
      assert.equal(drawn.at(-1)![0], Math.floor(now / step) * step);
      assert.equal(drawn.at(-1)![4], quote!.price, `${range} ends at the live price`);
    }

    const relay = await startTestRelay({ sources: [new DemoSource({ seed: 42 })] });
    try {
      const { body, askedAt } = await candles(relay, 'symbol=ETH&range=24h');
      assert.equal(body.source, 'demo');
      assert.equal(body.simulated, true);
      assertOnGrid(body, '24h', askedAt);
    } finally {
      await relay.stop();
    }
  });

  test("every candle opens at the price the market quoted at its bucket's start and closes at the one at its end", async () => {
    const now = Date.UTC(2026, 10, 28, 12, 34, 56);
    const priceAt = async (at: number) =>
      (await new DemoSource({ seed: 7, now: () => at }).fetchQuotes(['ETH/EUR']))[0]!.price;
    for (const range of ['1h', '24h'] as const) {
      const drawn = (await new DemoSource({ seed: 7, now: () => now }).fetchCandles(
        'ETH/EUR',
        range,
      ))!;
      const step = CANDLE_RANGES[range].resolution * 1000;
      for (const [index, [t, open, high, low, close]] of drawn.entries()) {
        const end = Math.min(t + step, now);
        assert.equal(close, await priceAt(end), `${range} bucket ${index} closes at its end`);
        assert.equal(open, await priceAt(t), `${range} bucket ${index} opens at its start`);
        assert.ok(high >= Math.max(open, close) && low <= Math.min(open, close));
      }
    }
  });
});
