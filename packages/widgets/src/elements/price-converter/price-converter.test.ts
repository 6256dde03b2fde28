import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SymbolsAnswer } from '@tickwire/protocol';
import { sampleQuote, sampleSnapshot } from '../../feed/sample-quotes.js';
import type { ScriptedFeed } from '../../feed/scripted-feed.js';
import { partText, scriptedRelay } from '../../feed/testing.js';
import '../../index.js';
import { parseAmount } from './amount.js';
import type { PriceConverter } from './price-converter.js';

async function converter(
  relay: string,
  attributes: {
    from?: string;
    to?: string;
    amount?: string;
    locale?: string;
    cross?: boolean;
  } = {},
): Promise<PriceConverter> {
  const el = await fixture<PriceConverter>(
    html`<price-converter
      from=${attributes.from ?? 'BTC'}
      to=${attributes.to ?? 'EUR'}
      amount=${attributes.amount ?? '1'}
      ?cross=${attributes.cross ?? false}
      relay=${relay}
      locale=${attributes.locale ?? 'en-US'}
    ></price-converter>`,
  );
  return el;
}

/** The field of `side`: its amount or its asset. */
const field = (el: PriceConverter, side: 'from' | 'to', which: 'amount' | 'asset' = 'amount') =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`[part~="${side}"] [part~="${which}"]`)!;

