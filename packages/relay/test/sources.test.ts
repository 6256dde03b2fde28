import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import type { Relay } from '../src/relay.js';
import { createCcxtSource } from '../src/sources/ccxt-source.js';
import { CoinGeckoSource } from '../src/sources/coingecko-source.js';
import { createSources } from '../src/sources/create-sources.js';
import { startFakeBinance } from './support/fake-binance.js';
import { startFakeBitso } from './support/fake-bitso.js';
import { startFakeCoinGecko } from './support/fake-coingecko.js';
import { FakeMarket } from './support/fake-market.js';
import type { FakeUpstream } from './support/fake-upstream.js';
import { getQuotes, pollCount, startTestRelay, untilPolls, waitFor } from './support/relay.js';
import { dataOf, SseReader } from './support/sse-reader.js';

describe('Binance through the real ccxt client', () => {
  let binance: FakeUpstream;
  let relay: Relay;
  const market = new FakeMarket();

  before(async () => {
    binance = await startFakeBinance(market);
    const config = loadConfig({ SOURCES: 'binance', SOURCE_URL_BINANCE: binance.url });
    relay = await startTestRelay({
      env: { SOURCES: 'binance' },
      sources: await createSources(config),
      config: { POLL_INTERVAL: 200 },
    });
  });
  after(async () => {
    await relay.stop();
    await binance.close();
  });

  test('maps BTC to BTC/USDT and the 24 h ticker to the quote, with Binance’s own timestamp', async () => {
    const { quotes } = await waitFor(async () => {
      const body = await getQuotes(relay, 'BTC,ETH');
      return body.quotes.BTC && body.quotes.ETH ? body : undefined;
    });
    const btc = quotes.BTC!;
    assert.equal(btc.source, 'binance');
    assert.equal(btc.open24h, market.open('BTC'));
    assert.ok(Math.abs(btc.change24h! - (btc.price - btc.open24h!)) < 1e-6);
    assert.ok(
      Math.abs(btc.changePct24h! - ((btc.price - btc.open24h!) / btc.open24h!) * 100) < 0.001,
    );
    assert.equal(btc.volume24h, 12345.6);
    assert.ok(Date.now() - btc.ts < 5_000 && btc.ts <= Date.now());
    const tickerCall = binance.callsTo('/api/v3/ticker/24hr').at(-1)!;
    assert.deepEqual(JSON.parse(tickerCall.query.get('symbols')!).sort(), [
      'ADAUSDT',
      'BTCUSDT',
      'DOTUSDT',
      'ETHUSDT',
      'SOLUSDT',
    ]);
  });

  test('fills history from 1 m klines before the first tick, so a chart never starts empty', async () => {
    const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
    try {
      await reader.until((frames) => frames.some((frame) => frame.event === 'snapshot'));
      const { history } = dataOf<{ history: Record<string, [number, number][]> }>(
        reader.events('snapshot')[0],
      );
      assert.ok(history.BTC!.length >= 90, `${history.BTC!.length} points`);
      const klines = binance
        .callsTo('/api/v3/klines')
        .filter((call) => call.query.get('symbol') === 'BTCUSDT');
      assert.equal(klines.length, 1, 'backfilled once');
      assert.equal(klines[0]!.query.get('interval'), '1m');
      const firstTick = binance.callsTo('/api/v3/ticker/24hr')[0]!.at;
      assert.equal(history.BTC![0]![0] % 60_000, 0, 'the oldest point is a 1 m candle');
      assert.ok(
        history.BTC![0]![0] < firstTick - 60 * 60_000,
        'history reaches back before the first tick',
      );
    } finally {
      await reader.close();
    }
  });

  test('one ticker call per poll, whatever the number of clients (counted at the fake Binance)', async () => {
    const readers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        SseReader.open(`${relay.url}/v1/stream?symbols=${['BTC', 'ETH', 'SOL,DOGE'][i % 3]}`),
      ),
    );
    try {
      await Promise.all(readers.map((reader) => reader.untilEvent('snapshot')));
      const polls = () => pollCount(relay);
      const [callsBefore, pollsBefore] = [
        binance.callsTo('/api/v3/ticker/24hr').length,
        await polls(),
      ];
      const pollsAfter = await untilPolls(relay, pollsBefore + 3);
      const callsAfter = binance.callsTo('/api/v3/ticker/24hr').length;
      assert.ok(pollsAfter > pollsBefore, `polls ${pollsBefore} → ${pollsAfter}`);
      assert.ok(
        Math.abs(callsAfter - callsBefore - (pollsAfter - pollsBefore)) <= 1,
        `${callsAfter - callsBefore} ticker calls for ${pollsAfter - pollsBefore} polls with 30 clients`,
      );
      // A symbol only a client asked for joins the same single call.
      await waitFor(() =>
        binance
          .callsTo('/api/v3/ticker/24hr')
          .find((call) => JSON.parse(call.query.get('symbols')!).includes('DOGEUSDT')),
      );
    } finally {
      for (const reader of readers) await reader.close();
    }
  });
});

