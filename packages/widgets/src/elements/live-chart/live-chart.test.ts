import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import {
  type CandleRange,
  type CandlesAnswer,
  type PricePoint,
  stepMsOf,
  windowStart,
} from '@tickwire/protocol';
import { executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { sampleQuote, sampleSnapshot } from '../../feed/sample-quotes.js';
import type { ScriptedFeed } from '../../feed/scripted-feed.js';
import { openStreams, scriptedRelay, visible } from '../../feed/testing.js';
import '../../index.js';
import { formatPercent } from '../../internal/format.js';
import { en } from '../../internal/messages/en.js';
import { CandleLoadError, readCandles } from './candle-history.js';
import { readableOn } from './chart-colours.js';
import {
  drawnTimes,
  drawnValues,
  fontDrawn,
  lineBreaksAfter,
  slotsBetween,
  xAt,
} from './chart-probe.test.js';
import type { ChartRenderer } from './chart-renderer.js';
import type { ChartTheme } from './chart-theme.js';
import { holdLongTimers } from './held-timers.test.js';
import type { LiveChart } from './live-chart.js';

const text = (element: Element, selector: string) =>
  visible(element.shadowRoot?.querySelector(selector)?.textContent ?? '');
/** The message part says `words`, centred on the plot, where a reader sees it. */
function expectShown(el: LiveChart, words: string): void {
  const message = el.shadowRoot!.querySelector<HTMLElement>('[part="message"]');
  expect(message?.textContent).to.equal(words);
  expect(message!.classList.contains('centred')).to.equal(true);
  expect(message!.checkVisibility({ opacityProperty: true, visibilityProperty: true })).to.equal(
    true,
  );
  expect(message!.getBoundingClientRect().height).to.be.above(0);
}
const drawn = (chart: LiveChart) => chart.shadowRoot!.querySelector('.plot canvas') !== null;
/** The chart library's side of the element, for what only a canvas shows. */
const rendererOf = (chart: LiveChart) =>
  (chart as unknown as { renderer: ChartRenderer | undefined }).renderer;
/** The times drawn for the chart's `index`th symbol, ms. */
const bucketsShown = (el: LiveChart, index = 0) => {
  const renderer = rendererOf(el);
  return renderer ? drawnTimes(renderer, index) : [];
};

/** A new BTC price from the stream, at `ts`. */
function sendPrice(feed: ScriptedFeed, price: number, ts = Date.now()): void {
  feed.send({
    type: 'quotes',
    data: { t: ts, quotes: { BTC: sampleQuote('BTC', price, 1, { ts }) } },
  });
}

async function chart(
  relay: string,
  symbols: string,
  scale = 'auto',
  range = 'live',
  type = 'line',
): Promise<LiveChart> {
  return fixture<LiveChart>(
    html`<live-chart symbols=${symbols} relay=${relay} scale=${scale} range=${range} type=${type} locale="en-US" style="width: 600px; height: 320px"></live-chart>`,
  );
}

describe('<live-chart> on a scripted feed', () => {
  it('tells thirteen symbols apart: twelve colours, then the first again, dashed; the values beside the axis', async () => {
    const symbols = 'BTC,ETH,SOL,BNB,XRP,ADA,DOGE,TRX,TON,AVAX,SHIB,DOT,LINK'.split(',');
    const { feed, relay } = scriptedRelay('chart');
    const el = await chart(relay, symbols.join(','));
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot(symbols.map((symbol, i) => sampleQuote(symbol, 10 + i, i - 6))),
    });
    await waitUntil(() => drawn(el), 'the chart library loads and draws');
    const swatches = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="legend"] .swatch')];
    const colours = swatches.map((swatch) =>
      getComputedStyle(swatch).getPropertyValue('--_swatch'),
    );
    expect(new Set(colours.slice(0, 12)).size).to.equal(12);
    expect(colours[12]).to.equal(colours[0]);
    expect(swatches[12]!.classList.contains('round-1')).to.equal(true);
    const series = rendererOf(el)!['chart' as keyof ChartRenderer] as unknown as {
      panes(): { getSeries(): { options(): { lineStyle: number } }[] }[];
    };
    const styles = series
      .panes()
      .flatMap((pane) => pane.getSeries())
      .map((one) => one.options().lineStyle);
    expect(styles.slice(0, 12).every((style) => style === 0)).to.equal(true);
    expect(styles[12]).to.equal(2);
    // The legend stays one row.
    const tops = new Set(
      [...el.shadowRoot!.querySelectorAll('[part="legend"] li')].map((li) =>
        Math.round(li.getBoundingClientRect().top),
      ),
    );
    expect(tops.size).to.equal(1);
    // Every last value in the gutter, right of the plot, none over another.
    const shown = () =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="last-value"]')].filter(
        (label) => !label.hidden,
      );
    await waitUntil(() => shown().length > 0, 'the last values are placed');
    const plot = el.shadowRoot!.querySelector('.plot')!.getBoundingClientRect();
    const rects = shown().map((label) => label.getBoundingClientRect());
    for (const rect of rects) expect(rect.left).to.be.at.least(plot.right - 0.5);
    const sorted = rects.sort((a, b) => a.top - b.top);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.top).to.be.at.least(sorted[i - 1]!.bottom - 0.5);
  });

  it('draws a line per symbol from the snapshot, with a legend and percent change for several', async () => {
    const { feed, relay } = scriptedRelay('chart');
    const el = await chart(relay, 'BTC,eth');
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot([
        sampleQuote('BTC', 67_123.45, 1.7),
        sampleQuote('ETH', 3_480.06, -2.4),
      ]),
    });
    await waitUntil(() => drawn(el), 'the chart library loads and draws');
    expect(el.getAttribute('state')).to.equal('live');
    const legend = [...el.shadowRoot!.querySelectorAll('[part="legend"] li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    // The tick chart's change is the 24 h one, the card's figure.
    expect(legend).to.deep.equal(['BTC $67,123.45 +1.70% 24h', 'ETH $3,480.06 −2.40% 24h']);
    expect(text(el, '[part="footer"]')).to.equal(
      '% change over 24h, every update, last 5 minutes Charts by TradingView',
    );
    expect(text(el, '[part="state"]')).to.equal('Live');
    expect(text(el, '[part="simulated"]')).to.equal('Simulated');
  });

  it('keeps ticking through out-of-order and duplicate ticks without an error', async () => {
    const { feed, relay } = scriptedRelay('chart');
    const el = await chart(relay, 'BTC');
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    try {
      feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)]) });
      await waitUntil(() => drawn(el));
      const now = Date.now();
      for (const ts of [now + 2_000, now + 1_000, now + 2_000, now + 3_000]) {
        sendPrice(feed, 67_000 + ts - now, ts);
        await el.updateComplete;
      }
      expect(errors).to.deep.equal([]);
      expect(text(el, '[part="legend"]')).to.contain('$70,000.00');
      expect(text(el, '[part="footer"]')).to.contain('Prices in USD, every update, last 5 minutes');
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('shows prices on the axis with scale="price"', async () => {
    const { feed, relay } = scriptedRelay('chart');
    const el = await chart(relay, 'BTC,ETH', 'price');
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot([sampleQuote('BTC', 67_000, 1), sampleQuote('ETH', 3_500, 1)]),
    });
    await el.updateComplete;
    expect(text(el, '[part="footer"]')).to.contain('Prices in USD, every update, last 5 minutes');
  });

  it('names unknown symbols and keeps drawing the rest; all unknown is an error', async () => {
    const { feed, relay } = scriptedRelay('chart');
    const some = await chart(relay, 'BTC,NOTACOIN');
    const none = await chart(relay, 'NOPE');
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)], ['NOTACOIN', 'NOPE']),
    });
    await some.updateComplete;
    await none.updateComplete;
    expect(some.getAttribute('state')).to.equal('live');
    expect(text(some, '[part="message"]')).to.equal('The relay does not list NOTACOIN.');
    expect(none.getAttribute('state')).to.equal('error');
    expect(text(none, '[part="message"]')).to.equal('The relay does not list NOPE.');
  });

  it('tells the truth in its indicator: stale and offline are not LIVE', async () => {
    const { feed, relay } = scriptedRelay('chart');
    const el = await chart(relay, 'BTC');
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)]) });
    feed.send({ type: 'status', data: { sources: [], stale: ['BTC'] } });
    await el.updateComplete;
    expect(text(el, '[part="state"]')).to.equal('Stale');
    feed.setState('offline');
    await el.updateComplete;
    expect(text(el, '[part="state"]')).to.equal('Offline, reconnecting…');
  });

  it('resubscribes and redraws when its symbols change at runtime', async () => {
    const { feed, relay } = scriptedRelay('chart');
    const el = await chart(relay, 'BTC');
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot([sampleQuote('BTC', 67_000, 1), sampleQuote('SOL', 150, 2)]),
    });
    await waitUntil(() => drawn(el));
    el.symbols = 'sol';
    await el.updateComplete;
    expect(feed.watchedSymbols).to.deep.equal(['SOL']);
    expect(text(el, '[part="legend"]')).to.match(/^SOL \$150\.00/);
  });

  it('gives the chart back when it leaves the page', async () => {
    const { feed, relay } = scriptedRelay('chart');
    const el = await chart(relay, 'BTC');
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)]) });
    await waitUntil(() => drawn(el));
    const plot = el.shadowRoot!.querySelector('.plot')!;
    el.remove();
    expect(plot.childElementCount).to.equal(0);
    expect(feed.watchedSymbols).to.deep.equal([]);
  });

  it('is accessible: a labelled figure whose legend reads as text', async () => {
    const { feed, relay } = scriptedRelay('chart');
    const el = await chart(relay, 'BTC,ETH');
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot([sampleQuote('BTC', 67_000, 1), sampleQuote('ETH', 3_500, 1)]),
    });
    await waitUntil(() => drawn(el));
    expect(el.shadowRoot!.querySelector('figure')!.getAttribute('aria-label')).to.equal(
      'Price chart: BTC, ETH, recent ticks',
    );
    await expect(el).to.be.accessible();
  });
});

