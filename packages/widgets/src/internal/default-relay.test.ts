import { expect, fixture, html } from '@open-wc/testing';
import { sampleQuote, sampleSnapshot } from '../feed/sample-quotes.js';
import { partText, scriptedRelay } from '../feed/testing.js';
import '../index.js';
import { setRelay } from '../config.js';
import type { PriceCard } from '../elements/price-card/price-card.js';

/** A card that names no relay: it reads the page's. */
const bareCard = () =>
  fixture<PriceCard>(html`<price-card symbol="BTC" locale="en-US"></price-card>`);

describe('the page-wide relay (an app bundle: no script folder to fall back on)', () => {
  afterEach(() => {
    setRelay(undefined);
    for (const meta of document.querySelectorAll('meta[name="tickwire-relay"]')) meta.remove();
  });

  it('with none set, an element says how to set one, and connects to nothing', async () => {
    const card = await bareCard();
    expect(card.getAttribute('state')).to.equal('error');
    expect(partText(card, 'message')).to.contain('setRelay(url)');
    expect(partText(card, 'message')).to.contain('tickwire-relay meta tag');
  });

  it('<meta name="tickwire-relay"> in the page is read by every element without relay=', async () => {
    const { feed, relay } = scriptedRelay('meta');
    const meta = Object.assign(document.createElement('meta'), {
      name: 'tickwire-relay',
      content: relay,
    });
    document.head.append(meta);
    const card = await bareCard();
    expect(feed.watchedSymbols).to.deep.equal(['BTC']);
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000)]) });
    await card.updateComplete;
    expect(card.getAttribute('state')).to.equal('live');
  });

  it("setRelay(url) wins over the meta tag, and an element's own relay= wins over both", async () => {
    const fromMeta = scriptedRelay('meta-loses');
    const fromCall = scriptedRelay('set-relay');
    const own = scriptedRelay('own');
    document.head.append(
      Object.assign(document.createElement('meta'), {
        name: 'tickwire-relay',
        content: fromMeta.relay,
      }),
    );
    setRelay(fromCall.relay);
    await bareCard();
    await fixture(html`<price-card symbol="ETH" relay=${own.relay}></price-card>`);
    expect(fromCall.feed.watchedSymbols).to.deep.equal(['BTC']);
    expect(own.feed.watchedSymbols).to.deep.equal(['ETH']);
    expect(fromMeta.feed.watchedSymbols).to.deep.equal([]);
  });

  it('setRelay(url) after the elements connected (a React effect, async config) connects them', async () => {
    const card = await bareCard();
    expect(card.getAttribute('state')).to.equal('error');
    const late = scriptedRelay('late');
    setRelay(late.relay);
    await card.updateComplete;
    expect(late.feed.watchedSymbols).to.deep.equal(['BTC']);
    late.feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000)]) });
    await card.updateComplete;
    expect(card.getAttribute('state')).to.equal('live');
    expect(partText(card, 'message')).to.equal('');
  });
});
