import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../index.js';
import type { PriceCard } from '../elements/price-card/price-card.js';
import type { StreamControls } from '../elements/stream-controls/stream-controls.js';
import { feedFor } from './feed-registry.js';
import { openStreams, partText } from './testing.js';

/**
 * Elements on a relay of real sources (ccxt's Binance, then CoinGecko, both fakes in the
 * real APIs' shapes) serving USD, EUR and BTC.
 */
describe('currencies and sources, on a relay of Binance and CoinGecko', () => {
  let relay: string;
  before(async () => {
    relay = (await executeServerCommand('markets-url')) as string;
  });
  afterEach(() => feedFor(relay).chooseSource(undefined));

  const live = (el: Element, what: string) =>
    waitUntil(() => el.getAttribute('state') === 'live', `${what} goes live`, { timeout: 8_000 });
  const cardIn = (root: Element, symbol: string) =>
    root.querySelector<PriceCard>(`price-card[data-name="${symbol}"]`)!;

  it('currency="EUR" shows euros from the euro market; ETH/BTC shows bitcoin', async () => {
    const page = await fixture(html`<div>
      <price-card data-name="eur" symbol="BTC" currency="EUR" relay=${relay} locale="en-US"></price-card>
      <price-card data-name="de" symbol="BTC" currency="eur" relay=${relay} locale="de-DE"></price-card>
      <price-card data-name="btc" symbol="ETH/BTC" relay=${relay} locale="en-US"></price-card>
      <price-card data-name="usd" symbol="BTC" relay=${relay} locale="en-US"></price-card>
    </div>`);
    for (const name of ['eur', 'de', 'btc', 'usd']) await live(cardIn(page, name), name);
    const eur = cardIn(page, 'eur');
    expect(partText(eur, 'symbol')).to.equal('BTC');
    expect(partText(eur, 'price')).to.match(/^€\d{2},\d{3}\.\d{2}$/);
    expect(partText(eur, 'source')).to.equal('binance');
    expect(partText(cardIn(page, 'de'), 'price')).to.match(/^\d{2}\.\d{3},\d{2}\s€$/);
    const btc = cardIn(page, 'btc');
    expect(partText(btc, 'symbol')).to.equal('ETH/BTC');
    expect(partText(btc, 'price')).to.match(/^0\.0\d{4} BTC$/);
    expect(partText(cardIn(page, 'usd'), 'price')).to.match(/^\$\d{2},\d{3}\.\d{2}$/);
    expect(await openStreams(relay)).to.equal(1, 'one stream for every currency on the page');
  });

  it("source= pins a card to that source; the controls' choice moves every other card", async () => {
    const page = await fixture(html`<div>
      <stream-controls relay=${relay}></stream-controls>
      <price-card data-name="pinned" symbol="BTC" source="binance" relay=${relay}></price-card>
      <price-card data-name="free" symbol="BTC" relay=${relay}></price-card>
      <price-card data-name="euro" symbol="BTC" currency="EUR" relay=${relay}></price-card>
    </div>`);
    const [pinned, free, euro] = ['pinned', 'free', 'euro'].map((name) => cardIn(page, name));
    for (const el of [pinned!, free!, euro!]) await live(el, el.dataset.name!);
    expect(partText(free!, 'source')).to.equal('binance', "the relay's first source");

    const controls = page.querySelector<StreamControls>('stream-controls')!;
    await waitUntil(() => controls.shadowRoot!.querySelector('[part="source"] select'));
    const picker = controls.shadowRoot!.querySelector<HTMLSelectElement>('[part="source"] select')!;
    expect([...picker.options].map((option) => option.value)).to.deep.equal([
      '',
      'binance',
      'coingecko',
    ]);
    let chosen: string | undefined = 'none';
    controls.addEventListener('tickwire-source-change', (event) => {
      chosen = event.detail.source;
    });
    picker.value = 'coingecko';
    picker.dispatchEvent(new Event('change'));
    expect(chosen).to.equal('coingecko');
    await waitUntil(
      () => partText(free!, 'source') === 'coingecko' && partText(euro!, 'source') === 'coingecko',
      'unpinned cards switch to CoinGecko',
      { timeout: 8_000 },
    );
    expect(partText(pinned!, 'source')).to.equal('binance', 'a pinned card keeps its source');
    expect(partText(euro!, 'price')).to.match(/^€/, 'still in euros');

    picker.value = '';
    picker.dispatchEvent(new Event('change'));
    await waitUntil(() => partText(free!, 'source') === 'binance', 'back to the relay order', {
      timeout: 8_000,
    });
  });

  it('a currency or source the relay lacks is that card’s error alone', async () => {
    const page = await fixture(html`<div>
      <price-card data-name="yen" symbol="BTC" currency="JPY" relay=${relay}></price-card>
      <price-card data-name="kraken" symbol="BTC" source="kraken" relay=${relay}></price-card>
      <price-card data-name="good" symbol="ETH" currency="EUR" relay=${relay}></price-card>
    </div>`);
    await live(cardIn(page, 'good'), 'the good card');
    const yen = cardIn(page, 'yen');
    await waitUntil(() => yen.getAttribute('state') === 'error', 'the yen card says error');
    // In the card's words, from the relay's refusal code and figures.
    const says = (card: Element, text: string) =>
      waitUntil(() => partText(card, 'message') === text, `${partText(card, 'message')}`);
    await says(
      yen,
      'The relay has no prices of BTC/JPY: it does not serve JPY, only USD, EUR, and BTC.',
    );
    await says(
      cardIn(page, 'kraken'),
      'The relay has no prices of BTC@kraken: kraken is not one of its sources (binance and coingecko).',
    );
  });
});
