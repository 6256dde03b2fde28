import { expect } from '@open-wc/testing';
import { bucketCount, CANDLE_RANGES, type Candle, type PricePoint } from '@tickwire/protocol';
import { SymbolBars } from './chart-bars.js';

const MINUTE = 60_000;
const START = Date.UTC(2026, 11, 5, 12, 0, 0);

/** A range's candles as the relay answers them at `START`: the last one is the bucket under way. */
function candlesAt(range: '1h' | '24h'): Candle[] {
  const step = CANDLE_RANGES[range].resolution * 1000;
  const count = bucketCount(range);
  const current = Math.floor(START / step) * step;
  return Array.from({ length: count }, (_, i) => {
    const price = 100 + i / 10;
    return [current - (count - 1 - i) * step, price, price + 1, price - 1, price + 0.05, 1];
  });
}

describe('a chart window left open for hours', () => {
  for (const range of ['1h', '24h'] as const) {
    it(`${range}: keeps ${bucketCount(range)} buckets, the first one range ago, and measures that window`, () => {
      const step = CANDLE_RANGES[range].resolution * 1000;
      const bars = new SymbolBars(step, candlesAt(range), bucketCount(range));
      let slides = 0;
      // Three hours of the stream: a price every 5 s.
      for (let ms = START; ms <= START + 180 * MINUTE; ms += 5_000) {
        const point: PricePoint = [ms, 120 + Math.sin(ms / 600_000) * 5];
        if (bars.fold([point]).slid) slides++;
        expect(bars.bars.length).to.equal(bucketCount(range));
      }
      const first = bars.bars[0]!;
      const last = bars.bars.at(-1)!;
      expect(last.time - first.time).to.equal((bucketCount(range) - 1) * step);
      expect(last.time).to.equal(Math.floor((START + 180 * MINUTE) / step) * step);
      expect(slides).to.equal((180 * MINUTE) / step);
      expect(bars.changePct).to.be.closeTo((last.close / first.open - 1) * 100, 1e-9);
    });
  }

  it('measures from a base when the chart sets one (a quote’s open24h), else from the window’s first open', () => {
    const bars = new SymbolBars(5 * MINUTE, candlesAt('24h'), 288);
    const first = bars.bars[0]!;
    const last = bars.bars.at(-1)!;
    expect(bars.baseline).to.equal(first.open);
    bars.base = 90;
    expect(bars.baseline).to.equal(90);
    expect(bars.changePct).to.be.closeTo((last.close / 90 - 1) * 100, 1e-9);
  });
});
