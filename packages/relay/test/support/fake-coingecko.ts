import type { FakeMarket } from './fake-market.js';
import { FakeUpstream } from './fake-upstream.js';

/** CoinGecko ids of the fake market's symbols, plus look-alikes that share a symbol. */
const COINS = [
  { id: 'bitcoin', symbol: 'btc', name: 'Bitcoin' },
  { id: 'ethereum', symbol: 'eth', name: 'Ethereum' },
  { id: 'ethereum-wormhole', symbol: 'eth', name: 'Ethereum (Wormhole)' },
  { id: 'solana', symbol: 'sol', name: 'Solana' },
  { id: 'cardano', symbol: 'ada', name: 'Cardano' },
  { id: 'polkadot', symbol: 'dot', name: 'Polkadot' },
  { id: 'dogecoin', symbol: 'doge', name: 'Dogecoin' },
  { id: 'big-token', symbol: 'twin', name: 'Big Twin' },
  { id: 'small-token', symbol: 'twin', name: 'Small Twin' },
];

const SYMBOL_OF: Record<string, string> = Object.fromEntries(
  COINS.map((coin) => [coin.id, coin.symbol.toUpperCase()]),
);

/** The `vs_currencies` the fake has (CoinGecko's real list has ~60, lower case). */
const SUPPORTED = ['usd', 'eur', 'gbp', 'btc', 'eth'];

/**
 * CoinGecko API v3 as documented: `/coins/list`, `/simple/supported_vs_currencies`,
 * `/simple/price` (several `vs_currencies` at once, with 24 h change, volume, last-updated
 * time and market caps), `/coins/{id}/market_chart` and `/coins/{id}/ohlc`.
 */
export function startFakeCoinGecko(market: FakeMarket): Promise<FakeUpstream> {
  return FakeUpstream.start({
    '/api/v3/coins/list': () => COINS,
    '/api/v3/simple/supported_vs_currencies': () => SUPPORTED,
    '/api/v3/simple/price': (query) => {
      market.tick();
      const currencies = (query.get('vs_currencies') ?? 'usd')
        .split(',')
        .filter((currency) => SUPPORTED.includes(currency));
      const answer: Record<string, Record<string, number>> = {};
      for (const id of (query.get('ids') ?? '').split(',')) {
        const symbol = SYMBOL_OF[id];
        if (!symbol) continue;
        const entry: Record<string, number> = {};
        for (const currency of currencies) {
          const upper = currency.toUpperCase();
          const price = symbol === 'TWIN' ? 1 : market.priceIn(symbol, upper);
          const open = symbol === 'TWIN' ? 1 : market.openIn(symbol, upper);
          entry[currency] = price;
          if (query.get('include_market_cap') === 'true')
            entry[`${currency}_market_cap`] =
              id === 'big-token' ? 9e9 : id === 'ethereum' ? 4e11 : 1e6;
          if (query.get('include_24hr_change') === 'true')
            entry[`${currency}_24h_change`] = ((price - open) / open) * 100;
          if (query.get('include_24hr_vol') === 'true')
            entry[`${currency}_24h_vol`] = 1_000 * price;
        }
        if (query.get('include_last_updated_at') === 'true')
          entry.last_updated_at = Math.floor(Date.now() / 1000);
        answer[id] = entry;
      }
      return answer;
    },
    '/api/v3/coins/:id/market_chart': (query, path) => {
      // Granularity as documented: 5-minutely for 1 day, hourly up to 90 days, daily beyond.
      const symbol = SYMBOL_OF[path.split('/')[4] ?? ''] ?? 'BTC';
      const days = Number(query.get('days') ?? 1);
      const step = days <= 1 ? 300_000 : days <= 90 ? 3_600_000 : 86_400_000;
      const now = Date.now();
      const count = Math.floor((days * 86_400_000) / step);
      const prices = Array.from({ length: count }, (_, i) => [
        now - (count - i) * step,
        market.open(symbol) * (1 + i / 100_000),
      ]);
      prices.push([now, market.price(symbol)]);
      return {
        prices,
        market_caps: prices.map(([ms]) => [ms, 1e9]),
        total_volumes: prices.map(([ms]) => [ms, 1e6]),
      };
    },
    '/api/v3/coins/:id/ohlc': (query, path) => {
      // Candles of 30 minutes (1–2 days), 4 hours (3–30 days) or 4 days; each row's time is its close.
      const symbol = SYMBOL_OF[path.split('/')[4] ?? ''] ?? 'BTC';
      const days = Number(query.get('days') ?? 1);
      const step = days <= 2 ? 1_800_000 : days <= 30 ? 14_400_000 : 345_600_000;
      const lastClose = Math.ceil(Date.now() / step) * step;
      const count = Math.floor((days * 86_400_000) / step);
      return Array.from({ length: count }, (_, i) => {
        const open = market.open(symbol) * (1 + i / 10_000);
        return [lastClose - (count - 1 - i) * step, open, open * 1.002, open * 0.998, open * 1.001];
      });
    },
  });
}