describe('<live-chart range="live">: a tick chart of every update', () => {
  /** A BTC snapshot at `now` whose history is `points`, and the quote `changePct` over 24 h. */
  function tickSnapshot(points: PricePoint[], changePct = 1.7) {
    const [ts, price] = points.at(-1)!;
    const data = sampleSnapshot([sampleQuote('BTC', price, changePct, { ts })]);
    return { type: 'snapshot' as const, data: { ...data, history: { BTC: points } } };
  }

  it('draws every update the stream delivers as a point of its own, several in one second, and asks the relay for no candles', async () => {
    const { feed, relay } = scriptedRelay('ticks');
    const served = feed.candles;
    let asked = 0;
    feed.candles = (symbol, range) => {
      asked++;
      return served(symbol, range);
    };
    const el = await chart(relay, 'BTC');
    const now = Date.now();
    feed.send(
      tickSnapshot([
        [now - 1_000, 66_990],
        [now, 67_000],
      ]),
    );
    await waitUntil(() => drawn(el) && bucketsShown(el).length === 2, 'the snapshot is drawn');
    const ticks = [now + 100, now + 350, now + 600, now + 1_050];
    ticks.forEach((ts, i) => {
      sendPrice(feed, 67_001 + i, ts);
    });
    await waitUntil(() => bucketsShown(el).length === 6, 'every update is drawn');
    expect(bucketsShown(el)).to.deep.equal([now - 1_000, now, ...ticks]);
    expect(drawnValues(rendererOf(el)!)).to.deep.equal([
      66_990, 67_000, 67_001, 67_002, 67_003, 67_004,
    ]);
    expect(text(el, '[part="footer"]')).to.equal(
      'Prices in USD, every update, last 5 minutes Charts by TradingView',
    );
    expect(asked).to.equal(0);
    expect(el.shadowRoot!.querySelector('[part="message"]')).to.equal(null);
  });

  it('keeps the last 5 minutes: older updates leave as new ones come', async () => {
    const { feed, relay } = scriptedRelay('ticks');
    const el = await chart(relay, 'BTC');
    const now = Date.now();
    // Ten minutes of the stream, an update a second.
    const points: PricePoint[] = Array.from({ length: 601 }, (_, i) => [
      now - (600 - i) * 1_000,
      67_000 + (i % 13),
    ]);
    feed.send(tickSnapshot(points));
    await waitUntil(() => drawn(el) && bucketsShown(el).length > 0, 'the snapshot is drawn');
    expect(bucketsShown(el)).to.have.length(301);
    expect(bucketsShown(el)[0]).to.equal(now - 300_000);
    sendPrice(feed, 67_100, now + 1_500);
    await waitUntil(() => bucketsShown(el).at(-1) === now + 1_500, 'the new update is drawn');
    expect(bucketsShown(el)[0]).to.equal(now - 298_000);
    expect(bucketsShown(el)).to.have.length(300);
  });

  it('a minute without updates among updates a second apart is a gap: the line breaks, and the minute takes the room of its seconds', async () => {
    const { feed, relay } = scriptedRelay('ticks');
    const el = await chart(relay, 'BTC');
    const now = Date.now();
    const seconds = (from: number): PricePoint[] =>
      Array.from({ length: 30 }, (_, i) => [from + i * 1_000, 67_000 + (i % 7)]);
    // Thirty updates a second apart, a minute without, thirty more.
    const before = seconds(now - 120_000);
    const after = seconds(now - 30_000);
    feed.send(tickSnapshot([...before, ...after]));
    await waitUntil(() => drawn(el) && bucketsShown(el).length === 60, 'the snapshot is drawn');
    const renderer = rendererOf(el)!;
    await waitUntil(() => xAt(renderer, now - 1_000) !== null, 'the chart is laid out');
    const x = (ms: number) => xAt(renderer, ms)!;
    const second = x(before[1]![0]) - x(before[0]![0]);
    const lastBefore = before.at(-1)![0];
    expect(x(after[0]![0]) - x(lastBefore)).to.be.above(40 * second);
    // The line breaks there: every slot in the gap is empty.
    const gap = slotsBetween(renderer, lastBefore, after[0]![0]);
    expect(gap.slots).to.be.above(40);
    expect(gap.empty).to.equal(gap.slots);
    expect(slotsBetween(renderer, before[0]![0], lastBefore).empty).to.equal(0);
    expect(lineBreaksAfter(renderer)).to.deep.equal([lastBefore]);
    // A pause in the stream is a gap too, as its next update comes.
    sendPrice(feed, 67_100, now + 59_000);
    await waitUntil(() => bucketsShown(el).at(-1) === now + 59_000, 'the update is drawn');
    const pause = x(now + 59_000) - x(now - 1_000);
    const secondNow = x(after[1]![0]) - x(after[0]![0]);
    expect(pause).to.be.above(40 * secondNow);
    expect(lineBreaksAfter(renderer)).to.deep.equal([lastBefore, now - 1_000]);
    // Updates a usual interval apart take a slot each, as before.
    sendPrice(feed, 67_101, now + 60_000);
    await waitUntil(() => bucketsShown(el).at(-1) === now + 60_000, 'the next update is drawn');
    expect(x(now + 60_000) - x(now + 59_000)).to.be.below(2 * secondNow);
  });

  it('gives the 24 h change the card beside it gives, in the legend and on a percent axis', async () => {
    const { feed, relay } = scriptedRelay('ticks');
    const box = await fixture<HTMLDivElement>(html`<div>
      <price-card symbol="BTC" relay=${relay} locale="en-US"></price-card>
      <live-chart symbols="BTC" range="live" scale="percent" relay=${relay} locale="en-US" style="width: 600px; height: 320px"></live-chart>
    </div>`);
    const card = box.querySelector('price-card')!;
    const el = box.querySelector('live-chart')!;
    const now = Date.now();
    feed.send(tickSnapshot([[now, 67_000]], 1.7));
    await waitUntil(() => drawn(el) && bucketsShown(el).length === 1, 'the snapshot is drawn');
    // A later update: the price and its 24 h change move together, as a source reports them.
    const later = now + 400;
    feed.send({
      type: 'quotes',
      data: { t: later, quotes: { BTC: sampleQuote('BTC', 68_000, 2.35, { ts: later }) } },
    });
    await waitUntil(() => bucketsShown(el).length === 2, 'the update is drawn');
    await card.updateComplete;
    const figure = (element: Element) =>
      element.shadowRoot!.querySelector(
        '[part="change"] bdi:last-of-type, [part="legend"] .change bdi',
      )!.textContent;
    expect(figure(card)).to.equal('+2.35%');
    expect(figure(el)).to.equal(figure(card));
    expect(text(el, '[part="legend"]')).to.equal('BTC $68,000.00 +2.35% 24h');
    // The percent axis counts from the same open: its last value is the card's figure.
    const last = drawnValues(rendererOf(el)!).at(-1)!;
    expect(formatPercent(last, 'en-US')).to.equal('+2.35%');
    expect(text(el, '[part="footer"]')).to.equal(
      '% change over 24h, every update, last 5 minutes Charts by TradingView',
    );
  });
});

