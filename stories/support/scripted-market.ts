import {
  MAX_HISTORY_POINTS,
  type PricePoint,
  parseInstrument,
  type Quote,
} from '@tickwire/protocol';
import { CandleLoadError } from '../../packages/widgets/src/elements/live-chart/candle-history.js';
import { sampleHistory } from '../../packages/widgets/src/feed/sample-quotes.js';
import { sampleSparkline } from '../../packages/widgets/src/feed/sample-sparkline.js';
import { scriptedRelay } from '../../packages/widgets/src/feed/testing.js';

/** The states a story can put its market in. */
export type MarketState = 'live' | 'stale' | 'offline' | 'paused';

export interface MarketOptions {
  symbols: readonly string[];
  state?: MarketState;
  /** Prices to start from; symbols priced nowhere are unknown to this market. */
  prices?: Record<string, number>;
  /** `none`: every candle request fails as a relay's would with no source for the range. */
  candles?: 'none';
  /**
   * Set for an exchange's stream: a tick every `tickMs` (1,500 otherwise), along a wave with a
   * ripple, and the history of the last 5 minutes at that pace; sources say they stream.
   */
  tickMs?: number;
}

/** Where the scripted market starts, in USD; round figures, a simulation's seed. */
export const STORY_PRICES: Record<string, number> = {
  BTC: 67_250,
  ETH: 3_480,
  SOL: 152,
  ADA: 0.45,
  DOT: 6.52,
  DOGE: 0.152,
  XRP: 0.52,
  SHIB: 0.000_012_34,
};

/** What one unit of each fiat currency is worth in the scripted market's dollars. */
const STORY_FX: Record<string, number> = { USD: 1, EUR: 1.08, GBP: 1.27 };

let ticking: ReturnType<typeof setInterval> | undefined;

/**
 * A deterministic in-browser market for one story: a snapshot with an hour of history, then
 * (while live) a tick every 1.5 s that moves each price along a fixed wave (or, with
 * `tickMs`, a stream's pace and 5 minutes of its history). No relay, no
 * network; the same story always shows the same numbers. Symbols may name a currency (a
 * fiat one of `STORY_FX`, or another asset) and a source; every source is simulated.
 */
export function scriptedMarket({
  symbols,
  state = 'live',
  prices = STORY_PRICES,
  candles,
  tickMs,
}: MarketOptions): string {
  clearInterval(ticking);
  const { feed, relay } = scriptedRelay('story');
  if (candles === 'none') {
    feed.candles = async (_symbol, range) => {
      // What a relay says of a range its source lacks (a 404 shown for good, not retried).
      const longer = (['24h', '7d', '30d', '1y'] as const).filter((choice) => choice !== range);
      throw new CandleLoadError(
        { reason: 'range-unavailable', sources: ['CoinGecko'], ranges: [...longer] },
        false,
      );
    };
  }
  /** A symbol's price at the start, in its currency; undefined when this market has none. */
  const startOf = (symbol: string) => {
    const { base, currency = 'USD' } = parseInstrument(symbol);
    const value = STORY_FX[currency] ?? prices[currency];
    const price = prices[base];
    return price === undefined || value === undefined ? undefined : price / value;
  };
  const known = symbols.filter((symbol) => startOf(symbol) !== undefined);
  const unknown = symbols.filter((symbol) => startOf(symbol) === undefined);
  const sourceIds = [
    ...new Set(['demo', ...known.map((symbol) => parseInstrument(symbol).source ?? 'demo')]),
  ];
  const now = Date.now();
  const quote = (symbol: string, step: number, ts: number): Quote => {
    const base = startOf(symbol)!;
    const { currency = 'USD', source = 'demo' } = parseInstrument(symbol);
    const phase = symbol.length;
    const wave = tickMs
      ? 0.003 * Math.sin(step / 150 + phase) + 0.0006 * Math.sin(step / 4 + phase)
      : 0.004 * Math.sin(step / 3 + phase);
    const price = base * (1 + wave);
    const open = base * (1 - 0.012 * Math.cos(symbol.charCodeAt(0)));
    return {
      symbol,
      currency,
      price,
      open24h: open,
      change24h: price - open,
      changePct24h: ((price - open) / open) * 100,
      volume24h: 12_345,
      ts,
      source,
      stale: state === 'stale',
    };
  };
  feed.send({
    type: 'snapshot',
    data: {
      interval: 5_000,
      ttl: 60_000,
      currency: 'USD',
      quotes: Object.fromEntries(
        known.map((symbol) => [symbol, quote(symbol, 0, now - (state === 'stale' ? 120_000 : 0))]),
      ),
      history: Object.fromEntries(
        known.map((symbol, index) => [
          symbol,
          tickMs
            ? streamHistory(tickMs, now, (step, ts) => quote(symbol, step, ts).price)
            : sampleHistory(startOf(symbol)!, 60, index + 1),
        ]),
      ),
      unknown,
      sources: sourceIds.map((id) => ({
        id,
        state: state === 'stale' ? 'down' : 'ok',
        simulated: true,
        ...(tickMs && { transport: 'stream' as const }),
      })),
      // The card's 24 h line, from the day's open to the price, as the 24 h figure says.
      sparklines: Object.fromEntries(
        known.map((symbol, index) => {
          const { price, changePct24h } = quote(symbol, 0, now);
          return [symbol, sampleSparkline(price, changePct24h ?? 0, index + 1)];
        }),
      ),
    },
  });
  if (state === 'stale')
    feed.send({
      type: 'status',
      data: {
        sources: sourceIds.map((id) => ({ id, state: 'down', error: 'timeout', simulated: true })),
        stale: known,
      },
    });
  if (state === 'offline') feed.setState('offline');
  if (state === 'paused') feed.pause();
  if (state === 'live') {
    let step = 0;
    ticking = setInterval(() => {
      step++;
      const ts = Date.now();
      feed.send({
        type: 'quotes',
        data: {
          t: ts,
          quotes: Object.fromEntries(known.map((symbol) => [symbol, quote(symbol, step, ts)])),
        },
      });
    }, tickMs ?? 1_500);
  }
  return relay;
}

/** The last 5 minutes of a stream ticking every `tickMs` up to `now` (step 0), oldest first. */
function streamHistory(
  tickMs: number,
  now: number,
  priceAt: (step: number, ts: number) => number,
): PricePoint[] {
  const steps = Math.min(MAX_HISTORY_POINTS - 1, Math.floor(300_000 / tickMs));
  return Array.from({ length: steps + 1 }, (_, i) => {
    const step = i - steps;
    const ts = now + step * tickMs;
    return [ts, priceAt(step, ts)];
  });
}
