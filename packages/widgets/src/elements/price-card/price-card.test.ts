import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Sparkline } from '@tickwire/protocol';
import { executeServerCommand } from '@web/test-runner-commands';
import { sampleQuote, sampleSnapshot } from '../../feed/sample-quotes.js';
import { openStreams, partText, scriptedRelay } from '../../feed/testing.js';
import '../../index.js';
import { messages as de } from '../../internal/messages/de.js';
import type { PriceCard } from './price-card.js';

async function card(
  relay: string,
  symbol: string,
  extra: { locale?: string } = {},
): Promise<PriceCard> {
  return fixture<PriceCard>(
    html`<price-card symbol=${symbol} relay=${relay} locale=${extra.locale ?? 'en-US'}></price-card>`,
  );
}

describe('<price-card> on a scripted feed', () => {
  it('says it is connecting until the first price arrives, then shows it live', async () => {
    const { feed, relay } = scriptedRelay('card');
    const el = await card(relay, 'btc');
    expect(el.state).to.equal('connecting');
    expect(el.getAttribute('state')).to.equal('connecting');
    expect(partText(el, 'state')).to.equal('Connecting…');
    expect(feed.watchedSymbols).to.deep.equal(['BTC']);

    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_123.45, 1.7)]) });
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('live');
    expect(partText(el, 'symbol')).to.equal('BTC');
    expect(partText(el, 'price')).to.equal('$67,123.45');
    expect(partText(el, 'change')).to.equal('▲ up +1,122.02 (+1.70%) 24h');
    expect(partText(el, 'state')).to.equal('Live');
  });

  it('formats tiny and huge prices so both are readable, and falls shown as falls', async () => {
    const { feed, relay } = scriptedRelay('card');
    const shib = await card(relay, 'SHIB');
    const btc = await card(relay, 'BTC');
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot([
        sampleQuote('SHIB', 0.000_012_34, -3.2),
        sampleQuote('BTC', 1_234_567.891, 0),
      ]),
    });
    await shib.updateComplete;
    await btc.updateComplete;
    expect(partText(shib, 'price')).to.equal('$0.00001234');
    expect(partText(shib, 'change')).to.match(/^▼ down −0\.000000\d\d \(−3\.20%\) 24h$/);
    expect(shib.shadowRoot!.querySelector('.change')!.classList.contains('down')).to.equal(true);
    expect(partText(btc, 'price')).to.equal('$1,234,567.89');
    expect(partText(btc, 'change')).to.contain('unchanged');
  });

  it('labels simulated prices, and names the source of real ones', async () => {
    const { feed, relay } = scriptedRelay('card');
    const el = await card(relay, 'ETH');
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('ETH', 3_500, 0.5)]) });
    await el.updateComplete;
    expect(partText(el, 'source')).to.equal('demo');
    expect(partText(el, 'simulated')).to.equal('Simulated');
    feed.send({
      type: 'quotes',
      data: {
        t: Date.now(),
        quotes: { ETH: sampleQuote('ETH', 3_501, 0.5, { source: 'binance', ts: Date.now() + 1 }) },
      },
    });
    await el.updateComplete;
    expect(partText(el, 'source')).to.equal('binance');
    expect(el.shadowRoot!.querySelector('[part="simulated"]')).to.equal(null);
  });

  it('says so when the source does not report the 24 h change, instead of showing 0 %', async () => {
    const { feed, relay } = scriptedRelay('card');
    const el = await card(relay, 'BTC');
    const quote = sampleQuote('BTC', 67_000, 0, {
      source: 'ccxt:bitso',
      open24h: null,
      change24h: null,
      changePct24h: null,
    });
    feed.send({ type: 'snapshot', data: sampleSnapshot([quote]) });
    await el.updateComplete;
    expect(partText(el, 'change')).to.equal('24h change not reported by ccxt:bitso');
  });

  it('follows the stream: a quotes event updates price and time', async () => {
    const { feed, relay } = scriptedRelay('card');
    const el = await card(relay, 'SOL');
    const ts = Date.UTC(2026, 10, 27, 14, 3, 7);
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('SOL', 150, 1)]) });
    feed.send({
      type: 'quotes',
      data: { t: ts, quotes: { SOL: sampleQuote('SOL', 151.25, 1.5, { ts }) } },
    });
    await el.updateComplete;
    expect(partText(el, 'price')).to.equal('$151.25');
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal(
      new Date(ts).toISOString(),
    );
  });

  it('shows stale prices as stale, offline as offline, paused as paused', async () => {
    const { feed, relay } = scriptedRelay('card');
    const el = await card(relay, 'ADA');
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('ADA', 0.45, 1)]) });
    feed.send({
      type: 'status',
      data: {
        sources: [{ id: 'demo', state: 'down', error: 'timeout', simulated: true }],
        stale: ['ADA'],
      },
    });
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('stale');
    expect(partText(el, 'state')).to.equal('Stale');
    expect(partText(el, 'price')).to.equal('$0.4500', 'the last price stays readable');

    feed.setState('offline');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('offline');
    expect(partText(el, 'state')).to.equal('Offline, reconnecting…');

    feed.setState('paused');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('paused');
  });

  it('says its source is down, in its own language', async () => {
    const { feed, relay } = scriptedRelay('card-source-down');
    const english = await card(relay, 'ADA');
    const german = await card(relay, 'ADA', { locale: 'de' });
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('ADA', 0.45, 1)]) });
    feed.send({
      type: 'status',
      data: { sources: [{ id: 'demo', state: 'down', simulated: true }], stale: ['ADA'] },
    });
    await waitUntil(() => partText(english, 'source') === 'demo (down)', 'English');
    await waitUntil(
      () => partText(german, 'source') === `demo (${de.sourceStates.down})`,
      'German',
    );
    feed.send({
      type: 'status',
      data: { sources: [{ id: 'demo', state: 'ok', simulated: true }], stale: [] },
    });
    await waitUntil(() => partText(german, 'source') === 'demo', 'up again');
  });

  it('shows an unknown symbol as an error inside the card, without breaking its neighbours', async () => {
    const { feed, relay } = scriptedRelay('card');
    const bad = await card(relay, 'NOTACOIN');
    const good = await card(relay, 'BTC');
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)], ['NOTACOIN']),
    });
    await bad.updateComplete;
    await good.updateComplete;
    expect(bad.getAttribute('state')).to.equal('error');
    expect(partText(bad, 'message')).to.equal('The relay does not list NOTACOIN.');
    expect(good.getAttribute('state')).to.equal('live');
  });

  it('refuses a malformed symbol before asking the relay', async () => {
    const { feed, relay } = scriptedRelay('card');
    const el = await card(relay, 'B-T');
    expect(el.getAttribute('state')).to.equal('error');
    expect(partText(el, 'message')).to.contain('"B-T" is not a symbol');
    expect(feed.watchedSymbols).to.deep.equal([]);
  });

  it('renders hostile strings from the network as text, never markup', async () => {
    const { feed, relay } = scriptedRelay('card');
    const el = await card(relay, 'BTC');
    const hostile = '<img src=x onerror="window.__pwned=1">';
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot([sampleQuote('BTC', 67_000, 1, { source: hostile })]),
    });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(partText(el, 'source')).to.equal(hostile);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('resubscribes when its symbol changes at runtime', async () => {
    const { feed, relay } = scriptedRelay('card');
    const el = await card(relay, 'BTC');
    el.symbol = 'eth';
    await el.updateComplete;
    expect(feed.watchedSymbols).to.deep.equal(['ETH']);
    expect(partText(el, 'symbol')).to.equal('ETH');
  });

  /** What the page's announcers say now, one text per relay. */
  const announced = () =>
    [...document.querySelectorAll('[data-tickwire-announcer]')].map((region) => region.textContent);

  it('speaks through one polite voice for the page, outside the card: its visible text is its only text', async () => {
    const { feed, relay } = scriptedRelay('card');
    const el = await card(relay, 'BTC');
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1.5)]) });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-live]')).to.equal(null);
    await waitUntil(
      () => announced().includes('BTC $67,000.00, up 1.50% in 24 hours'),
      'heard within a second',
      { timeout: 3_000 },
    );
    const region = [...document.querySelectorAll('[data-tickwire-announcer]')].at(-1)!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.closest('price-card')).to.equal(null);
    feed.send({
      type: 'quotes',
      data: {
        t: Date.now(),
        quotes: { BTC: sampleQuote('BTC', 67_100, 1.6, { ts: Date.now() + 1 }) },
      },
    });
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(partText(el, 'price')).to.equal('$67,100.00');
    expect(region.textContent).to.equal(
      'BTC $67,000.00, up 1.50% in 24 hours',
      'the next tick is not read out',
    );
  });

  it('several cards make one sentence; a new symbol is heard anew; going offline is said once', async () => {
    const { feed, relay } = scriptedRelay('card');
    const btc = await card(relay, 'BTC');
    await card(relay, 'ETH');
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot([
        sampleQuote('BTC', 67_000, 1.5),
        sampleQuote('ETH', 3_500, -0.5),
        sampleQuote('SOL', 150, 2),
      ]),
    });
    const region = () => [...document.querySelectorAll('[data-tickwire-announcer]')].at(-1)!;
    await waitUntil(
      () =>
        region()?.textContent ===
        'BTC $67,000.00, up 1.50% in 24 hours; ETH $3,500.00, down 0.50% in 24 hours',
      'one sentence for both cards',
      { timeout: 3_000 },
    );
    btc.symbol = 'SOL';
    await waitUntil(
      () => region().textContent!.startsWith('SOL $150.00, up 2.00% in 24 hours'),
      'the new symbol, within a second',
      { timeout: 3_000 },
    );
    feed.setState('offline');
    await btc.updateComplete;
    expect(region().textContent).to.equal('Prices offline, reconnecting.');
  });

  it('off screen it skips ticks but not its state; seen again, it shows the latest price', async () => {
    const { feed, relay } = scriptedRelay('card');
    const box = await fixture<HTMLDivElement>(
      html`<div style="margin-top: 3000px"><price-card symbol="BTC" relay=${relay} locale="en-US"></price-card></div>`,
    );
    const el = box.querySelector('price-card')!;
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)]) });
    await waitUntil(() => partText(el, 'price') === '$67,000.00', 'the first price is drawn');
    const tick = (price: number) => {
      const ts = Date.now() + price;
      feed.send({
        type: 'quotes',
        data: { t: ts, quotes: { BTC: sampleQuote('BTC', price, 1, { ts }) } },
      });
    };
    tick(67_100);
    tick(67_200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(partText(el, 'price')).to.equal('$67,000.00', 'no rendering off screen');
    feed.send({ type: 'status', data: { sources: [], stale: ['BTC'] } });
    await waitUntil(() => el.getAttribute('state') === 'stale', 'its state is never held back');
    el.scrollIntoView();
    await waitUntil(() => partText(el, 'price') === '$67,200.00', 'seen again: the latest price');
  });

  describe('its 24 h line', () => {
    const HALF_HOUR = 1_800_000;
    /** A line of `prices`, half an hour apart, ending now. */
    const line = (prices: number[]): Sparkline => ({
      range: '24h',
      points: prices.map((price, i) => [Date.now() - (prices.length - 1 - i) * HALF_HOUR, price]),
    });
    const drawn = async (el: PriceCard) => {
      await waitUntil(
        () => el.shadowRoot!.querySelector('[part="sparkline"] path'),
        'a line drawn',
      );
      const part = el.shadowRoot!.querySelector('[part="sparkline"]')!;
      const ys = [
        ...part
          .querySelector('path')!
          .getAttribute('d')!
          .matchAll(/[ML][\d.]+,([\d.-]+)/g),
      ].map(([, y]) => Number(y));
      return { part, ys };
    };

    it('draws the line the relay carries, its span stated, its newest point at the live price', async () => {
      const { feed, relay } = scriptedRelay('card');
      const el = await card(relay, 'ETH');
      feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('ETH', 3_500, -1)]) });
      const { part, ys } = await drawn(el);
      expect(ys).to.have.length(49);
      expect(part.getAttribute('role')).to.equal('img');
      expect(part.getAttribute('aria-label')).to.equal('24h: down');
      expect(part.textContent).to.equal('24h');
      expect(part.classList.contains('down')).to.equal(true);
      // A new price moves the newest point, and only it.
      feed.send({
        type: 'quotes',
        data: { t: Date.now(), quotes: { ETH: sampleQuote('ETH', 3_600, 1.9) } },
      });
      await el.updateComplete;
      const after = (await drawn(el)).ys;
      expect(after.slice(0, -10)).to.not.deep.equal(ys.slice(0, -10), 'rescaled to the new high');
      expect(after.at(-1)).to.equal(Math.min(...after), 'the newest point is the highest price');
    });

    it("is coloured by its own direction, not by the source's 24 h figure", async () => {
      const { feed, relay } = scriptedRelay('card');
      const el = await card(relay, 'BTC');
      const snapshot = sampleSnapshot([sampleQuote('BTC', 101, -2)]);
      snapshot.sparklines = { BTC: line([99, 100, 98, 101]) };
      feed.send({ type: 'snapshot', data: snapshot });
      const { part } = await drawn(el);
      expect(part.classList.contains('up')).to.equal(true);
      expect(part.getAttribute('aria-label')).to.equal('24h: up');
      expect(partText(el, 'change')).to.contain('down');
    });

    it('does not let a 0.02 % wiggle fill its height: it stands for at least 1 % of the price', async () => {
      const { feed, relay } = scriptedRelay('card');
      const calm = await card(relay, 'USDT');
      const moving = await card(relay, 'BTC');
      const snapshot = sampleSnapshot([sampleQuote('USDT', 1.0001), sampleQuote('BTC', 110)]);
      snapshot.sparklines = {
        USDT: line([1, 1.0002, 0.9999, 1.0001]),
        BTC: line([100, 105, 95, 110]),
      };
      feed.send({ type: 'snapshot', data: snapshot });
      const wiggle = (await drawn(calm)).ys;
      expect(Math.max(...wiggle) - Math.min(...wiggle)).to.be.below(1.5, 'of 28');
      const day = (await drawn(moving)).ys;
      expect(Math.max(...day) - Math.min(...day)).to.be.above(25, 'a day that moved 15 % fills it');
    });

    it('shows no line where the relay carries none, and drops one the relay takes back', async () => {
      const { feed, relay } = scriptedRelay('card');
      const el = await card(relay, 'BTC');
      const snapshot = sampleSnapshot([sampleQuote('BTC', 100)]);
      delete snapshot.sparklines;
      feed.send({ type: 'snapshot', data: snapshot });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="sparkline"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('.sparkline')).to.not.equal(null, 'its space is kept');
      feed.send({ type: 'sparklines', data: { sparklines: { BTC: line([100, 101]) } } });
      await drawn(el);
      feed.send({ type: 'sparklines', data: { sparklines: { BTC: null } } });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="sparkline"]')).to.equal(null);
    });
  });

  it('formats for its locale', async () => {
    const { feed, relay } = scriptedRelay('card');
    const el = await card(relay, 'BTC', { locale: 'de-DE' });
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_123.45, 1.7)]) });
    await el.updateComplete;
    expect(partText(el, 'price')).to.equal('67.123,45 $');
  });

  it('is accessible: a named group, and direction in words as well as colour', async () => {
    const { feed, relay } = scriptedRelay('card');
    const el = await card(relay, 'BTC');
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, -2)]) });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="card"]')!.getAttribute('aria-label')).to.equal(
      'BTC price',
    );
    await expect(el).to.be.accessible();
  });
});

describe('<price-card> on a real relay', () => {
  it('shows a demo price that then changes, and closes the connection when it leaves the page', async () => {
    const relay = (await executeServerCommand('relay-url')) as string;
    const clients = () => openStreams(relay);
    const el = await fixture<PriceCard>(
      html`<price-card symbol="BTC" relay=${relay}></price-card>`,
    );
    await waitUntil(() => el.getAttribute('state') === 'live', 'the card goes live', {
      timeout: 5_000,
    });
    const first = partText(el, 'price');
    expect(first).to.match(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    expect(partText(el, 'simulated')).to.equal('Simulated');
    await waitUntil(() => partText(el, 'price') !== first, 'the price moves', { timeout: 5_000 });
    expect(await clients()).to.equal(1);

    el.remove();
    await waitUntil(
      async () => (await clients()) === 0,
      'the stream closes after the last element leaves',
      {
        timeout: 5_000,
      },
    );
  });
});
