import { expect } from '@open-wc/testing';
import type { Bar, ChartLayout } from './chart-layout.js';
import { ChartTimes } from './chart-times.js';
import { CrosshairModel } from './crosshair-model.js';

const MINUTE = 60_000;
const start = Date.UTC(2026, 10, 28, 7, 0);

/** The `i`th 5-minute bucket from `start`, closing at `close`. */
const bucket = (i: number, close = 101 + i): Bar => ({
  time: start + i * 5 * MINUTE,
  open: 100 + i,
  high: 102 + i,
  low: 99 + i,
  close,
  volume: null,
});

/** A crosshair over BTC and ETH (shown as ETH/EUR), read in en-US at UTC: no canvas. */
function crosshair(layout: Partial<ChartLayout> = {}): CrosshairModel {
  const model = new CrosshairModel(new ChartTimes('en-US', 0), 'en-US');
  model.layout = {
    symbols: ['BTC', 'ETH'],
    labels: ['BTC', 'ETH/EUR'],
    type: 'line',
    scale: 'price',
    range: '24h',
    currency: 'USD',
    ...layout,
  };
  model.reset(model.layout.symbols);
  return model;
}

/** A readout with the typographic spaces of `Intl` (before AM, PM) as plain ones. */
const plain = ({ time, values }: { time: string; values: unknown }) => ({
  time: time.replace(/\s/g, ' '),
  values,
});

describe('the chart’s crosshair, without a chart', () => {
  it('a pointer at a time reads the bucket’s time and each symbol’s price there, by symbol', () => {
    const model = crosshair();
    model.setBars('BTC', [bucket(0), bucket(1)]);
    model.setBars('ETH', [bucket(1, 3_500)]);
    expect(plain(model.readoutAt(bucket(1).time))).to.deep.equal({
      time: 'Nov 28, 7:05 AM',
      values: [
        { symbol: 'BTC', text: '$102.00' },
        { symbol: 'ETH', text: '$3,500.00' },
      ],
    });
    // ETH has no bucket at 7:00: it is left out, not read as zero.
    expect(model.readoutAt(bucket(0).time).values).to.deep.equal([
      { symbol: 'BTC', text: '$101.00' },
    ]);
  });

  it('a bucket reads as its range means it: a day over a year, a moment live (to a tenth of a second); a candle in four prices', () => {
    const year = crosshair({ range: '1y' });
    year.setBars('BTC', [bucket(0)]);
    expect(year.readoutAt(start).time).to.equal('Nov 28, 2026');
    const live = crosshair({ range: 'live' });
    // Two updates in one second: each its own point, read apart.
    live.setBars('BTC', [bucket(0), { ...bucket(0), time: start + 250 }]);
    expect(plain(live.readoutAt(start)).time).to.equal('7:00:00.0 AM');
    expect(plain(live.readoutAt(start + 250)).time).to.equal('7:00:00.2 AM');
    const candles = crosshair({ symbols: ['BTC'], labels: ['BTC'], type: 'candles' });
    candles.setBars('BTC', [bucket(0)]);
    expect(candles.readoutAt(start).values).to.deep.equal([
      { symbol: 'BTC', text: 'open $100.00, high $102.00, low $99.00, close $101.00' },
    ]);
  });

  it('the keys step through the first symbol’s buckets: the newest first, never past either end', () => {
    const model = crosshair();
    expect(model.step(-1), 'nothing drawn').to.equal(undefined);
    model.setBars('BTC', [bucket(0), bucket(1), bucket(2)]);
    const times = (...deltas: number[]) => deltas.map((delta) => model.step(delta)?.time);
    expect(times(-1, -1, -1, -1, 1)).to.deep.equal([
      bucket(2).time,
      bucket(1).time,
      bucket(0).time,
      bucket(0).time,
      bucket(1).time,
    ]);
    expect(times(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)).to.deep.equal([
      bucket(2).time,
      bucket(0).time,
    ]);
    model.clear();
    expect(model.step(1)?.bar).to.deep.equal(bucket(2));
  });

  it('takes the bucket under way and the next one, never an older one', () => {
    const model = crosshair();
    model.setBars('BTC', [bucket(0), bucket(1)]);
    expect(model.updateBar('BTC', bucket(1, 150))).to.equal(true);
    expect(model.updateBar('BTC', bucket(2))).to.equal(true);
    expect(model.updateBar('BTC', bucket(0, 1))).to.equal(false);
    expect(model.updateBar('SOL', bucket(3))).to.equal(false);
    expect(model.lastBar('BTC')).to.deep.equal(bucket(2));
    expect(model.readoutAt(bucket(1).time).values[0]).to.deep.equal({
      symbol: 'BTC',
      text: '$150.00',
    });
  });
});
