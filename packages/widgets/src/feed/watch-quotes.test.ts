import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../index.js';
import type { PriceCard } from '../elements/price-card/price-card.js';
import { pauseQuotes, type QuotesUpdate, resumeQuotes, watchQuotes } from '../feed.js';
import { sampleQuote, sampleSnapshot } from './sample-quotes.js';
import { partText, scriptedRelay } from './testing.js';

describe('watchQuotes: the page’s prices without an element', () => {
  it('emits the quotes and their state, on the stream the elements share', async () => {
    const { feed, relay } = scriptedRelay('headless');
    await fixture(html`<price-card symbol="ETH" relay=${relay}></price-card>`);
    const updates: QuotesUpdate[] = [];
    const subscription = watchQuotes('btc, eth', { relay }).subscribe((update) =>
      updates.push(update),
    );
    try {
      expect(updates.at(-1)?.state).to.equal('connecting');
      expect(feed.watchedSymbols).to.deep.equal(['BTC', 'ETH'], 'one stream for card and watcher');
      feed.send({
        type: 'snapshot',
        data: sampleSnapshot(
          [sampleQuote('BTC', 67_000, 1), sampleQuote('ETH', 3_500, -2)],
          ['XYZ'],
        ),
      });
      await waitUntil(() => updates.at(-1)?.state === 'live');
      expect(Object.keys(updates.at(-1)!.quotes)).to.deep.equal(['BTC', 'ETH']);
      expect(updates.at(-1)!.quotes.BTC!.price).to.equal(67_000);
    } finally {
      subscription.unsubscribe();
    }
    expect(feed.watchedSymbols).to.deep.equal(['ETH'], 'the watcher let go of BTC');
  });

  it('pauses and resumes the page’s stream, elements included', async () => {
    const { feed, relay } = scriptedRelay('headless-pause');
    const card = await fixture<PriceCard>(
      html`<price-card symbol="BTC" relay=${relay}></price-card>`,
    );
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)]) });
    await card.updateComplete;
    pauseQuotes(relay);
    await waitUntil(() => card.getAttribute('state') === 'paused');
    resumeQuotes(relay);
    expect(feed.paused).to.equal(false);
  });

  it('without a relay, or with one that is no URL, emits an error update instead of throwing', async () => {
    const updates: QuotesUpdate[] = [];
    watchQuotes('BTC', { relay: '' })
      .subscribe((update) => updates.push(update))
      .unsubscribe();
    expect(updates[0]?.state).to.equal('error');
    expect(updates[0]?.refused['*']).to.contain('setRelay(url)');
  });
});

describe('the elements’ own events', () => {
  it('fire tickwire-state-change and tickwire-quotes when the stream changes them', async () => {
    const { feed, relay } = scriptedRelay('events');
    const card = await fixture<PriceCard>(
      html`<price-card symbol="BTC" relay=${relay}></price-card>`,
    );
    const state = oneEvent(card, 'tickwire-state-change');
    const quotes = oneEvent(card, 'tickwire-quotes');
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)]) });
    expect((await state).detail.state).to.equal('live');
    expect((await quotes).detail.quotes.BTC?.price).to.equal(67_000);
  });
});

describe('a relay URL that is not one says so, with the fix', () => {
  it('no scheme: an error naming the URL to write', async () => {
    const card = await fixture<PriceCard>(
      html`<price-card symbol="BTC" relay="prices.example.com"></price-card>`,
    );
    expect(card.getAttribute('state')).to.equal('error');
    expect(partText(card, 'message')).to.contain('relay="https://prices.example.com"');
  });

  it('a folder that answers 404 (a CDN, a typo): an error, not an endless "reconnecting"', async () => {
    const card = await fixture<PriceCard>(
      html`<price-card symbol="BTC" relay=${`${location.origin}/no-relay-here/`}></price-card>`,
    );
    await waitUntil(() => card.getAttribute('state') === 'error', 'the 404 is told', {
      timeout: 8_000,
    });
    expect(partText(card, 'message')).to.contain('No Tickwire relay at');
    expect(partText(card, 'message')).to.contain('HTTP 404');
  });
});
