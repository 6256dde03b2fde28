import type { FakeMarket } from './fake-market.js';
import { FakeUpstream } from './fake-upstream.js';

/**
 * Bitso's public REST v3, an exchange whose ccxt class has no batched tickers:
 * `/api/v3/available_books`, `/api/v3/catalogues`, `/api/v3/ticker?book=btc_usd`, `/api/v3/ohlc`.
 */
export function startFakeBitso(market: FakeMarket): Promise<FakeUpstream> {
  const books = market.symbols
    .filter((symbol) => symbol !== 'DOGE')
    .map((symbol) => `${symbol.toLowerCase()}_usd`);
  return FakeUpstream.start({
    '/api/v3/available_books': () => ({
      success: true,
      payload: books.map((book) => ({
        book,
        minimum_amount: '0.00001',
        maximum_amount: '500',
        minimum_price: '0.01',
        maximum_price: '10000000',
        minimum_value: '1',
        maximum_value: '10000000',
        tick_size: '0.01',
        fees: { flat_rate: { maker: '0.500', taker: '0.650' }, structure: [] },
      })),
    }),
    '/api/v3/catalogues': () => ({
      success: true,
      payload: {
        currencies: {
          metadata: [...market.symbols, 'USD'].map((code) => ({
            code: code.toLowerCase(),
            full_name: code,
            precision: '8',
            type: 'crypto',
          })),
        },
      },
    }),
    '/api/v3/ticker': (query) => {
      market.tick();
      const book = query.get('book') ?? '';
      const symbol = book.split('_')[0]!.toUpperCase();
      const last = market.price(symbol);
      return {
        success: true,
        payload: {
          book,
          volume: '22.31',
          high: String(last),
          last: String(last),
          low: String(last),
          vwap: String(last),
          ask: String(last),
          bid: String(last),
          created_at: new Date().toISOString(),
        },
      };
    },
    '/api/v3/ohlc': () => ({ success: true, payload: [] }),
  });
}
