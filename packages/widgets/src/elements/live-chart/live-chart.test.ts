import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { sampleQuote, sampleSnapshot } from '../../feed/sample-quotes.js';
import { openStreams, scriptedRelay } from '../../feed/testing.js';
import '../../all.js';
import type { LiveChart } from './live-chart.js';

const text = (chart: LiveChart, selector: string) =>
  chart.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const drawn = (chart: LiveChart) => chart.shadowRoot!.querySelector('.plot canvas') !== null;

async function chart(relay: string, symbols: string, scale = 'auto'): Promise<LiveChart> {
  return fixture<LiveChart>(
    html`<live-chart symbols=${symbols} relay=${relay} scale=${scale} locale="en-US" style="width: 600px; height: 320px"></live-chart>`,
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
    expect(legend).to.deep.equal(['BTC $67,123.45 +1.70%', 'ETH $3,480.06 -2.40%']);
    expect(text(el, '[part="footer"]')).to.contain('Change in % since the first point shown.');
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
      expect(text(el, '[part="footer"]')).to.contain('Prices in USD.');
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
    expect(text(el, '[part="footer"]')).to.contain('Prices in USD.');
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
    expect(text(el, '[part="legend"]')).to.equal('SOL $150.00 +2.00%');
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
      'Price chart: BTC, ETH',
    );
    await expect(el).to.be.accessible();
  });
});

describe('<live-chart> on a real relay', () => {
  it('draws the demo market live and closes its connection when it leaves', async () => {
    const relay = (await executeServerCommand('relay-url')) as string;
    const clients = () => openStreams(relay);
    const el = await fixture<LiveChart>(
      html`<live-chart symbols="BTC,ETH" relay=${relay} style="width: 600px; height: 320px"></live-chart>`,
    );
    await waitUntil(() => el.getAttribute('state') === 'live' && drawn(el), 'live and drawn', {
      timeout: 5_000,
    });
    expect(text(el, '[part="legend"]')).to.match(/BTC \$\d/);
    el.remove();
    await waitUntil(async () => (await clients()) === 0, 'the stream closes', { timeout: 5_000 });
  });
});
