import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { sampleQuote, sampleSnapshot } from '../../feed/sample-quotes.js';
import { partText, scriptedRelay } from '../../feed/testing.js';
import '../../index.js';
import type { PriceCard } from '../price-card/price-card.js';
import type { PriceTicker } from './price-ticker.js';

const snapshot = sampleSnapshot([
  sampleQuote('BTC', 67_000, 1.2),
  sampleQuote('ETH', 3_500, -0.8),
  sampleQuote('SOL', 150, 0),
]);

describe('<price-ticker>', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('lays out one price card per symbol, all on the one shared feed', async () => {
    const { feed, relay } = scriptedRelay('ticker');
    const el = await fixture<PriceTicker>(
      html`<price-ticker symbols="BTC, eth,SOL" relay=${relay}></price-ticker>`,
    );
    feed.send({ type: 'snapshot', data: snapshot });
    await el.updateComplete;
    const cards = [...el.shadowRoot!.querySelectorAll<PriceCard>('price-card')];
    await Promise.all(cards.map((card) => card.updateComplete));
    expect(cards.map((card) => card.symbol)).to.deep.equal(['BTC', 'ETH', 'SOL']);
    expect(cards.map((card) => partText(card, 'price'))).to.deep.equal([
      '$67,000.00',
      '$3,500.00',
      '$150.00',
    ]);
    expect(feed.watchedSymbols).to.deep.equal(['BTC', 'ETH', 'SOL']);
    expect(el.getAttribute('state')).to.equal('live');
    await expect(el).to.be.accessible();
  });

  it('scrolls as a tape, read once by screen readers, and stops moving under reduced motion', async () => {
    const { feed, relay } = scriptedRelay('tape');
    const el = await fixture<PriceTicker>(
      html`<price-ticker symbols="BTC,ETH" layout="tape" relay=${relay}></price-ticker>`,
    );
    feed.send({ type: 'snapshot', data: snapshot });
    await el.updateComplete;
    const tracks = el.shadowRoot!.querySelectorAll('.track');
    expect(tracks.length).to.equal(2);
    expect(tracks[1]!.getAttribute('aria-hidden')).to.equal('true');
    expect(partText(el, 'item')).to.equal('BTC $67,000.00 ▲ +1.20%');
    expect(getComputedStyle(tracks[0]!).animationName).to.equal('scroll');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(tracks[0]!).animationName).to.equal('none');
    expect(getComputedStyle(tracks[1]!).display).to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('resubscribes when its symbols change at runtime', async () => {
    const { feed, relay } = scriptedRelay('ticker');
    const el = await fixture<PriceTicker>(
      html`<price-ticker symbols="BTC" relay=${relay}></price-ticker>`,
    );
    el.symbols = 'ETH,SOL';
    await el.updateComplete;
    await Promise.all(
      [...el.shadowRoot!.querySelectorAll<PriceCard>('price-card')].map(
        (card) => card.updateComplete,
      ),
    );
    expect(feed.watchedSymbols).to.deep.equal(['ETH', 'SOL']);
  });
});
