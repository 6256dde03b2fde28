import { expect } from '@open-wc/testing';
import {
  bucketCount,
  CANDLE_RANGES,
  type Candle,
  type PricePoint,
  TICK_WINDOW,
} from '@tickwire/protocol';
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

describe('the tick chart’s points', () => {
  it('every update is a point of its own, a quarter second apart or at one millisecond (the later price)', () => {
    const ticks = SymbolBars.ticks();
    const { changed } = ticks.fold([
      [START, 100],
      [START + 250, 101],
      [START + 500, 99],
      [START + 500, 98],
      [START + 1_000, 102],
    ]);
    expect(ticks.bars.map((bar) => [bar.time, bar.close])).to.deep.equal([
      [START, 100],
      [START + 250, 101],
      [START + 500, 99],
      [START + 1_000, 102],
    ]);
    expect(changed).to.have.length(4);
    // An update at a time already drawn is no news: the feed keeps the first, and so does the chart.
    expect(ticks.fold([[START + 1_000, 103]]).changed).to.deep.equal([]);
  });

  it(`keeps the last ${TICK_WINDOW.minutes} minutes: an update a second for ten minutes leaves five minutes of them`, () => {
    const ticks = SymbolBars.ticks();
    let slides = 0;
    for (let ms = START; ms <= START + 10 * MINUTE; ms += 1_000) {
      if (ticks.fold([[ms, 100 + (ms % 7)]]).slid) slides++;
    }
    const times = ticks.bars.map((bar) => bar.time);
    expect(times[0]).to.equal(START + 5 * MINUTE);
    expect(times.at(-1)).to.equal(START + 10 * MINUTE);
    expect(times).to.have.length(5 * 60 + 1);
    expect(slides).to.equal(5 * 60);
  });

  it(`keeps at most ${TICK_WINDOW.maxPoints} points, however fast the updates come`, () => {
    const ticks = SymbolBars.ticks();
    const points: PricePoint[] = Array.from({ length: 5_000 }, (_, i) => [START + i * 10, 100 + i]);
    ticks.fold(points);
    expect(ticks.bars).to.have.length(TICK_WINDOW.maxPoints);
    expect(ticks.bars.at(-1)!.close).to.equal(100 + 4_999);
  });
});
