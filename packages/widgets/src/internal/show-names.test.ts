import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AssetsAnswer } from '@tickwire/protocol';
import { sendKeys } from '@web/test-runner-commands';
import { sampleAssets } from '../feed/sample-facts.js';
import { sampleQuote, sampleSnapshot } from '../feed/sample-quotes.js';
import type { ScriptedFeed } from '../feed/scripted-feed.js';
import { partText, scriptedRelay } from '../feed/testing.js';
import '../index.js';

const PRICES = { BTC: 67_000, ETH: 3_500 };

/** A relay with facts that counts how often the page asks for them. */
function relayWithFacts(answer: AssetsAnswer | null = sampleAssets(PRICES)) {
  const { feed, relay } = scriptedRelay('names');
  const asked: (readonly string[] | undefined)[] = [];
  feed.assets = async (query) => {
    asked.push(query.assets);
    return answer;
  };
  return { feed, relay, asked };
}

const snapshot = () =>
  sampleSnapshot([sampleQuote('BTC', PRICES.BTC, 1.5), sampleQuote('ETH', PRICES.ETH, -2.1)]);

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

async function live(feed: ScriptedFeed, el: HTMLElement & { updateComplete: Promise<boolean> }) {
  feed.send({ type: 'snapshot', data: snapshot() });
  await el.updateComplete;
}