describe('<live-chart> over a range of candles', () => {
  const step = stepMsOf;
  /** Days since 1 January (UTC), today included: the buckets of a year-to-date chart. */
  const daysThisYear = Math.floor((Date.now() - windowStart('ytd', Date.now())) / 86_400_000) + 1;

  /**
   * A chart of `symbols` on a scripted relay, which says which candles it was asked for; its
   * `failure`, when it gives one for a request (`tries` asked so far), is the relay's answer.
   */
  async function candleChart(
    symbols: string,
    attributes: { range?: string; type?: string; scale?: string } = {},
    failure?: (range: CandleRange, tries: number) => Promise<CandlesAnswer> | undefined,
  ) {
    const { feed, relay } = scriptedRelay('candles');
    const asked: string[] = [];
    const serve = feed.candles;
    feed.candles = (symbol, range) => {
      asked.push(`${symbol}:${range}`);
      return failure?.(range, asked.length) ?? serve(symbol, range);
    };
    const el = await chart(
      relay,
      symbols,
      attributes.scale,
      attributes.range ?? '24h',
      attributes.type,
    );
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot(
        symbols.split(',').map((symbol, i) => sampleQuote(symbol, i ? 3_500 : 67_000, 1)),
      ),
    });
    return { el, feed, asked };
  }

  it('every range draws its buckets evenly spaced in time, and says what it shows', async () => {
    for (const [range, count, words] of [
      ['1h', 60, '1-minute buckets'],
      ['24h', 288, '5-minute buckets'],
      ['7d', 168, '1-hour buckets'],
      ['30d', 180, '4-hour buckets'],
      ['90d', 180, '12-hour buckets'],
      ['1y', 365, '1-day buckets'],
      ['ytd', daysThisYear, '1-day buckets'],
    ] as const) {
      const { el } = await candleChart('BTC', { range });
      await waitUntil(() => bucketsShown(el).length >= count, `${range} drawn`);
      const times = bucketsShown(el);
      expect(
        times.every((t, i) => i === 0 || t - times[i - 1]! === step(range)),
        range,
      ).to.equal(true);
      const xs = times.map((t) => xAt(rendererOf(el)!, t)!);
      const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
      expect(Math.max(...gaps) - Math.min(...gaps), `${range}: equal widths`).to.be.below(0.01);
      expect(text(el, '[part="footer"]')).to.contain(`Prices in USD, ${words}`);
      expect(text(el, '[part="legend"]')).to.match(
        new RegExp(`[+−]\\d+\\.\\d\\d% ${en.periods[range]}$`),
      );
      el.remove();
    }
  });

  it('a new chart shows 24h; its legend shows the 24 h change every element shows, the quote’s', async () => {
    const { el, feed, asked } = await candleChart('BTC');
    expect(el.range).to.equal('24h');
    await waitUntil(() => bucketsShown(el).length === 288);
    expect(asked).to.deep.equal(['BTC:24h']);
    const card = await fixture<HTMLElement>(
      html`<price-card symbol="BTC" relay=${feed.relayUrl} locale="en-US"></price-card>`,
    );
    const figure = formatPercent(feed.view.quotes.get('BTC')!.changePct24h, 'en-US');
    expect(text(el, '.legend .change')).to.equal(`${figure} 24h`);
    expect(text(card, '[part="change"]')).to.contain(`(${figure})`);
  });

  it('over another range the legend measures the window shown: the last price against its first open', async () => {
    const { el, feed } = await candleChart('BTC', { range: '1h' });
    await waitUntil(() => bucketsShown(el).length === 60);
    const first = (await feed.candles('BTC', '1h')).candles[0]!;
    const live = feed.view.quotes.get('BTC')!.price;
    expect(text(el, '.legend .change')).to.equal(
      `${formatPercent((live / first[1] - 1) * 100, 'en-US')} 1h`,
    );
  });

  it('the stream moves the bucket under way in place, and opens the next when its time comes', async () => {
    const { el, feed, asked } = await candleChart('BTC', { range: '1h', type: 'candles' });
    await waitUntil(() => bucketsShown(el).length === 60);
    // A reconnect with a fresh history, so the ticks below are the newest the feed has heard of.
    const snapshot = sampleSnapshot([sampleQuote('BTC', 67_000, 1, { ts: 0 })]);
    feed.send({ type: 'snapshot', data: { ...snapshot, history: { BTC: [] } } });
    await waitUntil(() => asked.length === 2, 'a reconnect reloads the candles');
    await el.updateComplete;
    const lastBucket = bucketsShown(el).at(-1)!;
    const inBucket = lastBucket + 1_000;
    sendPrice(feed, 90_000, inBucket);
    await el.updateComplete;
    expect(bucketsShown(el)).to.have.length(60);
    expect(rendererOf(el)!.step(Number.POSITIVE_INFINITY)!.values[0]!.text).to.contain(
      'high $90,000.00',
    );
    const next = lastBucket + 60_000 + 500;
    sendPrice(feed, 91_000, next);
    await el.updateComplete;
    // The window slides: an hour of buckets, the oldest gone as the new one opens.
    expect(bucketsShown(el)).to.have.length(60);
    expect(bucketsShown(el).at(-1)).to.equal(lastBucket + 60_000);
    expect(bucketsShown(el)[0]).to.equal(lastBucket + 60_000 - 59 * 60_000);
  });

  it('candles for one symbol; several symbols draw lines in percent over the range', async () => {
    const one = await candleChart('BTC', { type: 'candles' });
    await waitUntil(() => bucketsShown(one.el).length === 288);
    expect(rendererOf(one.el)!.step(-1)!.values[0]!.text).to.match(
      /^open .*, high .*, low .*, close /,
    );
    const two = await candleChart('BTC,ETH', { type: 'candles' });
    await waitUntil(() => bucketsShown(two.el, 1).length === 288);
    expect(
      rendererOf(two.el)!
        .step(-1)!
        .values.map((value) => value.text.startsWith('$')),
    ).to.deep.equal([true, true]);
    expect(text(two.el, '[part="footer"]')).to.contain('% change over 24h');
  });

  it('reads each bucket by keyboard: arrows step, a polite announcement says time and price', async () => {
    const { el } = await candleChart('BTC');
    await waitUntil(() => bucketsShown(el).length === 288);
    el.shadowRoot!.querySelector<HTMLElement>('[part="plot"]')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    const readout = text(el, '[part="readout"]');
    expect(readout).to.match(/^\w{3} \d{1,2}, \d{1,2}:\d\d [AP]M BTC \$[\d,]+\.\d\d$/);
    expect(text(el, '[aria-live="polite"]')).to.equal(readout.replace(' BTC', ': BTC'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="readout"]')).to.equal(null);
  });

  it('keeps the readout clear of the crosshair: at the foot of the plot while the point is under its place on top', async () => {
    const { el } = await candleChart('BTC,ETH');
    await waitUntil(() => bucketsShown(el, 1).length === 288);
    const plot = el.shadowRoot!.querySelector('[part="plot"]')!.getBoundingClientRect();
    const readout = () => el.shadowRoot!.querySelector('[part="readout"]')?.getBoundingClientRect();
    const x = Math.round(plot.left + plot.width / 3);
    try {
      for (const [y, where] of [
        [Math.round(plot.top + 4), 'at the foot'],
        [Math.round(plot.top + plot.height * 0.7), 'on top'],
      ] as const) {
        await sendMouse({ type: 'move', position: [x, y] });
        await waitUntil(() => {
          const box = readout();
          return box && (y < box.top || y > box.bottom);
        }, `the readout clears the pointer at ${y}`);
        const { top, bottom } = readout()!;
        expect(where === 'on top' ? top - plot.top : plot.bottom - bottom).to.be.below(
          40,
          `${where}: the readout at ${top}–${bottom} in the plot at ${plot.top}–${plot.bottom}`,
        );
      }
    } finally {
      await resetMouse();
    }
  });

  it('the range buttons switch the range and say which is shown', async () => {
    const { el, asked } = await candleChart('BTC');
    const picked: string[] = [];
    el.addEventListener('tickwire-range-change', (event) => picked.push(event.detail.range));
    const button = (label: string) =>
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="ranges"] button')].find(
        (candidate) => candidate.textContent!.trim() === label,
      )!;
    expect(button('24H').getAttribute('aria-pressed')).to.equal('true');
    button('7D').click();
    await waitUntil(() => bucketsShown(el).length === 168);
    expect(el.getAttribute('range')).to.equal('7d');
    expect(button('7D').getAttribute('aria-pressed')).to.equal('true');
    expect(picked).to.deep.equal(['7d']);
    expect(asked).to.deep.equal(['BTC:24h', 'BTC:7d']);
  });

  describe('when loading fails', () => {
    let timers: ReturnType<typeof holdLongTimers>;
    beforeEach(() => {
      timers = holdLongTimers();
    });
    afterEach(() => timers.restore());

    it('a range no source has: the relay’s advice centred on the plot, shown for good (never asked again); another range is a click away', async () => {
      // What a 404 range_unavailable from the relay becomes (candle-history.test.ts).
      const refusal = new CandleLoadError(
        { reason: 'range-unavailable', sources: ['CoinGecko'], ranges: ['24h', '7d', '30d', '1y'] },
        false,
      );
      const advice = 'No 1H chart from CoinGecko; choose 24H, 7D, 30D, or 1Y.';
      const { el, asked } = await candleChart('BTC', { range: '1h' }, (range) =>
        range === '1h' ? Promise.reject(refusal) : undefined,
      );
      await waitUntil(() => el.getAttribute('state') === 'error');
      expectShown(el, advice);
      expect(timers.held, 'nothing set to ask again').to.have.length(0);
      expect(asked).to.deep.equal(['BTC:1h']);
      const day = [
        ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="ranges"] button'),
      ].find((button) => button.textContent!.trim() === '24H')!;
      day.click();
      await waitUntil(() => el.getAttribute('state') === 'live' && bucketsShown(el).length === 288);
      expect(el.shadowRoot!.querySelector('[part="message"]')).to.equal(null);
    });

    it('a relay failing now: its message shown, asked again after the backoff, drawn once it answers', async () => {
      const failure = 'The 1H history of BTC could not be loaded.';
      const { el, asked } = await candleChart('BTC', { range: '1h' }, (_range, tries) =>
        tries === 1
          ? Promise.reject(new CandleLoadError({ reason: 'unavailable' }, true))
          : undefined,
      );
      await waitUntil(() => el.getAttribute('state') === 'error');
      expectShown(el, failure);
      // The first wait of the chart's backoff: up to 4 s, its later half by chance.
      expect(timers.held).to.have.length(1);
      expect(timers.held[0]!.ms).to.be.within(2_000, 4_000);
      timers.held[0]!.run();
      await waitUntil(() => el.getAttribute('state') === 'live' && bucketsShown(el).length === 60);
      expect(asked).to.have.length(2);
    });

    it('a relay answering 503 with Retry-After: its reason shown on the plot, asked again when it said, and cleared once drawn', async () => {
      const reason = 'The 24H history of BTC could not be loaded.';
      const relaysOwn =
        'Binance could not give the 24H candles of BTC just now; try again shortly.';
      // The relay's own answer while its sources fail (candles-route.ts), read as the element reads it.
      const unavailable = new Response(
        JSON.stringify({ error: { code: 'no_candles', message: relaysOwn } }),
        { status: 503, headers: { 'Content-Type': 'application/json', 'Retry-After': '45' } },
      );
      const { el, feed, asked } = await candleChart('BTC', {}, (range, tries) =>
        tries === 1 ? readCandles(unavailable, 'BTC', range) : undefined,
      );
      await waitUntil(() => el.getAttribute('state') === 'error');
      expectShown(el, reason);
      expect(text(el, '[part="state"]')).to.equal('Error');
      expect(timers.held.map(({ ms }) => ms)).to.deep.equal([45_000]);
      // A price between: the reason stays (the next update once wrote over it).
      sendPrice(feed, 67_100);
      await el.updateComplete;
      expectShown(el, reason);
      timers.held[0]!.run();
      await waitUntil(() => el.getAttribute('state') === 'live' && bucketsShown(el).length === 288);
      expect(el.shadowRoot!.querySelector('[part="message"]')).to.equal(null);
      expect(asked).to.deep.equal(['BTC:24h', 'BTC:24h']);
    });

    it('a browser that cannot draw the chart says so on the plot, and draws it once a retry can', async () => {
      const { ResizeObserver } = window;
      // What an older browser lacks, and the chart's code needs.
      (window as { ResizeObserver?: unknown }).ResizeObserver = undefined;
      try {
        const { feed, relay } = scriptedRelay('chart');
        const el = await chart(relay, 'BTC');
        feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)]) });
        await waitUntil(() => el.getAttribute('state') === 'error', 'the chart fails');
        expectShown(el, 'The chart could not be loaded.');
        sendPrice(feed, 67_100);
        await el.updateComplete;
        expectShown(el, 'The chart could not be loaded.');
        expect(timers.held).to.have.length(1);
        expect(timers.held[0]!.ms).to.be.within(2_000, 4_000);
        window.ResizeObserver = ResizeObserver;
        timers.held[0]!.run();
        await waitUntil(
          () => drawn(el) && el.getAttribute('state') === 'live',
          'drawn on the retry',
        );
        expect(el.shadowRoot!.querySelector('[part="message"]')).to.equal(null);
      } finally {
        window.ResizeObserver = ResizeObserver;
      }
    });
  });

  it('all symbols unknown: the message is centred on the plot, not under an empty box', async () => {
    const { feed, relay } = scriptedRelay('candles');
    const el = await chart(relay, 'NOTACOIN', 'auto', '24h');
    feed.send({ type: 'snapshot', data: sampleSnapshot([], ['NOTACOIN']) });
    await el.updateComplete;
    const message = el.shadowRoot!.querySelector('[part="message"]')!;
    expect(message.classList.contains('centred')).to.equal(true);
    const plot = el.shadowRoot!.querySelector('.stage')!.getBoundingClientRect();
    const box = message.getBoundingClientRect();
    expect(Math.abs(box.top + box.height / 2 - (plot.top + plot.height / 2))).to.be.below(2);
  });

  it('draws its axes in its own font, not the host page’s', async () => {
    const { feed, relay } = scriptedRelay('candles');
    const el = await fixture<LiveChart>(
      html`<div style="font-family: serif"><live-chart symbols="BTC" relay=${relay} style="width: 400px; height: 300px; --tickwire-font: Verdana, sans-serif"></live-chart></div>`,
    ).then((div) => div.querySelector('live-chart')!);
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)]) });
    await waitUntil(() => rendererOf(el));
    expect(fontDrawn(rendererOf(el)!)).to.equal('Verdana, sans-serif');
  });
});

