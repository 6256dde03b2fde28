import type { FakeMarket } from './fake-market.js';
import { FakeUpstream } from './fake-upstream.js';

/** Kraken's own asset codes: bitcoin is `XXBT` (altname `XBT`), fiat has a `Z` prefix. */
const ASSETS: Record<string, { code: string; altname: string }> = {
  XXBT: { code: 'BTC', altname: 'XBT' },
  XETH: { code: 'ETH', altname: 'ETH' },
  ZEUR: { code: 'EUR', altname: 'EUR' },
  ZUSD: { code: 'USD', altname: 'USD' },
};

/** Kraken's pairs: id → its base and quote asset ids. */
const PAIRS: Record<string, [base: string, quote: string]> = {
  XXBTZEUR: ['XXBT', 'ZEUR'],
  XXBTZUSD: ['XXBT', 'ZUSD'],
  XETHZEUR: ['XETH', 'ZEUR'],
};

/**
 * Kraken's public REST API as ccxt's kraken class calls it, in Kraken's shapes
 * (`{"error": [], "result": ...}`, decimals as strings): `/0/public/Assets`,
 * `/0/public/AssetPairs` and `/0/public/Ticker?pair=XXBTZEUR,...`. Bitcoin is `XBT` there.
 */
export function startFakeKraken(market: FakeMarket): Promise<FakeUpstream> {
  const code = (assetId: string) => ASSETS[assetId]!.code;
  return FakeUpstream.start({
    '/0/public/Assets': () => ({
      error: [],
      result: Object.fromEntries(
        Object.entries(ASSETS).map(([id, { altname }]) => [
          id,
          { aclass: 'currency', altname, decimals: 10, display_decimals: 5, status: 'enabled' },
        ]),
      ),
    }),
    '/0/public/AssetPairs': () => ({
      error: [],
      result: Object.fromEntries(
        Object.entries(PAIRS).map(([id, [base, quote]]) => [
          id,
          {
            altname: `${ASSETS[base]!.altname}${ASSETS[quote]!.altname}`,
            wsname: `${ASSETS[base]!.altname}/${ASSETS[quote]!.altname}`,
            aclass_base: 'currency',
            base,
            aclass_quote: 'currency',
            quote,
            lot: 'unit',
            pair_decimals: 1,
            lot_decimals: 8,
            lot_multiplier: 1,
            leverage_buy: [],
            leverage_sell: [],
            fees: [[0, 0.26]],
            fees_maker: [[0, 0.16]],
            fee_volume_currency: 'ZUSD',
            ordermin: '0.0001',
            status: 'online',
          },
        ]),
      ),
    }),
    '/0/public/Ticker': (query) => {
      market.tick();
      const result: Record<string, unknown> = {};
      for (const id of (query.get('pair') ?? '').split(',')) {
        const pair = PAIRS[id];
        if (!pair) continue;
        const last = market.priceIn(code(pair[0]), code(pair[1]));
        const open = market.openIn(code(pair[0]), code(pair[1]));
        result[id] = {
          a: [String(last), '1', '1.000'],
          b: [String(last), '1', '1.000'],
          c: [String(last), '0.01'],
          v: ['100.5', '201.0'],
          p: [String(open), String(open)],
          t: [1000, 2000],
          l: [String(open), String(open)],
          h: [String(last), String(last)],
          o: String(open),
        };
      }
      return { error: [], result };
    },
  });
}
