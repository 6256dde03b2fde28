import { expect, fixture, html } from '@open-wc/testing';
import { sampleQuote, sampleSnapshot } from '../../feed/sample-quotes.js';
import { partText, scriptedRelay } from '../../feed/testing.js';
import '../../index.js';
import type { MarketFeed } from './market-feed.js';

const tick = (symbol: string, price: number, ts: number) => ({
  type: 'quotes' as const,
  data: { t: ts, quotes: { [symbol]: sampleQuote(symbol, price, 0, { ts }) } },
});

describe('<market-feed>', () => {
  it('lists each update newest first, highlighting moves past the threshold', async () => {
    const { feed, relay } = scriptedRelay('activity');
    const el = await fixture<MarketFeed>(
      html`<market-feed symbols="BTC,ETH" threshold="1" limit="3" relay=${relay} locale="en-US"></market-feed>`,
    );
    expect(el.shadowRoot!.querySelector('.empty')!.textContent).to.equal(
      'Waiting for the first moves…',
    );
    const t0 = Date.now();
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot([
        sampleQuote('BTC', 100, 0, { ts: t0 }),
        sampleQuote('ETH', 50, 0, { ts: t0 }),
      ]),
    });
    await el.updateComplete;
    for (const message of [
      tick('BTC', 100.5, t0 + 1_000),
      tick('ETH', 48, t0 + 2_000),
      tick('BTC', 100.4, t0 + 3_000),
      tick('BTC', 100.4, t0 + 3_000),
    ]) {
      feed.send(message);
      await el.updateComplete;
    }
    const entries = [...el.shadowRoot!.querySelectorAll('li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(entries).to.have.length(3);
    expect(entries[0]).to.match(/^BTC \$100\.40 ▼ down −0\.10% \d/);
    expect(entries[1]).to.match(/^ETH \$48\.00 ▼ down −4\.00%, notable move \d/);
    expect(entries[2]).to.match(/^BTC \$100\.50 ▲ up \+0\.50% \d/);
    const notable = el.shadowRoot!.querySelectorAll('[part~="notable"]');
    expect(notable.length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('names symbols the relay does not list', async () => {
    const { feed, relay } = scriptedRelay('activity');
    const el = await fixture<MarketFeed>(
      html`<market-feed symbols="BTC,NOPE" relay=${relay}></market-feed>`,
    );
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 100, 0)], ['NOPE']) });
    await el.updateComplete;
    expect(partText(el, 'message')).to.equal('The relay does not list NOPE.');
    expect(el.getAttribute('state')).to.equal('live');
  });
});
