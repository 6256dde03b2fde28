import assert from 'node:assert/strict';
import { type ClientRequest, request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type {
  CandlesAnswer,
  ErrorAnswer,
  QuotesAnswer,
  SnapshotData,
  SymbolsAnswer,
} from '@tickwire/protocol';
import { ConfigError, loadConfig, type RelayConfig } from '../src/config.js';
import type { Relay } from '../src/relay.js';
import { createSources } from '../src/sources/create-sources.js';
import { CountingSource } from './support/counting-source.js';
import { startFakeBinance } from './support/fake-binance.js';
import { startFakeBitso } from './support/fake-bitso.js';
import { startFakeCoinGecko } from './support/fake-coingecko.js';
import { startFakeKraken } from './support/fake-kraken.js';
import { FakeMarket } from './support/fake-market.js';
import type { FakeUpstream } from './support/fake-upstream.js';
import {
  getQuotes,
  getSources,
  pollCount,
  startTestRelay,
  untilPolls,
  waitFor,
} from './support/relay.js';
import { SseReader } from './support/sse-reader.js';

/**
 * What `/v1/quotes` answers for `symbols` once each has a quote. A stream watches them
 * meanwhile: the relay polls what its streams watch.
 */
async function watchedQuotes(relay: Relay, symbols: string, until = (_: QuotesAnswer) => true) {
  const stream = await SseReader.open(`${relay.url}/v1/stream?symbols=${symbols}`);
  try {
    return await waitFor(async () => {
      const answer = await getQuotes(relay, symbols);
      const all = symbols.split(',').every((symbol) => answer.quotes[symbol]);
      return all && until(answer) ? answer : undefined;
    });
  } finally {
    await stream.close();
  }
}

/**
 * A test relay of real sources (ccxt, CoinGecko), each against its fake on one market, in
 * `SOURCES` order (the keys of `starters`); `stop` ends the relay and the fakes.
 */
async function relayOnFakes<Id extends string>(
  starters: Record<Id, (market: FakeMarket) => Promise<FakeUpstream>>,
  {
    env: extra = {},
    config = {},
  }: { env?: Record<string, string>; config?: Partial<RelayConfig> } = {},
) {
  const market = new FakeMarket();
  const fakes = {} as Record<Id, FakeUpstream>;
  const env: Record<string, string> = { SOURCES: Object.keys(starters).join(','), SYMBOLS: 'BTC' };
  for (const id of Object.keys(starters) as Id[]) {
    fakes[id] = await starters[id](market);
    env[`SOURCE_URL_${id.replace(':', '_').toUpperCase()}`] = fakes[id].url;
  }
  Object.assign(env, extra);
  const relay = await startTestRelay({
    env,
    sources: await createSources(loadConfig(env)),
    config,
  });
  const stop = async () => {
    await relay.stop();
    await Promise.all(Object.values<FakeUpstream>(fakes).map((fake) => fake.close()));
  };
  return { market, fakes, relay, stop };
}

/** True when `actual` is within 1 % of `expected` (the fakes move 0.1 % per answer). */
const near = (actual: number | undefined, expected: number) =>
  actual !== undefined && Math.abs(actual / expected - 1) < 0.01;

describe('currencies and pairs: real ccxt against fake Binance, then fake CoinGecko', () => {
  let binance: FakeUpstream;
  let coingecko: FakeUpstream;
  let market: FakeMarket;
  let relay: Relay;
  let stop: () => Promise<void>;
  /** Watches `symbols` on a stream until the relay has a quote for each; returns them. */
  const quotesOf = (symbols: string) => watchedQuotes(relay, symbols);

  before(async () => {
    let fakes: Record<'binance' | 'coingecko', FakeUpstream>;
    ({ market, fakes, relay, stop } = await relayOnFakes(
      { binance: startFakeBinance, coingecko: startFakeCoinGecko },
      { env: { CURRENCIES: 'USD,EUR,BTC' } },
    ));
    ({ binance, coingecko } = fakes);
  });
  after(() => stop());

  test("BTC in euros and ETH in bitcoin come from Binance's own EUR and BTC markets", async () => {
    const { quotes } = await quotesOf('BTC/EUR,ETH/BTC,BTC');
    const btcEur = quotes['BTC/EUR']!;
    assert.equal(btcEur.source, 'binance');
    assert.equal(btcEur.currency, 'EUR');
    assert.equal(btcEur.market, undefined, 'its own market: nothing to say');
    assert.ok(near(btcEur.price, market.priceIn('BTC', 'EUR')), `${btcEur.price} euros`);
    const ethBtc = quotes['ETH/BTC']!;
    assert.equal(ethBtc.currency, 'BTC');
    assert.ok(near(ethBtc.price, market.priceIn('ETH', 'BTC')), `${ethBtc.price} BTC`);
    // The dollar price comes from the Tether market, and says so.
    assert.equal(quotes.BTC!.currency, 'USD');
    assert.equal(quotes.BTC!.market, 'BTC/USDT');
    const tickers = binance.callsTo('/api/v3/ticker/24hr').at(-1)!;
    const asked = JSON.parse(tickers.query.get('symbols')!) as string[];
    assert.ok(['BTCEUR', 'ETHBTC', 'BTCUSDT'].every((symbol) => asked.includes(symbol)));
  });

  test('a pair Binance lacks comes from CoinGecko, every currency in its one price call', async () => {
    const { quotes } = await quotesOf('DOGE/EUR,DOGE/BTC,DOGE');
    assert.equal(quotes['DOGE/EUR']!.source, 'coingecko');
    assert.ok(near(quotes['DOGE/EUR']!.price, market.priceIn('DOGE', 'EUR')));
    assert.equal(quotes['DOGE/BTC']!.source, 'coingecko');
    assert.equal(quotes.DOGE!.source, 'binance', 'DOGE in dollars is on Binance');
    const call = coingecko.callsTo('/api/v3/simple/price').at(-1)!;
    assert.deepEqual(call.query.get('vs_currencies')!.split(',').sort(), ['btc', 'eur']);
  });

  test('a symbol pinned to a source is taken from it alone', async () => {
    const { quotes } = await quotesOf('BTC@coingecko,BTC/EUR@coingecko,BTC');
    assert.equal(quotes['BTC@coingecko']!.source, 'coingecko');
    assert.equal(quotes['BTC@coingecko']!.currency, 'USD');
    assert.equal(quotes['BTC/EUR@coingecko']!.source, 'coingecko');
    assert.equal(quotes.BTC!.source, 'binance', 'unpinned, the first source still answers');
  });

  test("today's clients are unchanged: plain symbols, keyed as asked, in the default currency", async () => {
    const { quotes, unknown } = await quotesOf('BTC,ETH');
    assert.deepEqual(Object.keys(quotes).sort(), ['BTC', 'ETH']);
    assert.equal(quotes.BTC!.symbol, 'BTC');
    assert.deepEqual(unknown, []);
    const symbols = (await (await fetch(`${relay.url}/v1/symbols`)).json()) as SymbolsAnswer;
    assert.equal(symbols.currency, 'USD');
    assert.deepEqual(symbols.currencies, ['USD', 'EUR', 'BTC']);
    for (const listed of ['BTC', 'BTC/EUR', 'ETH/BTC', 'DOGE/EUR'])
      assert.ok(symbols.symbols.includes(listed), listed);
  });

  test('an unsupported currency or source is a 400 naming what the relay has; an unknown pair is unknown', async () => {
    const reasons = {
      'BTC/JPY': 'JPY is not a currency this relay serves; it serves USD, EUR, BTC.',
      'BTC@kraken': "'kraken' is not a source of this relay; its sources are binance, coingecko.",
    };
    for (const [symbol, says] of Object.entries(reasons)) {
      for (const route of ['quotes?symbols', 'history?symbols', 'candles?symbol']) {
        const response = await fetch(`${relay.url}/v1/${route}=${symbol}`);
        assert.equal(response.status, 400, `${route}=${symbol}`);
        const { error } = (await response.json()) as ErrorAnswer;
        assert.deepEqual(error, { code: 'unsupported_symbol', message: says });
      }
    }
    const answer = await getQuotes(relay, 'NOTACOIN/EUR,BTC');
    assert.deepEqual(answer.unknown, ['NOTACOIN/EUR']);
  });

  test("a page's one stream is not refused for one element's symbol: the snapshot says why", async () => {
    const stream = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC,BTC/JPY,BTC@kraken`);
    try {
      assert.equal(stream.response.status, 200);
      await stream.untilEvent('snapshot');
      const data = JSON.parse(stream.events('snapshot')[0]!.data!) as SnapshotData;
      assert.deepEqual(data.unknown, ['BTC/JPY', 'BTC@kraken']);
      assert.deepEqual(data.refused, {
        'BTC/JPY': {
          code: 'currency_not_served',
          currency: 'JPY',
          currencies: ['USD', 'EUR', 'BTC'],
          message: 'JPY is not a currency this relay serves; it serves USD, EUR, BTC.',
        },
        'BTC@kraken': {
          code: 'unknown_source',
          source: 'kraken',
          sources: ['binance', 'coingecko'],
          message: "'kraken' is not a source of this relay; its sources are binance, coingecko.",
        },
      });
    } finally {
      await stream.close();
    }
  });

  test("a euro chart is drawn from Binance's BTCEUR klines, in euros", async () => {
    const response = await fetch(`${relay.url}/v1/candles?symbol=btc/eur&range=24h`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as CandlesAnswer;
    assert.equal(body.symbol, 'BTC/EUR');
    assert.equal(body.currency, 'EUR');
    assert.equal(body.source, 'binance');
    // Fetched for this chart, or already for the 24 h line of a stream watching BTC/EUR: the
    // same one call either way, and the last call need not be it.
    const klines = binance.callsTo('/api/v3/klines').filter((call) => call.query.has('startTime'));
    assert.ok(klines.some((call) => call.query.get('symbol') === 'BTCEUR'));
    assert.ok(near(body.candles.at(-1)![4], market.openIn('BTC', 'EUR') * 1.01), 'in euros');
  });
});

describe("Kraken's XBT is bitcoin: real ccxt against a fake Kraken", () => {
  test('BTC/EUR pinned to kraken comes from its XXBTZEUR market, in euros', async () => {
    const { market, fakes, relay, stop } = await relayOnFakes({
      binance: startFakeBinance,
      'ccxt:kraken': startFakeKraken,
    });
    const kraken = fakes['ccxt:kraken'];
    try {
      const { quotes } = await watchedQuotes(relay, 'BTC/EUR@kraken,ETH/EUR@kraken,BTC/EUR');
      const btc = quotes['BTC/EUR@kraken']!;
      assert.equal(btc.source, 'ccxt:kraken');
      assert.equal(btc.currency, 'EUR');
      assert.equal(btc.market, undefined, "ccxt's BTC/EUR is the pair asked for");
      assert.ok(near(btc.price, market.priceIn('BTC', 'EUR')), `${btc.price} euros`);
      assert.equal(quotes['ETH/EUR@kraken']!.source, 'ccxt:kraken');
      assert.equal(quotes['BTC/EUR']!.source, 'binance', 'unpinned, the first source');
      const asked = kraken.callsTo('/0/public/Ticker').at(-1)!.query.get('pair')!.split(',');
      assert.deepEqual(asked.sort(), ['XETHZEUR', 'XXBTZEUR'], 'one call for both pairs');
    } finally {
      await stop();
    }
  });
});

describe('a pinned source that is down: real ccxt against fake Binance and Bitso', () => {
  test('leaves its symbols stale and says so; the same asset from the others stays live', async () => {
    const { fakes, relay, stop } = await relayOnFakes(
      { binance: startFakeBinance, 'ccxt:bitso': startFakeBitso },
      // Bitso is asked one ticker at a time at ccxt's pace: a poll takes about a second.
      { config: { PRICE_TTL: 5_000 } },
    );
    const bitso = fakes['ccxt:bitso'];
    try {
      // A ccxt exchange's bare name pins to it.
      const before = await watchedQuotes(relay, 'ETH,ETH@bitso');
      assert.equal(before.quotes['ETH@bitso']!.source, 'ccxt:bitso');
      assert.equal(before.quotes.ETH!.source, 'binance');
      bitso.faults = [{ path: '/api/v3/ticker', status: 503 }];
      const { quotes } = await watchedQuotes(
        relay,
        'ETH,ETH@bitso',
        (answer) => answer.quotes['ETH@bitso']!.stale,
      );
      assert.equal(quotes['ETH@bitso']!.source, 'ccxt:bitso', 'never filled in from Binance');
      assert.equal(quotes.ETH!.stale, false);
      assert.equal(quotes.ETH!.source, 'binance');
      const status = (await getSources(relay)).sources.find(({ id }) => id === 'ccxt:bitso');
      assert.notEqual(status?.state, 'ok');
    } finally {
      await stop();
    }
  });
});

describe('upstream cost stays flat', () => {
  test('3 currencies × 2 sources with pins × 1,000 streams: one call per source per poll', async () => {
    const first = new CountingSource('first');
    const second = new CountingSource('second');
    const relay = await startTestRelay({
      env: { CURRENCIES: 'USD,EUR,BTC', SYMBOLS: 'BTC', MAX_CLIENTS_PER_IP: '2000' },
      sources: [first, second],
      config: { POLL_INTERVAL: 500 },
    });
    const mixes = ['BTC,ETH', 'BTC/EUR,ETH/EUR', 'ETH/BTC,SOL/BTC', 'BTC@second', 'SOL/EUR@second'];
    const streams: ClientRequest[] = [];
    try {
      await Promise.all(
        Array.from(
          { length: 1_000 },
          (_, i) =>
            new Promise<void>((resolve, reject) => {
              const stream = request(
                `${relay.url}/v1/stream?symbols=${mixes[i % mixes.length]}`,
                { agent: false },
                (response) => {
                  assert.equal(response.statusCode, 200);
                  response.once('data', () => resolve());
                },
              );
              stream.on('error', reject).end();
              streams.push(stream);
            }),
        ),
      );
      // The poll count and the calls, read together: a poll that starts while /metrics answers
      // (slow with 1,000 streams on a busy machine) is read again, not counted on one side only.
      const countsNow = async () => {
        for (;;) {
          const calls = [first.calls.length, second.calls.length];
          const polls = await pollCount(relay);
          if (first.calls.length === calls[0] && second.calls.length === calls[1]) {
            return { polls, calls };
          }
        }
      };
      const before = await countsNow();
      await untilPolls(relay, before.polls + 3);
      const after = await countsNow();
      const polls = after.polls - before.polls;
      assert.ok(polls >= 3, `${polls} polls`);
      for (const [index, source] of [first, second].entries()) {
        const calls = after.calls[index]! - before.calls[index]!;
        assert.ok(Math.abs(calls - polls) <= 1, `${source.id}: ${calls} calls in ${polls} polls`);
      }
      assert.deepEqual(
        [...first.calls.at(-1)!].sort(),
        ['BTC/EUR', 'BTC/USD', 'ETH/BTC', 'ETH/EUR', 'ETH/USD', 'SOL/BTC'],
        'each pair once, every currency in the one call',
      );
      assert.deepEqual([...second.calls.at(-1)!].sort(), ['BTC/USD', 'SOL/EUR']);
    } finally {
      for (const stream of streams) stream.destroy();
      await relay.stop();
    }
  });
});

describe('configuration of currencies', () => {
  test('CURRENCIES lists them, the first the default', () => {
    const config = loadConfig({ CURRENCIES: 'eur, usd,BTC', SYMBOLS: 'BTC,eth/btc' });
    assert.deepEqual(config.CURRENCIES, ['EUR', 'USD', 'BTC']);
    assert.deepEqual(config.SYMBOLS, ['BTC', 'ETH/BTC']);
    assert.deepEqual(loadConfig({}).CURRENCIES, ['USD', 'EUR', 'BTC'], 'the default');
  });

  test('a configured symbol in a currency or from a source the relay lacks is refused in one line', () => {
    for (const [env, says] of [
      [
        { CURRENCIES: 'USD', SYMBOLS: 'BTC/EUR' },
        'SYMBOLS: BTC/EUR: EUR is not a currency this relay serves; it serves USD.',
      ],
      [
        { SYMBOLS: 'BTC@binance' },
        "SYMBOLS: BTC@binance: 'binance' is not a source of this relay; its sources are demo.",
      ],
    ] as const) {
      assert.throws(() => loadConfig(env), new ConfigError(says));
    }
  });
});
