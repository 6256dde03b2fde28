import type { FakeMarket } from './fake-market.js';
import { FakeUpstream, RawAnswer } from './fake-upstream.js';

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

/** Coins in circulation, for `/coins/markets`'s market caps; Ethereum has no maximum (its FDV is `null`). */
const SUPPLY: Record<string, { circulating: number; max: number | null }> = {
  bitcoin: { circulating: 19.7e6, max: 21e6 },
  ethereum: { circulating: 120e6, max: null },
  'ethereum-wormhole': { circulating: 1e4, max: 1e4 },
  solana: { circulating: 4.6e8, max: null },
  cardano: { circulating: 3.5e10, max: 4.5e10 },
  polkadot: { circulating: 1.4e9, max: null },
  dogecoin: { circulating: 1.46e11, max: null },
  'big-token': { circulating: 9e9, max: 9e9 },
  'small-token': { circulating: 1e6, max: 1e6 },
};

/** A 1×1 PNG: what CoinGecko's image host sends by default. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** What the fake's image host and `/coins/markets` answer, by coin id, where a test says otherwise. */
export interface FakeCoinGeckoOptions {
  /** Images by coin id (default: `TINY_PNG` as image/png). */
  images?: Map<string, RawAnswer>;
  /** Names by coin id (default: the coin's own). */
  names?: Map<string, string>;
}

/** The `vs_currencies` the fake has (CoinGecko's real list has ~60, lower case). */
const SUPPORTED = ['usd', 'eur', 'gbp', 'btc', 'eth'];

/**
 * CoinGecko API v3 as documented: `/coins/list`, `/simple/supported_vs_currencies`,
 * `/simple/price` (several `vs_currencies` at once, with 24 h change, volume, last-updated
 * time and market caps), `/coins/{id}/market_chart`, `/coins/{id}/ohlc`, `/coins/markets` (by
 * `ids`, or the top by market cap), and the coins' images on the same origin (CoinGecko's own
 * are on its image host).
 */
export async function startFakeCoinGecko(
  market: FakeMarket,
  options: FakeCoinGeckoOptions = {},
): Promise<FakeUpstream> {
  let origin = '';
  const priceOf = (id: string, currency: string) => {
    const symbol = SYMBOL_OF[id]!;
    return symbol === 'TWIN' ? 1 : market.priceIn(symbol, currency.toUpperCase());
  };
  const capOf = (id: string, currency: string) => priceOf(id, currency) * SUPPLY[id]!.circulating;
  const fake = await FakeUpstream.start({
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
    '/api/v3/coins/markets': (query) => {
      const currency = query.get('vs_currency') ?? '';
      if (!SUPPORTED.includes(currency)) {
        return new RawAnswer(
          JSON.stringify({ error: 'invalid vs_currency' }),
          {
            'Content-Type': 'application/json',
          },
          400,
        );
      }
      market.tick();
      const ranked = COINS.map((coin) => coin.id).sort(
        (a, b) => capOf(b, currency) - capOf(a, currency),
      );
      const asked = query.get('ids')?.split(',');
      const perPage = Math.min(250, Number(query.get('per_page') ?? 100));
      // CoinGecko answers in its `order` (market cap, largest first) whether ids are given or not.
      const ids = ranked
        .filter((id) => asked === undefined || asked.includes(id))
        .slice(0, perPage);
      const changes = query.get('price_change_percentage')?.split(',') ?? [];
      return ids.map((id) => {
        const coin = COINS.find((each) => each.id === id)!;
        const price = priceOf(id, currency);
        const { circulating, max } = SUPPLY[id]!;
        return {
          id,
          symbol: coin.symbol,
          name: options.names?.get(id) ?? coin.name,
          image: `${origin}/coins/images/${id}/large.png?1696501400`,
          current_price: price,
          market_cap: Math.round(price * circulating),
          market_cap_rank: ranked.indexOf(id) + 1,
          fully_diluted_valuation: max === null ? null : Math.round(price * max),
          total_volume: 1_000 * price,
          circulating_supply: circulating,
          total_supply: max,
          max_supply: max,
          price_change_percentage_24h: 2,
          ...(changes.includes('1h') && { price_change_percentage_1h_in_currency: 0.25 }),
          // Dogecoin's week is missing upstream: the relay must leave it out, not say 0.
          ...(changes.includes('7d') && {
            price_change_percentage_7d_in_currency: id === 'dogecoin' ? null : -3.5,
          }),
          // A week of hourly prices from 3.5 % above to the price (Dogecoin's week is empty
          // upstream, as CoinGecko answers for a coin it lacks one of; Solana's has a gap).
          ...(query.get('sparkline') === 'true' && {
            sparkline_in_7d: {
              price:
                id === 'dogecoin'
                  ? []
                  : Array.from({ length: 168 }, (_, hour) =>
                      id === 'solana' && hour === 100
                        ? null
                        : (price / (1 - 0.035)) * (1 - (0.035 * hour) / 167),
                    ),
            },
          }),
          last_updated: new Date(Date.now() - 30_000).toISOString(),
        };
      });
    },
    '/coins/images/:id/large.png': (_query, path) => {
      const id = path.split('/')[3] ?? '';
      return options.images?.get(id) ?? new RawAnswer(TINY_PNG, { 'Content-Type': 'image/png' });
    },
    '/api/v3/coins/:id/market_chart': (query, path) => {
      // Granularity as documented: 5-minutely for 1 day, hourly up to 90 days, daily beyond;
      // `max`, every coin's whole history: 2,000 days here.
      const symbol = SYMBOL_OF[path.split('/')[4] ?? ''] ?? 'BTC';
      const days = query.get('days') === 'max' ? 2_000 : Number(query.get('days') ?? 1);
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
  origin = fake.url;
  return fake;
}
