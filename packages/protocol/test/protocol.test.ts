import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bucketCount,
  DAY_MS,
  MAX_HISTORY_POINTS,
  MAX_SPARKLINE_POINTS,
  parseInstrument,
  parseMessage,
  parseSparkline,
  type Quote,
  type StreamMessage,
  splitSymbols,
  symbolOf,
  windowStart,
} from '../src/index.js';

const NOW = 1_764_200_000_000;
const quote = (symbol: string, price: number, extra: object = {}): Quote => ({
  symbol,
  currency: 'USD',
  price,
  open24h: price,
  change24h: 0,
  changePct24h: 0,
  volume24h: 1,
  ts: NOW - 1_000,
  source: 'binance',
  stale: false,
  ...extra,
});
const parse = (type: string, data: unknown) =>
  parseMessage(type, typeof data === 'string' ? data : JSON.stringify(data), NOW);
const quotesOf = (message: StreamMessage | undefined) =>
  message?.type === 'quotes' || message?.type === 'snapshot' ? message.data.quotes : undefined;

describe('symbols', () => {
  test('a list as people write it: trimmed, any case, duplicates dropped, the malformed kept apart', () => {
    assert.deepEqual(splitSymbols(' btc, ETH ,btc,,b-tc, 1inch'), {
      symbols: ['BTC', 'ETH', '1INCH'],
      malformed: ['B-TC'],
    });
    assert.deepEqual(splitSymbols(''), { symbols: [], malformed: [] });
    assert.deepEqual(splitSymbols('A234567890123456').malformed, ['A234567890123456']);
  });

  test('a symbol may name its currency and its source: one spelling for each', () => {
    assert.deepEqual(splitSymbols('btc/eur, eth/btc ,BTC/EUR@Kraken,sol@ccxt:bitso'), {
      symbols: ['BTC/EUR', 'ETH/BTC', 'BTC/EUR@kraken', 'SOL@ccxt:bitso'],
      malformed: [],
    });
    assert.deepEqual(splitSymbols('BTC/,/EUR,BTC/EUR/USD,BTC@,DROP TABLE').malformed, [
      'BTC/',
      '/EUR',
      'BTC/EUR/USD',
      'BTC@',
      'DROP TABLE',
    ]);
    assert.deepEqual(parseInstrument('BTC/EUR@kraken'), {
      base: 'BTC',
      currency: 'EUR',
      source: 'kraken',
    });
    assert.deepEqual(parseInstrument('ETH'), { base: 'ETH' });
    assert.equal(symbolOf({ base: 'ETH', currency: 'BTC', source: 'binance' }), 'ETH/BTC@binance');
  });
});

describe('candle ranges', () => {
  test('a window is its bucket count back from the bucket under way; year to date starts on 1 January', () => {
    const now = Date.UTC(2026, 11, 6, 13, 30);
    assert.equal(windowStart('24h', now), Date.UTC(2026, 11, 5, 13, 35));
    assert.equal(windowStart('90d', now), Date.UTC(2026, 11, 6, 12) - 179 * 12 * 3_600_000);
    assert.equal(windowStart('ytd', now), Date.UTC(2026, 0, 1));
    assert.equal(windowStart('ytd', Date.UTC(2027, 0, 1, 0, 5)), Date.UTC(2027, 0, 1));
    assert.equal(windowStart('all', now), Date.UTC(2026, 11, 6) - 7_304 * DAY_MS);
    // A leap year's last day is still within year to date.
    const lastDay = Date.UTC(2028, 11, 31, 23);
    assert.ok((lastDay - windowStart('ytd', lastDay)) / DAY_MS < bucketCount('ytd'));
  });
});

