import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CandleRange } from '@tickwire/protocol';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { sampleQuote, sampleSnapshot } from '../../feed/sample-quotes.js';
import { openStreams, scriptedRelay } from '../../feed/testing.js';
import '../../all.js';
import { formatPercent } from '../../internal/format.js';
import { CandleLoadError } from './candle-history.js';
import { readableOn } from './chart-colours.js';
import { drawnTimes, fontDrawn, xAt } from './chart-probe.test.js';
import type { ChartRenderer } from './chart-renderer.js';
import type { ChartTheme } from './chart-theme.js';
import type { LiveChart } from './live-chart.js';

const text = (element: Element, selector: string) =>
  element.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const drawn = (chart: LiveChart) => chart.shadowRoot!.querySelector('.plot canvas') !== null;
/** The chart library's side of the element, for what only a canvas shows. */
const rendererOf = (chart: LiveChart) =>
  (chart as unknown as { renderer: ChartRenderer | undefined }).renderer;
/** The times drawn for the chart's `index`th symbol, ms. */
const bucketsShown = (el: LiveChart, index = 0) => {
  const renderer = rendererOf(el);
  return renderer ? drawnTimes(renderer, index) : [];
};

/**
 * Holds the page's timers of 10 s or more instead of running them (the chart's retry is
 * one), so a test sees what the element means to do later and runs it when it says.
 */
function holdLongTimers() {
  const real = window.setTimeout;
  const held: { ms: number; run: () => void }[] = [];
  window.setTimeout = ((handler: () => void, ms = 0, ...rest: unknown[]) => {
    if (ms < 10_000) return real(handler, ms, ...rest);
    held.push({ ms, run: handler });
    return 0;
  }) as typeof window.setTimeout;
  return { held, restore: () => (window.setTimeout = real) };
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
    const since = / since \d{1,2}:\d\d [AP]M/.source;
    expect(legend[0]).to.match(new RegExp(`^BTC \\$67,123\\.45 [+−]\\d+\\.\\d\\d%${since}$`));
    expect(legend[1]).to.match(new RegExp(`^ETH \\$3,480\\.06 [+−]\\d+\\.\\d\\d%${since}$`));
    expect(text(el, '[part="footer"]')).to.match(new RegExp(`^% change${since} Charts`));
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
        feed.send({
          type: 'quotes',
          data: { t: ts, quotes: { BTC: sampleQuote('BTC', 67_000 + ts - now, 1, { ts }) } },
        });
        await el.updateComplete;
      }
      expect(errors).to.deep.equal([]);
      expect(text(el, '[part="legend"]')).to.contain('$70,000.00');
      expect(text(el, '[part="footer"]')).to.contain('Prices in USD, as they arrive');
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
    expect(text(el, '[part="footer"]')).to.contain('Prices in USD, as they arrive');
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

describe('<live-chart> over a range of candles', () => {
  const step = (range: CandleRange) =>
    ({ '1h': 60, '24h': 300, '7d': 3_600, '30d': 14_400, '1y': 86_400 })[range] * 1000;

  async function candleChart(
    symbols: string,
    attributes: { range?: string; type?: string; scale?: string } = {},
  ) {
    const { feed, relay } = scriptedRelay('candles');
    const asked: string[] = [];
    const serve = feed.candles;
    feed.candles = (symbol, range) => {
      asked.push(`${symbol}:${range}`);
      return serve(symbol, range);
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
      ['1y', 365, '1-day buckets'],
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
      expect(text(el, '[part="legend"]')).to.match(new RegExp(`[+−]\\d+\\.\\d\\d% ${range}$`));
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
    feed.send({
      type: 'quotes',
      data: { t: inBucket, quotes: { BTC: sampleQuote('BTC', 90_000, 1, { ts: inBucket }) } },
    });
    await el.updateComplete;
    expect(bucketsShown(el)).to.have.length(60);
    expect(rendererOf(el)!.step(Number.POSITIVE_INFINITY)!.values[0]!.text).to.contain(
      'high $90,000.00',
    );
    const next = lastBucket + 60_000 + 500;
    feed.send({
      type: 'quotes',
      data: { t: next, quotes: { BTC: sampleQuote('BTC', 91_000, 1, { ts: next }) } },
    });
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

  it('a range no source has: the relay’s advice centred on the plot, shown for good (never asked again); another range is a click away', async () => {
    const timers = holdLongTimers();
    try {
      const { feed, relay } = scriptedRelay('candles');
      const serve = feed.candles;
      const advice = 'CoinGecko has no 1-minute candles for a 1H chart; choose 24H or longer.';
      let asked = 0;
      feed.candles = async (symbol, range) => {
        if (range !== '1h') return serve(symbol, range);
        asked++;
        // What a 404 range_unavailable from the relay becomes (candle-history.test.ts).
        throw new CandleLoadError(advice, false);
      };
      const el = await chart(relay, 'BTC', 'auto', '1h');
      feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)]) });
      await waitUntil(() => el.getAttribute('state') === 'error');
      const message = el.shadowRoot!.querySelector('[part="message"]')!;
      expect(message.textContent).to.equal(advice);
      expect(message.classList.contains('centred')).to.equal(true);
      expect(timers.held, 'nothing set to ask again').to.have.length(0);
      expect(asked).to.equal(1);
      const day = [
        ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="ranges"] button'),
      ].find((button) => button.textContent!.trim() === '24H')!;
      day.click();
      await waitUntil(() => el.getAttribute('state') === 'live' && bucketsShown(el).length === 288);
      expect(el.shadowRoot!.querySelector('[part="message"]')).to.equal(null);
    } finally {
      timers.restore();
    }
  });

  it('a relay failing now: its message shown, asked again 30 s later, drawn once it answers', async () => {
    const timers = holdLongTimers();
    try {
      const { feed, relay } = scriptedRelay('candles');
      const serve = feed.candles;
      const failure = 'Binance could not give the 1H candles of BTC just now; try again shortly.';
      let asked = 0;
      feed.candles = async (symbol, range) => {
        if (++asked === 1) throw new CandleLoadError(failure, true);
        return serve(symbol, range);
      };
      const el = await chart(relay, 'BTC', 'auto', '1h');
      feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)]) });
      await waitUntil(() => el.getAttribute('state') === 'error');
      expect(el.shadowRoot!.querySelector('[part="message"]')!.textContent).to.equal(failure);
      expect(timers.held.map(({ ms }) => ms)).to.deep.equal([30_000]);
      timers.held[0]!.run();
      await waitUntil(() => el.getAttribute('state') === 'live' && bucketsShown(el).length === 60);
      expect(asked).to.equal(2);
    } finally {
      timers.restore();
    }
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