/** Types `text` into `input` as a reader would: one input event for the whole of it. */
async function type(el: PriceConverter, input: HTMLInputElement, text: string, commit = false) {
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (commit) input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const eur = (price: number, overrides = {}) =>
  sampleQuote('BTC/EUR', price, 1, { currency: 'EUR', ...overrides });

/** What the scripted relay's `/v1/symbols` answers: its currencies (USD the default) and pairs. */
function lists(feed: ScriptedFeed, currencies: string[], symbols: string[]): void {
  feed.symbols = async (): Promise<SymbolsAnswer> => ({
    currency: 'USD',
    currencies,
    symbols,
    defaults: [],
  });
}

/** What the page's announcers say now, one text per relay. */
const announced = () =>
  [...document.querySelectorAll('[data-tickwire-announcer]')].map((region) => region.textContent);

describe('<price-converter> on a scripted feed', () => {
  it('converts at the live price of the pair, and follows it', async () => {
    const { feed, relay } = scriptedRelay('converter');
    const el = await converter(relay);
    expect(el.state).to.equal('connecting');
    expect(feed.watchedSymbols).to.deep.equal(['BTC/EUR']);
    feed.send({ type: 'snapshot', data: sampleSnapshot([eur(60_000)]) });
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('live');
    expect(field(el, 'from').value).to.equal('1');
    expect(field(el, 'to').value).to.equal('60,000.00');
    expect(partText(el, 'result')).to.equal('1.00 BTC = €60,000.00');
    expect(partText(el, 'meta')).not.to.contain('=', 'the result is the rate: said once');
    expect(partText(el, 'simulated')).to.equal('Simulated');

    feed.send({
      type: 'quotes',
      data: { t: Date.now(), quotes: { 'BTC/EUR': eur(61_000, { ts: Date.now() + 1 }) } },
    });
    await el.updateComplete;
    expect(field(el, 'to').value).to.equal('61,000.00');
  });

  it('converts either way: typing in the second field converts back into the first', async () => {
    const { feed, relay } = scriptedRelay('converter');
    const el = await converter(relay);
    feed.send({ type: 'snapshot', data: sampleSnapshot([eur(60_000)]) });
    await el.updateComplete;
    await type(el, field(el, 'from'), '2.5');
    expect(field(el, 'to').value).to.equal('150,000.00');
    expect(partText(el, 'meta')).to.contain('1.00 BTC = €60,000.00');
    await type(el, field(el, 'to'), '30,000');
    expect(field(el, 'to').value).to.equal('30,000', 'what the reader types stays as typed');
    expect(field(el, 'from').value).to.equal('0.5');
    expect(partText(el, 'result')).to.equal('0.5000 BTC = €30,000.00');
  });

  it('takes the pair upside down when the relay lists only that way round', async () => {
    const { feed, relay } = scriptedRelay('converter');
    lists(feed, ['USD', 'EUR'], ['BTC', 'BTC/EUR']);
    const el = await converter(relay, { from: 'EUR', to: 'BTC', amount: '30000' });
    feed.send({ type: 'snapshot', data: sampleSnapshot([], ['EUR/BTC']) });
    await waitUntil(() => feed.watchedSymbols.includes('BTC/EUR'), 'the listed pair is watched');
    feed.send({ type: 'quotes', data: { t: Date.now(), quotes: { 'BTC/EUR': eur(60_000) } } });
    await el.updateComplete;
    expect(field(el, 'to').value).to.equal('0.5');
    expect(el.shadowRoot!.querySelector('[part="via"]')).to.equal(null, 'not a cross');
  });

  it('swaps: the result becomes the amount converted, the other way round', async () => {
    const { feed, relay } = scriptedRelay('converter');
    lists(feed, ['USD', 'EUR'], ['BTC', 'BTC/EUR']);
    const el = await converter(relay, { amount: '2' });
    feed.send({ type: 'snapshot', data: sampleSnapshot([eur(60_000)], ['EUR/BTC']) });
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="swap"]')!.click();
    await el.updateComplete;
    expect(el.from).to.equal('EUR');
    expect(el.to).to.equal('BTC');
    expect(el.getAttribute('from')).to.equal('EUR');
    expect(field(el, 'from').value).to.equal('120,000.00');
    await waitUntil(() => field(el, 'to').value === '2', 'converted back through BTC/EUR');
    expect(partText(el, 'pair')).to.equal('EUR→BTC');
  });

  it('reads and writes amounts in its locale: 1,5 in German', async () => {
    const { feed, relay } = scriptedRelay('converter');
    const el = await converter(relay, { locale: 'de-DE' });
    feed.send({ type: 'snapshot', data: sampleSnapshot([eur(60_000)]) });
    await el.updateComplete;
    await type(el, field(el, 'from'), '1,5');
    expect(field(el, 'to').value).to.equal('90.000,00');
    expect(partText(el, 'result')).to.equal('1,50 BTC = 90.000,00 €');
    await type(el, field(el, 'to'), '1.200,5');
    expect(field(el, 'from').value).to.equal('0,0200083');
  });

  it('says the conversion once after the reader types, though the price keeps moving', async () => {
    const { feed, relay } = scriptedRelay('converter');
    const el = await converter(relay);
    feed.send({ type: 'snapshot', data: sampleSnapshot([eur(60_000)]) });
    await el.updateComplete;
    await type(el, field(el, 'from'), '2');
    // A price every 300 ms: each redraws the converter, none may put off what it says.
    for (let tick = 1; tick <= 6; tick++) {
      const ts = Date.now() + tick;
      feed.send({ type: 'quotes', data: { t: ts, quotes: { 'BTC/EUR': eur(60_000, { ts }) } } });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(announced()).to.include('2.00 BTC is €120,000.00');
  });

  it('refuses text that is not an amount, visibly and aloud, instead of showing NaN', async () => {
    const { feed, relay } = scriptedRelay('converter');
    const el = await converter(relay, { locale: 'de-DE' });
    feed.send({ type: 'snapshot', data: sampleSnapshot([eur(60_000)]) });
    await el.updateComplete;
    await type(el, field(el, 'from'), 'zwei');
    await waitUntil(() => partText(el, 'message').startsWith('„zwei“'), 'German words');
    expect(partText(el, 'message')).to.equal('„zwei“ ist kein Betrag: eine Zahl wie 1,5 eingeben.');
    const input = field(el, 'from');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('error');
    expect(field(el, 'to').value).to.equal('');
    expect(el.shadowRoot!.textContent).not.to.contain('NaN');
    await waitUntil(
      () => announced().includes('„zwei“ ist kein Betrag: eine Zahl wie 1,5 eingeben.'),
      'said through the page announcer',
      { timeout: 3_000 },
    );
    // German grouping is read as grouping: 1.5 is not one and a half.
    await type(el, field(el, 'from'), '1.5');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await type(el, field(el, 'from'), '2');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(field(el, 'to').value).to.equal('120.000,00');
  });

  it('refuses an asset that cannot be one, and converts into a new one typed', async () => {
    const { feed, relay } = scriptedRelay('converter');
    const el = await converter(relay);
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot([eur(60_000), sampleQuote('BTC/GBP', 50_000, 0, { currency: 'GBP' })]),
    });
    await el.updateComplete;
    await type(el, field(el, 'to', 'asset'), 'euro dollars', true);
    expect(partText(el, 'message')).to.contain('"euro dollars" is not an asset or currency');
    expect(field(el, 'to', 'asset').getAttribute('aria-invalid')).to.equal('true');
    await type(el, field(el, 'to', 'asset'), 'gbp', true);
    expect(el.to).to.equal('GBP');
    expect(feed.watchedSymbols).to.deep.equal(['BTC/GBP']);
    await waitUntil(() => field(el, 'to').value === '50,000.00', 'priced in pounds');
  });

  it('crosses through a third asset only when allowed, and says so: "via USDT"', async () => {
    const { feed, relay } = scriptedRelay('converter');
    lists(feed, ['USD', 'USDT'], ['BTC', 'BTC/USDT', 'EUR/USDT']);
    const el = await converter(relay, { cross: true });
    feed.send({ type: 'snapshot', data: sampleSnapshot([], ['BTC/EUR']) });
    await waitUntil(
      () => feed.watchedSymbols.join() === 'BTC/USDT,EUR/USDT',
      'the two legs through USDT are watched',
    );
    feed.send({
      type: 'quotes',
      data: {
        t: Date.now(),
        quotes: {
          'BTC/USDT': sampleQuote('BTC/USDT', 66_000, 1, { currency: 'USDT' }),
          'EUR/USDT': sampleQuote('EUR/USDT', 1.1, 0, { currency: 'USDT' }),
        },
      },
    });
    await waitUntil(() => el.state === 'live', 'live');
    expect(field(el, 'to').value).to.equal('60,000.00');
    expect(partText(el, 'via')).to.equal('via USDT');
    expect(el.shadowRoot!.querySelector('[part="via"]')!.getAttribute('title')).to.equal(
      'The relay has no price of the pair itself: converted through BTC/USDT, EUR/USDT',
    );
  });

  it('without cross, says the relay has no such price and what to do: no invented rate', async () => {
    const { feed, relay } = scriptedRelay('converter');
    lists(feed, ['USD', 'USDT'], ['BTC', 'BTC/USDT', 'EUR/USDT']);
    const el = await converter(relay);
    feed.send({ type: 'snapshot', data: sampleSnapshot([], ['BTC/EUR']) });
    await waitUntil(() => el.state === 'error', 'an error');
    expect(partText(el, 'message')).to.equal(
      'This relay has no BTC/EUR price: choose another pair, or set cross to convert through a third asset.',
    );
    expect(field(el, 'to').value).to.equal('');
    expect(el.shadowRoot!.querySelector('[part="result"]')).to.equal(null);
  });

  it('does not advise a cross that would not help: an asset the relay lists nowhere', async () => {
    const { feed, relay } = scriptedRelay('converter');
    lists(feed, ['USD', 'USDT'], ['BTC', 'BTC/USDT', 'EUR/USDT']);
    const el = await converter(relay, { from: 'NOTACOIN' });
    feed.send({ type: 'snapshot', data: sampleSnapshot([], ['NOTACOIN/EUR']) });
    await waitUntil(() => el.state === 'error', 'an error');
    expect(partText(el, 'message')).to.equal(
      'This relay has no NOTACOIN/EUR price, directly or through a third asset.',
    );
  });

  it('marks the result stale when its price is, and offline when the stream is', async () => {
    const { feed, relay } = scriptedRelay('converter');
    const el = await converter(relay);
    feed.send({ type: 'snapshot', data: sampleSnapshot([eur(60_000)]) });
    feed.send({
      type: 'status',
      data: { sources: [{ id: 'demo', state: 'down', simulated: true }], stale: ['BTC/EUR'] },
    });
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('stale');
    expect(partText(el, 'state')).to.equal('Stale');
    const result = el.shadowRoot!.querySelector('[part="result"]')!;
    expect(result.classList.contains('stale')).to.equal(true);
    expect(partText(el, 'result')).to.equal(
      '1.00 BTC = €60,000.00',
      'the last rate stays readable',
    );
    expect(el.shadowRoot!.querySelector('[part="to"]')!.classList.contains('stale')).to.equal(true);
    feed.setState('offline');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('offline');
  });

  it('joining a stream already offline, says offline at once', async () => {
    const { feed, relay } = scriptedRelay('converter');
    await fixture(html`<price-card symbol="BTC/EUR" relay=${relay}></price-card>`);
    feed.setState('offline');
    const el = await converter(relay);
    expect(el.getAttribute('state')).to.equal('offline');
  });

  it('is accessible: a named group with labelled fields and a named swap button', async () => {
    const { feed, relay } = scriptedRelay('converter');
    const el = await converter(relay);
    feed.send({ type: 'snapshot', data: sampleSnapshot([eur(60_000)]) });
    await el.updateComplete;
    const group = el.shadowRoot!.querySelector('[part="converter"]')!;
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('aria-label')).to.equal('Convert BTC to EUR');
    expect(el.shadowRoot!.querySelector('[part="swap"]')!.getAttribute('aria-label')).to.equal(
      'Swap from and to',
    );
    expect(el.shadowRoot!.querySelector('[aria-live], output, [role=status]')).to.equal(null);
    await expect(el).to.be.accessible();
    await type(el, field(el, 'from'), 'x');
    await expect(el).to.be.accessible();
  });

  it('stops watching when it leaves the page', async () => {
    const { feed, relay } = scriptedRelay('converter');
    const el = await converter(relay);
    expect(feed.watchedSymbols).to.deep.equal(['BTC/EUR']);
    el.remove();
    await waitUntil(() => feed.watchedSymbols.length === 0, 'nothing watched');
  });
});

describe('amounts as readers write them', () => {
  it('reads the locale’s decimal sign, grouping in threes and digits; nothing else', () => {
    expect(parseAmount('1.5', 'en-US')).to.deep.equal({ value: 1.5 });
    expect(parseAmount('1,234.5', 'en-US')).to.deep.equal({ value: 1234.5 });
    expect(parseAmount('1,5', 'en-US')).to.equal('invalid');
    expect(parseAmount('1,5', 'de-DE')).to.deep.equal({ value: 1.5 });
    expect(parseAmount('1.234,5', 'de-DE')).to.deep.equal({ value: 1234.5 });
    expect(parseAmount('1.5', 'de-DE')).to.equal('invalid');
    expect(parseAmount('1 234,5', 'fr-FR')).to.deep.equal({ value: 1234.5 });
    expect(parseAmount('١٫٥', 'ar-EG')).to.deep.equal({ value: 1.5 });
    expect(parseAmount('', 'en-US')).to.equal('empty');
    expect(parseAmount('-1', 'en-US')).to.equal('invalid');
    expect(parseAmount('1e3', 'en-US')).to.equal('invalid');
    expect(parseAmount('NaN', 'en-US')).to.equal('invalid');
  });
});
