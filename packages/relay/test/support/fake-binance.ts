import { bucketStart } from '@tickwire/protocol';
import type { FakeMarket } from './fake-market.js';
import { FakeUpstream } from './fake-upstream.js';

/** Binance's markets beyond each asset's USDT one: some in euros, some in bitcoin. */
const OTHER_MARKETS: [base: string, quote: string][] = [
  ['BTC', 'EUR'],
  ['ETH', 'EUR'],
  ['ETH', 'BTC'],
  ['SOL', 'BTC'],
];

/** The kline intervals the relay asks for, ms. */
const KLINE_INTERVALS_MS: Record<string, number> = {
  '1m': 60_000,
  '5m': 300_000,
  '1h': 3_600_000,
  '4h': 14_400_000,
  '12h': 43_200_000,
  '1d': 86_400_000,
};

/**
 * Binance spot REST as ccxt's binance class calls it: `/api/v3/exchangeInfo`,
 * `/api/v3/ticker/24hr?symbols=[...]` and `/api/v3/klines`, answered in Binance's shapes
 * (strings for decimals, ms timestamps).
 */
export function startFakeBinance(market: FakeMarket): Promise<FakeUpstream> {
  const markets = [
    ...market.symbols.map((base) => [base, 'USDT'] as [string, string]),
    ...OTHER_MARKETS,
  ];
  const marketOf = new Map(markets.map(([base, quote]) => [`${base}${quote}`, { base, quote }]));
  return FakeUpstream.start({
    '/api/v3/exchangeInfo': () => ({
      timezone: 'UTC',
      serverTime: Date.now(),
      rateLimits: [
        { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000 },
      ],
      exchangeFilters: [],
      symbols: markets.map(([base, quote]) => spotSymbol(base, quote)),
    }),
    '/api/v3/ticker/24hr': (query) => {
      market.tick();
      const wanted = JSON.parse(query.get('symbols') ?? '[]') as string[];
      const now = market.now();
      return wanted
        .filter((symbol) => marketOf.has(symbol))
        .map((symbol) => {
          const { base, quote } = marketOf.get(symbol)!;
          const last = market.priceIn(base, quote);
          const open = market.openIn(base, quote);
          return {
            symbol,
            priceChange: String(last - open),
            priceChangePercent: (((last - open) / open) * 100).toFixed(3),
            weightedAvgPrice: String(open),
            prevClosePrice: String(open),
            lastPrice: String(last),
            lastQty: '0.01',
            bidPrice: String(last),
            bidQty: '1',
            askPrice: String(last),
            askQty: '1',
            openPrice: String(open),
            highPrice: String(last),
            lowPrice: String(open),
            volume: '12345.6',
            quoteVolume: String(12345.6 * last),
            openTime: now - 86_400_000,
            closeTime: now - 5,
            firstId: 1,
            lastId: 1000,
            count: 1000,
          };
        });
    },
    '/api/v3/klines': (query) => {
      // Binance: klines from `startTime` (or ending now), at most `limit`, the last one the
      // candle under way; each row [openTime, open, high, low, close, volume, closeTime, ...].
      const { base, quote } = marketOf.get(query.get('symbol') ?? '') ?? { base: '', quote: '' };
      const step = KLINE_INTERVALS_MS[query.get('interval') ?? ''];
      if (!step) return [];
      const limit = Math.min(1000, Number(query.get('limit') ?? 500));
      const current = bucketStart(Date.now(), step);
      const start = query.has('startTime')
        ? Math.ceil(Number(query.get('startTime')) / step) * step
        : current - (limit - 1) * step;
      const rows = [];
      for (let openTime = start; openTime <= current && rows.length < limit; openTime += step) {
        const open = market.openIn(base, quote) * (1 + ((openTime / step) % 100) / 10_000);
        const close = open * 1.0005;
        rows.push([
          openTime,
          String(open),
          String(close * 1.001),
          String(open * 0.999),
          String(close),
          '10.5',
          openTime + step - 1,
          '1000',
          10,
          '5',
          '500',
          '0',
        ]);
      }
      return rows;
    },
  });
}

function spotSymbol(base: string, quote: string) {
  return {
    symbol: `${base}${quote}`,
    status: 'TRADING',
    baseAsset: base,
    baseAssetPrecision: 8,
    quoteAsset: quote,
    quotePrecision: 8,
    quoteAssetPrecision: 8,
    baseCommissionPrecision: 8,
    quoteCommissionPrecision: 8,
    orderTypes: ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT'],
    icebergAllowed: true,
    ocoAllowed: true,
    otoAllowed: true,
    quoteOrderQtyMarketAllowed: true,
    allowTrailingStop: true,
    cancelReplaceAllowed: true,
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    filters: [
      {
        filterType: 'PRICE_FILTER',
        minPrice: '0.00000001',
        maxPrice: '1000000.00000000',
        tickSize: '0.00000001',
      },
      {
        filterType: 'LOT_SIZE',
        minQty: '0.00001000',
        maxQty: '9000.00000000',
        stepSize: '0.00001000',
      },
      {
        filterType: 'NOTIONAL',
        minNotional: '5.00000000',
        applyMinToMarket: true,
        maxNotional: '9000000.00000000',
        applyMaxToMarket: false,
        avgPriceMins: 5,
      },
    ],
    permissions: [],
    permissionSets: [['SPOT']],
    defaultSelfTradePreventionMode: 'EXPIRE_MAKER',
    allowedSelfTradePreventionModes: ['EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH'],
  };
}
