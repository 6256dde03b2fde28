import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import type { Bar, ChartLayout } from './chart-layout.js';
import {
  drawnTimes,
  fontDrawn,
  type LabelBox,
  priceLabelBoxes,
  recordTickLabels,
  timeLabelBoxes,
  xAt,
} from './chart-probe.test.js';
import { ChartRenderer } from './chart-renderer.js';

const theme = {
  text: '#556070',
  grid: '#eeeeee',
  font: 'Courier New',
  up: '#0a7d38',
  down: '#c22a2a',
  series: ['#1d5fd6', '#d9480f'],
};
const MINUTE = 60_000;
const start = Date.UTC(2026, 10, 28, 7, 0);

/** `count` buckets of `step` ms from `from`, each closing a little higher. */
const bars = (count: number, step: number, from = start): Bar[] =>
  Array.from({ length: count }, (_, i) => ({
    time: from + i * step,
    open: 100 + i,
    high: 102 + i,
    low: 99 + i,
    close: 101 + i,
    volume: 5,
  }));

describe('ChartRenderer', () => {
  let renderer: ChartRenderer;
  afterEach(() => renderer?.dispose());

  async function make(
    layout: Partial<ChartLayout> = {},
    { width = 600, locale = 'en-US' } = {},
  ): Promise<ChartRenderer> {
    const container = await fixture<HTMLDivElement>(
      html`<div style="width: ${width}px; height: 240px"></div>`,
    );
    renderer = new ChartRenderer(container, theme, locale);
    renderer.setLayout({
      symbols: ['BTC'],
      labels: layout.symbols ?? ['BTC'],
      type: 'line',
      scale: 'price',
      range: '24h',
      currency: 'USD',
      ...layout,
    });
    return renderer;
  }

  it('spaces buckets by time: equal steps are equally wide', async () => {
    const chart = await make();
    chart.setBars('BTC', bars(288, 5 * MINUTE), 100);
    chart.fit();
    await nextFrame();
    const xs = drawnTimes(chart).map((time) => xAt(chart, time)!);
    const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
    expect(Math.max(...gaps) - Math.min(...gaps)).to.be.below(0.01);
    expect(gaps[0]).to.be.above(0);
  });

  it('moves the bucket under way in place and opens the next; never goes back in time', async () => {
    const chart = await make({ type: 'candles' });
    chart.setBars('BTC', bars(3, 5 * MINUTE), 100);
    const last = { ...bars(3, 5 * MINUTE)[2]!, close: 150, high: 150 };
    chart.updateBar('BTC', last);
    expect(drawnTimes(chart)).to.have.length(3);
    chart.updateBar('BTC', { ...last, time: last.time + 5 * MINUTE });
    expect(drawnTimes(chart)).to.have.length(4);
    chart.updateBar('BTC', { ...last, time: start });
    expect(drawnTimes(chart)).to.have.length(4);
  });

  it('labels ticks by their kind, in the element’s font, never two alike', async () => {
    for (const [range, step, count] of [
      ['1h', MINUTE, 60],
      ['24h', 5 * MINUTE, 288],
      ['7d', 60 * MINUTE, 168],
      ['1y', 1_440 * MINUTE, 365],
    ] as const) {
      const chart = await make({ range });
      const tickLabels = recordTickLabels(chart);
      chart.setBars('BTC', bars(count, step), 100);
      chart.fit();
      await nextFrame();
      await nextFrame();
      const labels = [...tickLabels.values()];
      expect(labels.length, range).to.be.above(2);
      expect(new Set(labels).size, `${range}: ${labels.join(' | ')}`).to.equal(labels.length);
      // en-US hours have no leading zero, as every other time the kit prints.
      expect(labels.filter((label) => /^0\d:/.test(label))).to.deep.equal([]);
      expect(fontDrawn(chart)).to.equal('Courier New');
      chart.dispose();
    }
  });

  it('steps a crosshair through the buckets by keyboard and reads out each one', async () => {
    const chart = await make({ type: 'candles' });
    chart.setBars('BTC', bars(4, 5 * MINUTE), 100);
    const newest = chart.step(-1)!;
    expect(newest.values).to.deep.equal([
      { symbol: 'BTC', text: 'open $103.00, high $105.00, low $102.00, close $104.00' },
    ]);
    expect(chart.step(-1)!.values[0]!.text).to.contain('close $103.00');
    expect(chart.step(Number.NEGATIVE_INFINITY)!.values[0]!.text).to.contain('close $101.00');
    expect(chart.step(-1)!.values[0]!.text).to.contain('close $101.00');
    expect(chart.step(Number.POSITIVE_INFINITY)!.time).to.equal(newest.time);
  });

  /** `seconds` of a stream at 4 updates a second, from `level` up and down by `swing`. */
  const ticks = (level: number, swing: number, seconds = 300): Bar[] =>
    Array.from({ length: seconds * 4 }, (_, i) => {
      const close = level + swing * Math.abs(Math.sin(i / 150));
      return {
        time: Date.UTC(2026, 10, 28, 11, 46, 4, 300) + i * 250,
        open: close,
        high: close,
        low: close,
        close,
        volume: null,
      };
    });

  /** Labels of `boxes` closer than `gap` px side by side, as text for the failure. */
  const crowded = (boxes: LabelBox[], gap: number) =>
    [...boxes]
      .sort((a, b) => a.left - b.left)
      .flatMap((box, i, sorted) => {
        const next = sorted[i + 1];
        return next && next.left - box.right < gap
          ? [`"${box.text}" ${Math.round(next.left - box.right)} px from "${next.text}"`]
          : [];
      });

  for (const locale of ['en-US', 'ar-EG']) {
    for (const width of [320, 375]) {
      it(`a ${width} px tick chart in ${locale}: time labels keep 8 px apart, whatever the stretch of time shown`, async () => {
        const chart = await make({ range: 'live' }, { width, locale });
        // A chart just opened, filling, and full: labels a few seconds, or minutes, apart.
        for (const seconds of [15, 40, 60, 90, 180, 300]) {
          chart.setBars('BTC', ticks(67_000, 250, seconds), 67_000);
          chart.fit();
          const times = await timeLabelBoxes(chart);
          expect(times.length, `${seconds} s: labels`).to.be.above(1);
          expect(crowded(times, 8), `${seconds} s`).to.deep.equal([]);
        }
      });

      it(`a ${width} px tick chart in ${locale}: no price label is cut at the plot's edge`, async () => {
        const chart = await make({ range: 'live' }, { width, locale });
        // Levels and swings that put a price tick near the top or the bottom edge of the plot.
        for (const [level, swing] of [
          [67_000, 250],
          [67_013, 180],
          [66_987, 333],
          [3_480.5, 7.3],
          [0.4498, 0.0031],
        ] as const) {
          chart.setBars('BTC', ticks(level, swing), level);
          chart.fit();
          const { boxes, height } = await priceLabelBoxes(chart);
          expect(boxes.length, `${level}: price labels`).to.be.above(1);
          const cut = boxes.filter(({ top, bottom }) => top < 0 || bottom > height);
          expect(
            cut.map(({ text, top }) => `${text} at ${Math.round(top)} px of ${height}`),
            `${level}`,
          ).to.deep.equal([]);
        }
      });
    }
  }
});