describe('parseMessage: what a client accepts from a relay', () => {
  test("a quote's currency and market, and the snapshot's refusals, are read; a bad one is dropped alone", () => {
    const eur = quote('BTC/EUR', 62_000, { currency: 'EUR' });
    const usd = quote('BTC', 67_000, { currency: 'USD', market: 'BTC/USDT' });
    const message = parse('snapshot', {
      interval: 5_000,
      quotes: {
        'BTC/EUR': eur,
        BTC: usd,
        'ETH/EUR': quote('ETH/EUR', 3_000, { currency: '<b>' }),
        'SOL/EUR': quote('SOL/EUR', 150, { currency: undefined }),
      },
      history: {},
      unknown: ['BTC/JPY'],
      refused: {
        'BTC/JPY': {
          code: 'currency_not_served',
          currency: 'JPY',
          currencies: ['USD', 'EUR'],
          message: 'JPY is not served.',
        },
        'BAD KEY': { code: 'other', message: 'x' },
      },
      sources: [],
    });
    assert.equal(message?.type, 'snapshot');
    if (message?.type !== 'snapshot') return;
    assert.equal(message.data.quotes['BTC/EUR']?.currency, 'EUR');
    assert.equal(message.data.quotes.BTC?.market, 'BTC/USDT');
    assert.deepEqual(
      Object.keys(message.data.quotes),
      ['BTC/EUR', 'BTC'],
      'a price in no currency, or in one that is no currency code, is no price',
    );
    assert.deepEqual(message.data.refused, {
      'BTC/JPY': {
        code: 'currency_not_served',
        currency: 'JPY',
        currencies: ['USD', 'EUR'],
        message: 'JPY is not served.',
      },
    });
  });

  test('a refusal is read by its code and figures; one it cannot name is `other`, never dropped', () => {
    const refusals = {
      FULL: { code: 'watch_list_full', limit: 1_000, message: 'Full.' },
      SHARE: { code: 'address_share_full', limit: 250, message: 'Your share.' },
      'BTC/JPY': { code: 'currency_not_served', currency: 'JPY', currencies: ['USD', '<b>'] },
      'BTC@nope': { code: 'unknown_source', source: 'nope', sources: ['demo', 7], message: 'No.' },
      NEWER: { code: 'relay_on_fire', degrees: 451, message: 'A newer reason.' },
      NOLIMIT: { code: 'watch_list_full', limit: -3, message: 'Full.' },
      OLD: 'A sentence, as relays sent before codes.',
      NONE: 42,
    };
    const message = parse('snapshot', {
      quotes: {},
      history: {},
      unknown: [],
      refused: refusals,
      sources: [],
    });
    assert.equal(message?.type, 'snapshot');
    if (message?.type !== 'snapshot') return;
    assert.deepEqual(message.data.refused, {
      FULL: { code: 'watch_list_full', limit: 1_000, message: 'Full.' },
      SHARE: { code: 'address_share_full', limit: 250, message: 'Your share.' },
      'BTC/JPY': { code: 'currency_not_served', currency: 'JPY', currencies: ['USD'], message: '' },
      'BTC@nope': { code: 'unknown_source', source: 'nope', sources: ['demo'], message: 'No.' },
      NEWER: { code: 'other', message: 'A newer reason.' },
      NOLIMIT: { code: 'other', message: 'Full.' },
      OLD: { code: 'other', message: 'A sentence, as relays sent before codes.' },
    });
  });

  test('a good quotes event passes unchanged', () => {
    const btc = quote('BTC', 67_000);
    assert.deepEqual(parse('quotes', { t: NOW, quotes: { BTC: btc } }), {
      type: 'quotes',
      data: { t: NOW, quotes: { BTC: btc } },
    });
  });

  test('each bad quote is dropped alone; the good one beside it stays', () => {
    const bad = {
      NULL: null,
      STRTS: quote('STRTS', 1, { ts: 'soon' }),
      FUTURE: quote('FUTURE', 1, { ts: 1e20 }),
      NOTS: quote('NOTS', 1, { ts: undefined }),
      HUGE: quote('HUGE', 1e308),
      NEG: quote('NEG', -67_000),
      ZERO: quote('ZERO', 0),
      MISKEY: quote('ETH', 4),
      NOSRC: quote('NOSRC', 1, { source: 42 }),
      NOCUR: quote('NOCUR', 1, { currency: 'dollars' }),
      'B-TC': quote('B-TC', 1),
    };
    const quotes = quotesOf(
      parse('quotes', { t: NOW, quotes: { ...bad, BTC: quote('BTC', 67_000) } }),
    );
    assert.deepEqual(Object.keys(quotes ?? {}), ['BTC']);
  });

  test('24 h figures that are not numbers read as "not reported", not as a broken quote', () => {
    const quotes = quotesOf(
      parse('quotes', {
        t: NOW,
        quotes: { BTC: quote('BTC', 67_000, { open24h: -5, change24h: 'x', volume24h: null }) },
      }),
    );
    assert.equal(quotes?.BTC?.open24h, null);
    assert.equal(quotes?.BTC?.change24h, null);
    assert.equal(quotes?.BTC?.volume24h, null);
    assert.equal(quotes?.BTC?.price, 67_000);
  });

  test('a history is cut to the newest points a chart keeps; bad and out-of-order points are dropped', () => {
    const long = Array.from({ length: 5_000 }, (_, i) => [NOW - (5_000 - i) * 1_000, 100 + i]);
    const message = parse('snapshot', {
      interval: 5_000,
      quotes: {},
      history: {
        BTC: long,
        ETH: [[NOW - 3_000, 1], 'junk', [NOW - 4_000, 2], [NOW - 1_000, -1], [NOW - 500, 3]],
        SOL: 'no',
      },
      unknown: [],
      sources: [],
    });
    assert.equal(message?.type, 'snapshot');
    if (message?.type !== 'snapshot') return;
    assert.equal(message.data.history.BTC?.length, MAX_HISTORY_POINTS);
    assert.deepEqual(message.data.history.BTC?.at(-1), [NOW - 1_000, 5_099]);
    assert.deepEqual(message.data.history.ETH, [
      [NOW - 3_000, 1],
      [NOW - 500, 3],
    ]);
    assert.deepEqual(message.data.history.SOL, []);
  });

  test('a snapshot keeps its good parts and replaces bad settings by the defaults', () => {
    const message = parse('snapshot', {
      interval: 'fast',
      ttl: 1e12,
      currency: '<b>USD</b>',
      quotes: { BTC: quote('BTC', 67_000) },
      history: {},
      unknown: [null, 'NOTACOIN', 7],
      sources: [null, { id: 'binance', state: 'ok', simulated: false }, { id: 'x', state: 'fine' }],
    });
    assert.equal(message?.type, 'snapshot');
    if (message?.type !== 'snapshot') return;
    assert.equal(message.data.interval, 5_000);
    assert.equal(message.data.ttl, 60_000);
    assert.equal(message.data.currency, 'USD');
    assert.deepEqual(message.data.unknown, ['NOTACOIN']);
    assert.deepEqual(
      message.data.sources.map((source) => source.id),
      ['binance'],
    );
  });

  test('a 7-day line (of asset facts) is read for its span only: a week back from its newest point', () => {
    const THREE_HOURS = 3 * 3_600_000;
    const week = Array.from({ length: 57 }, (_, i): [number, number] => [
      NOW - 7 * DAY_MS + i * THREE_HOURS,
      100 + i,
    ]);
    assert.deepEqual(parseSparkline({ range: '7d', points: week }, '7d', NOW), {
      range: '7d',
      points: week,
    });
    const older: [number, number] = [NOW - 8 * DAY_MS, 1];
    assert.deepEqual(
      parseSparkline({ range: '7d', points: [older, ...week] }, '7d', NOW)?.points,
      week,
      'older than a week before the newest: not of this line',
    );
    assert.equal(parseSparkline({ range: '24h', points: week }, '7d', NOW), undefined);
    assert.equal(parseSparkline({ range: '7d', points: week.slice(0, 1) }, '7d', NOW), undefined);
    assert.equal(parseSparkline('<svg onload=alert(1)>', '7d', NOW), undefined);
  });

  test('a 24 h line is read in a snapshot and in a sparklines event; a hostile one is dropped alone', () => {
    const HALF_HOUR = 1_800_000;
    const day = Array.from({ length: 49 }, (_, i): [number, number] => [
      NOW - DAY_MS + i * HALF_HOUR,
      100 + i,
    ]);
    const snapshot = parse('snapshot', {
      interval: 5_000,
      quotes: { BTC: quote('BTC', 148) },
      history: {},
      unknown: [],
      sources: [],
      sparklines: {
        BTC: { range: '24h', points: day },
        ETH: { range: '7d', points: day }, // a span the client would label wrongly
        SOL: { range: '24h', points: [[NOW - 1_000, 1]] }, // one point is no line
        DOGE: '<svg onload=alert(1)>',
        'not a symbol': { range: '24h', points: day },
      },
    });
    assert.equal(snapshot?.type, 'snapshot');
    if (snapshot?.type !== 'snapshot') return;
    assert.deepEqual(snapshot.data.sparklines, { BTC: { range: '24h', points: day } });

    const event = parse('sparklines', {
      sparklines: {
        BTC: {
          range: '24h',
          // Longer than a day, out of order, a price past the bounds, a time ahead of the clock:
          // the day before the newest good point stays, the rest goes.
          points: [
            [NOW - 2 * DAY_MS, 5],
            ...day,
            [NOW - 60_000, 1],
            [NOW + 2 * DAY_MS, 2],
            [NOW, 1e300],
          ],
        },
        ETH: null,
        SOL: { range: '24h', points: 'M0,0' },
      },
    });
    assert.deepEqual(event, {
      type: 'sparklines',
      data: { sparklines: { BTC: { range: '24h', points: day }, ETH: null } },
    });

    const long = Array.from({ length: 10_000 }, (_, i): [number, number] => [NOW - 10_000 + i, 1]);
    const cut = parse('sparklines', { sparklines: { BTC: { range: '24h', points: long } } });
    assert.equal(
      cut?.type === 'sparklines' && cut.data.sparklines.BTC?.points.length,
      MAX_SPARKLINE_POINTS,
    );
    assert.equal(parse('sparklines', { sparklines: [] }), undefined);
  });

  test('a streaming source says its transport; a transport the kit does not know is left out', () => {
    const status = parse('status', {
      sources: [
        { id: 'binance', state: 'ok', simulated: false, transport: 'poll', streamError: 'stalled' },
        { id: 'ccxt:kraken', state: 'ok', simulated: false, transport: 'carrier pigeon' },
        { id: 'coingecko', state: 'ok', simulated: false, streamError: 42 },
      ],
      stale: [],
    });
    assert.deepEqual(status?.type === 'status' && status.data.sources, [
      {
        id: 'binance',
        state: 'ok',
        simulated: false,
        error: undefined,
        transport: 'poll',
        streamError: 'stalled',
      },
      { id: 'ccxt:kraken', state: 'ok', simulated: false, error: undefined },
      { id: 'coingecko', state: 'ok', simulated: false, error: undefined },
    ]);
  });

  test('what is not an event at all is dropped whole', () => {
    for (const [type, data] of [
      ['quotes', '<html>502 Bad Gateway</html>'],
      ['quotes', { t: NOW, quotes: [] }],
      ['status', { sources: 'all good' }],
      ['snapshot', { quotes: null }],
      ['mystery', { quotes: {} }],
      ['quotes', 'null'],
    ] as const) {
      assert.equal(parse(type, data), undefined, `${type} ${JSON.stringify(data)}`);
    }
  });
});