describe('CoinGecko', () => {
  let coingecko: FakeUpstream;
  const market = new FakeMarket();
  before(async () => {
    coingecko = await startFakeCoinGecko(market);
  });
  after(() => coingecko.close());

  test('maps /simple/price to quotes: 24 h change, volume in the base asset, last-updated time', async () => {
    const source = new CoinGeckoSource({ currencies: ['USD'], baseUrl: coingecko.url });
    await source.listPairs();
    const [btc] = await source.fetchQuotes(['BTC/USD']);
    assert.equal(btc?.source, 'coingecko');
    assert.ok(
      Math.abs(btc!.open24h! - market.open('BTC')) < 0.01,
      'open derived from the 24 h change',
    );
    assert.ok(Math.abs(btc!.volume24h! - 1_000) < 1e-9, 'USD volume divided by price');
    assert.equal(btc!.ts! % 1000, 0, 'last_updated_at is in seconds');
    const call = coingecko.callsTo('/api/v3/simple/price').at(-1)!;
    assert.equal(call.query.get('vs_currencies'), 'usd');
    assert.equal(call.query.get('include_24hr_change'), 'true');
    assert.equal(call.headers['x-cg-demo-api-key'], undefined, 'keyless sends no key');
  });

  test('a shared symbol resolves by the explicit map first, then by the largest market cap', async () => {
    const source = new CoinGeckoSource({ currencies: ['USD'], baseUrl: coingecko.url });
    await source.listPairs();
    await source.fetchQuotes(['ETH/USD', 'TWIN/USD']);
    const ids = coingecko.callsTo('/api/v3/simple/price').at(-1)!.query.get('ids')!.split(',');
    assert.ok(
      ids.includes('ethereum') && !ids.includes('ethereum-wormhole'),
      'ETH is Ethereum by the explicit map',
    );
    assert.ok(ids.includes('big-token') && !ids.includes('small-token'), 'TWIN is the larger coin');
  });

  test('sends a demo key as x-cg-demo-api-key and a pro key as x-cg-pro-api-key', async () => {
    for (const [apiKey, header, value] of [
      ['CG-demo123', 'x-cg-demo-api-key', 'CG-demo123'],
      ['pro:CG-pro456', 'x-cg-pro-api-key', 'CG-pro456'],
    ] as const) {
      const source = new CoinGeckoSource({ currencies: ['USD'], baseUrl: coingecko.url, apiKey });
      await source.listPairs();
      assert.equal(coingecko.calls.at(-1)!.headers[header], value);
    }
  });

  test('never calls more often than its plan allows, whatever the relay’s interval', async () => {
    const before = coingecko.callsTo('/api/v3/simple/price').length;
    const relay = await startTestRelay({
      env: { SOURCES: 'coingecko', SYMBOLS: 'BTC,ETH' },
      sources: [new CoinGeckoSource({ currencies: ['USD'], baseUrl: coingecko.url })],
      config: { POLL_INTERVAL: 50 },
    });
    try {
      const polls = async () =>
        Number(
          (await (await fetch(`${relay.url}/metrics`)).text()).match(
            /^tickwire_poll_duration_seconds_count (\d+)/m,
          )?.[1],
        );
      await waitFor(async () => ((await polls()) >= 15 ? true : undefined));
      assert.equal(
        coingecko.callsTo('/api/v3/simple/price').length - before,
        1,
        'one price call in its 60 s refresh window',
      );
      assert.equal((await getQuotes(relay, 'BTC')).quotes.BTC?.source, 'coingecko');
    } finally {
      await relay.stop();
    }
  });
});

describe('any ccxt exchange: Bitso, which has no batched tickers', () => {
  test('is polled one symbol at a time within its rate limit, and says what it does not report', async () => {
    const market = new FakeMarket();
    const bitso = await startFakeBitso(market);
    const source = await createCcxtSource({
      exchangeId: 'bitso',
      sourceId: 'ccxt:bitso',
      currencies: ['USD'],
      baseUrl: bitso.url,
      exchangeOptions: { rateLimit: 200 },
    });
    try {
      const listed = await source.listPairs();
      assert.ok(listed.has('BTC/USD') && listed.has('ETH/USD') && !listed.has('DOGE/USD'));
      const quotes = await source.fetchQuotes(['BTC/USD', 'ETH/USD', 'SOL/USD']);
      assert.deepEqual(
        quotes.map((quote) => [quote.symbol, quote.source]),
        [
          ['BTC/USD', 'ccxt:bitso'],
          ['ETH/USD', 'ccxt:bitso'],
          ['SOL/USD', 'ccxt:bitso'],
        ],
      );
      assert.equal(
        quotes[0]!.changePct24h,
        null,
        'Bitso’s ticker has no 24 h open: null, not a made-up 0',
      );
      const tickers = bitso.callsTo('/api/v3/ticker');
      assert.deepEqual(
        tickers.map((call) => call.query.get('book')),
        ['btc_usd', 'eth_usd', 'sol_usd'],
      );
      // Sent 200 ms apart, three calls span 400 ms; timed at their arrival, where a busy
      // machine may delay any one, they still span well over one interval (unthrottled: a few ms).
      const spanMs = tickers.at(-1)!.at - tickers[0]!.at;
      assert.ok(spanMs >= 200, `calls are spaced by the exchange’s rate limit: ${spanMs} ms`);
    } finally {
      await source.close();
      await bitso.close();
    }
  });

  test('an exchange ccxt does not know stops the relay with one line and exit code 2', () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, SOURCES: 'ccxt:nosuchexchange', PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 2);
    assert.equal(
      result.stderr,
      "tickwire: bad configuration: SOURCES=ccxt:nosuchexchange: ccxt has no exchange 'nosuchexchange'\n",
    );
  });
});