describe('show="name,logo"', () => {
  it('is off by default: symbols alone, and no facts asked for', async () => {
    const { feed, relay, asked } = relayWithFacts();
    const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
      html`<price-card symbol="BTC" relay=${relay} locale="en-US"></price-card>`,
    );
    await live(feed, el);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(partText(el, 'symbol')).to.equal('BTC');
    expect(el.shadowRoot!.querySelector('.logo, .name')).to.equal(null);
    expect(asked).to.deep.equal([], 'no request for facts');
  });

  it('a card shows the name and the relay’s logo, and says the name to readers', async () => {
    const { feed, relay } = relayWithFacts();
    const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
      html`<price-card symbol="BTC" show="name,logo" relay=${relay} locale="en-US"></price-card>`,
    );
    await live(feed, el);
    await waitUntil(() => partText(el, 'name') === 'Bitcoin', 'the name arrives');
    const logo = el.shadowRoot!.querySelector<HTMLImageElement>('img[part="logo"]')!;
    expect(logo.getAttribute('src')).to.equal(`${relay}v1/logos/BTC`, 'on the relay');
    expect(logo.getAttribute('alt')).to.equal('', 'decorative: the name is written beside it');
    expect([logo.getAttribute('width'), logo.getAttribute('height')]).to.deep.equal(['20', '20']);
    expect(partText(el, 'symbol')).to.equal('B Bitcoin BTC');
    expect(el.shadowRoot!.querySelector('article')!.getAttribute('aria-label')).to.equal(
      'Bitcoin (BTC) price',
    );
    expect(el.getAttribute('state')).to.equal('live');
    await expect(el).to.be.accessible();
  });

  it('a logo that fails to load leaves its monogram, in its fixed box', async () => {
    const { feed, relay } = relayWithFacts();
    // scripted:// addresses load nothing: the relay "cannot serve" the logo.
    const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
      html`<price-card symbol="ETH" show="logo" relay=${relay} locale="en-US"></price-card>`,
    );
    await live(feed, el);
    await waitUntil(
      () => el.shadowRoot!.querySelector<HTMLImageElement>('img[part="logo"]')?.hidden,
      'the broken logo steps aside',
    );
    const box = el.shadowRoot!.querySelector<HTMLElement>('.logo')!;
    expect(text(box)).to.equal('E');
    expect(box.getBoundingClientRect().width).to.equal(20);
    // No name written: the logo's alt says it.
    expect(el.shadowRoot!.querySelector('img')!.getAttribute('alt')).to.equal('Ethereum');
    expect(el.shadowRoot!.querySelector('[part="name"]')).to.equal(null);
  });

  it('names are text, never markup', async () => {
    const answer = sampleAssets(PRICES);
    answer.assets.BTC!.name = '<img src=x onerror=alert(1)>Bit';
    const { feed, relay } = relayWithFacts(answer);
    const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
      html`<price-card symbol="BTC" show="name" relay=${relay} locale="en-US"></price-card>`,
    );
    await live(feed, el);
    await waitUntil(() => partText(el, 'name'), 'the name arrives');
    expect(partText(el, 'name')).to.equal('<img src=x onerror=alert(1)>Bit');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('an unknown token is an error, said in the element’s words', async () => {
    const { feed, relay } = relayWithFacts();
    const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
      html`<price-card symbol="BTC" show="name,flag" relay=${relay} locale="en-US"></price-card>`,
    );
    await live(feed, el);
    await waitUntil(() => el.getAttribute('state') === 'error', 'error state');
    expect(partText(el, 'message')).to.contain('show="flag"');
    expect(partText(el, 'message')).to.contain('name,logo');
    el.setAttribute('show', 'name');
    await waitUntil(() => el.getAttribute('state') === 'live', 'fixed: live again');
  });

  it('the tape, the feed and the chart show names too, from one request for the page', async () => {
    const { feed, relay, asked } = relayWithFacts();
    const box = await fixture<HTMLDivElement>(html`<div style="width: 900px">
      <price-ticker layout="tape" symbols="BTC,ETH" show="name,logo" relay=${relay} locale="en-US"></price-ticker>
      <market-feed symbols="BTC,ETH" show="name" relay=${relay} locale="en-US"></market-feed>
      <live-chart symbols="BTC,ETH" range="live" show="name,logo" relay=${relay} locale="en-US"></live-chart>
      <live-chart symbols="BTC,ETH" range="live" layout="tabs" show="name" relay=${relay} locale="en-US"></live-chart>
    </div>`);
    const [tape, activity, chart, tabs] = [...box.children] as HTMLElement[];
    feed.send({ type: 'snapshot', data: snapshot() });
    await waitUntil(
      () => tape!.shadowRoot!.querySelector('.track [part="name"]'),
      'the tape names its assets',
    );
    expect(
      [...tape!.shadowRoot!.querySelectorAll('.track:not([aria-hidden]) .symbol')].map(text),
    ).to.deep.equal(['B Bitcoin BTC', 'E Ethereum ETH']);
    await waitUntil(() => chart!.shadowRoot!.querySelector('[part="name"]'), 'the legend names');
    expect(
      [...chart!.shadowRoot!.querySelectorAll('[part="legend"] .symbol')].map(text),
    ).to.deep.equal(['B Bitcoin BTC', 'E Ethereum ETH']);
    expect(chart!.shadowRoot!.querySelector('figure')!.getAttribute('aria-label')).to.contain(
      'Bitcoin (BTC), Ethereum (ETH)',
    );
    // The crosshair's readout, and what it announces, name them as the legend does.
    await waitUntil(() => chart!.shadowRoot!.querySelector('canvas'), 'the chart is drawn');
    chart!.shadowRoot!.querySelector<HTMLElement>('[part="plot"]')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => text(chart!.shadowRoot!.querySelector('[part="readout"]')), 'a readout');
    expect(text(chart!.shadowRoot!.querySelector('[part="readout"]'))).to.match(
      /Bitcoin \(BTC\) \$67,000\.00 ?Ethereum \(ETH\) \$3,500\.00$/,
    );
    expect(text(chart!.shadowRoot!.querySelector('[aria-live="polite"]'))).to.contain(
      'Bitcoin (BTC) $67,000.00; Ethereum (ETH) $3,500.00',
    );
    await waitUntil(() => tabs!.shadowRoot!.querySelector('[part="name"]'), 'the tabs name');
    expect(text(tabs!.shadowRoot!.querySelector('[role="tab"] .symbol'))).to.equal('Bitcoin BTC');
    // A move makes an entry in the activity feed, named.
    feed.send({
      type: 'quotes',
      data: {
        t: Date.now() + 1000,
        quotes: { BTC: sampleQuote('BTC', 68_000, 2, { ts: Date.now() + 1000 }) },
      },
    });
    await waitUntil(
      () => activity!.shadowRoot!.querySelector('li [part="name"]'),
      'the feed names',
    );
    expect(text(activity!.shadowRoot!.querySelector('li .symbol'))).to.equal('Bitcoin BTC');
    expect(asked).to.deep.equal([['BTC', 'ETH']], 'one request for the whole page');
  });
});