describe('<live-chart> labels', () => {
  /** WCAG 2 contrast ratio of two `rgb(…)`/`#rrggbb` colours. */
  function contrast(a: string, b: string): number {
    const luminance = (colour: string) => {
      const hex = colour.match(/^#(..)(..)(..)$/);
      const channels = hex
        ? hex.slice(1).map((part) => Number.parseInt(part, 16))
        : colour.match(/\d+/g)!.slice(0, 3).map(Number);
      const [r, g, b] = channels.map((channel) => {
        const c = channel / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (high + 0.05) / (low + 0.05);
  }

  it('every label on a series or candle colour reads at 4.5:1 or more, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const { relay } = scriptedRelay('labels');
      const el = await fixture<LiveChart>(
        html`<live-chart symbols="BTC" relay=${relay} theme=${theme}></live-chart>`,
      );
      const colours = (el as unknown as { readTheme(): ChartTheme }).readTheme();
      for (const background of [...colours.series, colours.up, colours.down]) {
        const ratio = contrast(readableOn(background), background);
        expect(ratio, `${theme}: ${readableOn(background)} on ${background}`).to.be.at.least(4.5);
      }
    }
  });
});

describe('<live-chart> on a real relay', () => {
  it('draws the demo market live and closes its connection when it leaves', async () => {
    const relay = (await executeServerCommand('relay-url')) as string;
    const clients = () => openStreams(relay);
    const el = await fixture<LiveChart>(
      html`<live-chart symbols="BTC,ETH" relay=${relay} range="live" style="width: 600px; height: 320px"></live-chart>`,
    );
    await waitUntil(() => el.getAttribute('state') === 'live' && drawn(el), 'live and drawn', {
      timeout: 5_000,
    });
    expect(text(el, '[part="legend"]')).to.match(/BTC \$\d/);
    el.remove();
    await waitUntil(async () => (await clients()) === 0, 'the stream closes', { timeout: 5_000 });
  });

  it('draws the relay’s shared 24h candles of the demo market, labelled simulated', async () => {
    const relay = (await executeServerCommand('relay-url')) as string;
    const el = await fixture<LiveChart>(
      html`<live-chart symbols="ETH" relay=${relay} style="width: 600px; height: 320px"></live-chart>`,
    );
    await waitUntil(() => bucketsShown(el).length >= 288, '24h drawn', {
      timeout: 5_000,
    });
    expect(text(el, '[part="simulated"]')).to.equal('Simulated');
    expect(text(el, '[part="footer"]')).to.contain('5-minute buckets');
  });
});

describe('<live-chart layout="tabs">', () => {
  /** A tabs chart of BTC, ETH and SOL on a scripted relay that says which candles it was asked for. */
  async function tabsChart(attributes = '', style = 'width: 600px; height: 320px') {
    const { feed, relay } = scriptedRelay('tabs');
    const asked: string[] = [];
    const serve = feed.candles;
    feed.candles = (symbol, range) => {
      asked.push(`${symbol}:${range}`);
      return serve(symbol, range);
    };
    const host = await fixture<HTMLElement>(
      `<div ${attributes}><live-chart layout="tabs" symbols="BTC,ETH,SOL" relay="${relay}" locale="en-US" style="${style}"></live-chart></div>`,
    );
    const el = host.querySelector('live-chart')!;
    sendTabPrices(feed);
    await el.updateComplete;
    return { el, feed, asked };
  }
  const tabs = (el: LiveChart) => [
    ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]'),
  ];
  const selectedTabs = (el: LiveChart) =>
    tabs(el).map((tab) => `${tab.getAttribute('aria-selected')}/${tab.tabIndex}`);

  it('a tab per symbol with its live price and its change, the figure the legend shows; one chart, of the first', async () => {
    const { el, feed, asked } = await tabsChart();
    expect(el.shadowRoot!.querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal(
      'Symbols',
    );
    const texts = tabs(el).map((tab) => tab.textContent!.replace(/\s+/g, ' ').trim());
    expect(texts).to.deep.equal([
      'BTC $67,000.00 +1.50% 24h',
      'ETH $3,500.00 −2.25% 24h',
      'SOL $150.00 0.00% 24h',
    ]);
    expect(tabs(el)[0]!.querySelectorAll('bdi')).to.have.length(2);
    await waitUntil(() => bucketsShown(el).length === 288, 'the first tab is drawn');
    expect(asked).to.deep.equal(['BTC:24h']);
    // The legend of the same symbol on an overlay chart shows the same figure.
    const legend = await chart(feed.relayUrl, 'ETH', 'auto', '24h');
    await legend.updateComplete;
    expect(tabText(tabs(el)[1]!, '.change')).to.equal(text(legend, '.legend .change'));
    legend.remove();
    expect(feed.watchedSymbols).to.have.members(['BTC', 'ETH', 'SOL']);
    const panel = el.shadowRoot!.querySelector('[role="tabpanel"]')!;
    expect(panel.getAttribute('aria-labelledby')).to.equal(tabs(el)[0]!.id);
    expect(el.shadowRoot!.querySelector('[part="legend"]')).to.equal(null);
    // A new price moves its tab.
    feed.send({
      type: 'quotes',
      data: { t: Date.now(), quotes: { SOL: sampleQuote('SOL', 151, 0.5) } },
    });
    await el.updateComplete;
    expect(tabText(tabs(el)[2]!, '.price')).to.equal('$151.00');
    await expect(el).to.be.accessible();
  });

  it('over another range a tab shows the window’s change of the symbol drawn, the legend’s figure', async () => {
    const { el, feed } = await tabsChart();
    el.range = '1h';
    await waitUntil(() => bucketsShown(el).length === 60, '1h drawn');
    const first = (await feed.candles('BTC', '1h')).candles[0]!;
    const live = feed.view.quotes.get('BTC')!.price;
    expect(tabText(tabs(el)[0]!, '.change')).to.equal(
      `${formatPercent((live / first[1] - 1) * 100, 'en-US')} 1h`,
    );
    // The others' candles are not loaded: their price, and no figure rather than another one.
    expect(tabText(tabs(el)[1]!, '.price')).to.equal('$3,500.00');
    expect(tabs(el)[1]!.querySelector('.change')).to.equal(null);
  });

  it('a click selects a tab: the attribute, the event, that symbol’s candles alone', async () => {
    const { el, asked } = await tabsChart();
    await waitUntil(() => asked.length === 1);
    const events: string[] = [];
    el.addEventListener('tickwire-symbol-change', (event) => events.push(event.detail.symbol));
    tabs(el)[1]!.click();
    await el.updateComplete;
    expect(el.getAttribute('selected')).to.equal('ETH');
    expect(events).to.deep.equal(['ETH']);
    expect(selectedTabs(el)).to.deep.equal(['false/-1', 'true/0', 'false/-1']);
    await waitUntil(() => asked.length === 2, 'ETH’s candles asked for');
    expect(asked).to.deep.equal(['BTC:24h', 'ETH:24h']);
    // Set by the page, not by the reader: no event.
    el.selected = 'sol';
    await el.updateComplete;
    expect(selectedTabs(el)).to.deep.equal(['false/-1', 'false/-1', 'true/0']);
    expect(events).to.deep.equal(['ETH']);
  });

  it('the arrow keys, Home and End move and select (roving tabindex)', async () => {
    const { el } = await tabsChart();
    const events: string[] = [];
    el.addEventListener('tickwire-symbol-change', (event) => events.push(event.detail.symbol));
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(selectedTabs(el)).to.deep.equal(['false/-1', 'true/0', 'false/-1']);
    expect(el.shadowRoot!.activeElement).to.equal(tabs(el)[1]);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.selected).to.equal('SOL');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.selected).to.equal('BTC');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(events).to.deep.equal(['ETH', 'SOL', 'BTC', 'SOL', 'BTC']);
    expect(el.shadowRoot!.activeElement).to.equal(tabs(el)[0]);
  });

  it('on a right-to-left page, Left goes to the next tab, as the row reads', async () => {
    const { el } = await tabsChart('dir="rtl"');
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.selected).to.equal('ETH');
    const [first, second] = tabs(el).map((tab) => tab.getBoundingClientRect());
    expect(second!.right).to.be.at.most(first!.left + 0.5);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.selected).to.equal('BTC');
  });

  it('in a 200 px box the tabs scroll sideways, their figures on one line each', async () => {
    const { el } = await tabsChart('', 'width: 200px; height: 320px');
    const list = el.shadowRoot!.querySelector<HTMLElement>('[role="tablist"]')!;
    expect(list.scrollWidth).to.be.above(list.clientWidth);
    expect(el.getBoundingClientRect().width).to.equal(200);
    for (const tab of tabs(el)) {
      // Price and change side by side, each on one line.
      const [price, change] = figure(tab).map((bdi) => bdi.getBoundingClientRect());
      expect(Math.abs(price!.top - change!.top), tab.textContent!).to.be.below(3);
      for (const bdi of figure(tab)) expect(bdi.getClientRects()).to.have.length(1);
    }
    await waitUntil(() => list.classList.contains('more-end'), 'a fade says more lies that way');
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(list.scrollLeft).to.be.above(0);
  });

  it('the selected tab stays in view as the tabs widen with their prices, until the reader scrolls', async () => {
    const { feed, relay } = scriptedRelay('tabs-widen');
    const el = await fixture<LiveChart>(
      `<live-chart layout="tabs" symbols="BTC,ETH,SOL" selected="SOL" relay="${relay}" locale="en-US" style="width: 200px; height: 320px"></live-chart>`,
    );
    const list = el.shadowRoot!.querySelector<HTMLElement>('[role="tablist"]')!;
    const inView = () => {
      const box = list.getBoundingClientRect();
      const sol = tabs(el)[2]!.getBoundingClientRect();
      return sol.left >= box.left - 0.5 && sol.right <= box.right + 0.5;
    };
    const widthBefore = list.scrollWidth;
    sendTabPrices(feed);
    await el.updateComplete;
    expect(list.scrollWidth, 'the prices widen the tabs').to.be.above(widthBefore);
    expect(inView(), 'SOL’s tab, once priced').to.equal(true);

    // The reader drags the row back to its start: the next tick leaves it there.
    list.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    list.scrollLeft = 0;
    sendPrice(feed, 167_000.25);
    await el.updateComplete;
    expect(list.scrollLeft).to.equal(0);
  });

  it('selected="SOL" in a 200 px box shows SOL’s tab, scrolled into view', async () => {
    const { el } = await tabsChart('', 'width: 200px; height: 320px');
    el.selected = 'SOL';
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector('[role="tablist"]')!.getBoundingClientRect();
    const sol = tabs(el)[2]!.getBoundingClientRect();
    expect(sol.left).to.be.at.least(list.left - 0.5);
    expect(sol.right).to.be.at.most(list.right + 0.5);
  });
});

/** The tabbed charts' three prices, in one snapshot. */
function sendTabPrices(feed: ScriptedFeed): void {
  feed.send({
    type: 'snapshot',
    data: sampleSnapshot([
      sampleQuote('BTC', 67_000, 1.5),
      sampleQuote('ETH', 3_500, -2.25),
      sampleQuote('SOL', 150, 0),
    ]),
  });
}

const figure = (tab: Element) => [...tab.querySelectorAll('bdi')];
const tabText = (tab: Element, selector: string) =>
  tab.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
