import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CandleRange } from '@tickwire/protocol';
import { missingRangeAdvice } from '../src/candles/range-advice.js';
import type { PriceSource } from '../src/sources/price-source.js';

/** A source that says which ranges it has. */
const source = (name: string, candleRanges?: CandleRange[]): PriceSource => ({
  id: name.toLowerCase(),
  name,
  simulated: false,
  listPairs: async () => new Set(),
  fetchQuotes: async () => [],
  fetchCandles: async () => [],
  ...(candleRanges && { candleRanges }),
});

describe('advice for a range no source has', () => {
  test('names the source and the ranges there are, as briefly as is true', () => {
    const kraken = source('Kraken', ['1h', '24h', '7d']);
    assert.equal(
      missingRangeAdvice([kraken], '1y'),
      'Kraken has no 1-day candles for a 1Y chart; choose 7D or shorter.',
    );
    assert.equal(
      missingRangeAdvice([source('Bitso', ['24h', '1y'])], '7d'),
      'Bitso has no 1-hour candles for a 7D chart; choose 24H or 1Y.',
    );
    assert.equal(
      missingRangeAdvice([source('Bitso', ['30d'])], '1h'),
      'Bitso has no 1-minute candles for a 1H chart; choose 30D.',
    );
  });

  test('a source with the bucket width but not the length says it has no history that long', () => {
    const keyless = source('CoinGecko', ['24h', '7d', '30d', '90d', '1y', 'ytd']);
    assert.equal(
      missingRangeAdvice([keyless], 'all'),
      'CoinGecko has no history that long for an All chart; choose 24H, 7D, 30D, 3M, 1Y or YTD.',
    );
  });

  test('several sources: what any of them has', () => {
    assert.equal(
      missingRangeAdvice([source('CoinGecko', ['24h', '1y']), source('Kraken', ['7d'])], '1h'),
      'Neither CoinGecko nor Kraken has 1-minute candles for a 1H chart; choose 24H, 7D or 1Y.',
    );
  });

  test('no advice while a source may have the range: one that has it, or one that does not say', () => {
    assert.equal(
      missingRangeAdvice([source('CoinGecko', ['24h']), source('Binance')], '1h'),
      undefined,
    );
    assert.equal(missingRangeAdvice([source('Kraken', ['1h'])], '1h'), undefined);
  });

  test('a source with no candles at all says so', () => {
    const { fetchCandles: _, ...quotesOnly } = source('Tickers');
    assert.equal(missingRangeAdvice([quotesOnly], '24h'), 'Tickers has no candles of any range.');
  });
});
