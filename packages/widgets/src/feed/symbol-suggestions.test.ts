import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SymbolsAnswer } from '@tickwire/protocol';
import { executeServerCommand } from '@web/test-runner-commands';
import '../index.js';
import { editDistance } from '../internal/edit-distance.js';
import { sampleQuote, sampleSnapshot } from './sample-quotes.js';
import { closestListed } from './symbol-suggestions.js';
import { partText, scriptedRelay } from './testing.js';

const LISTING = {
  currency: 'USD',
  symbols: ['BTC', 'BTC/EUR', 'DOGE', 'ETC', 'ETH', 'ETH/BTC', 'SOL'],
};

/** A scripted relay listing `LISTING`, counting how often it is asked for it. */
function listingRelay() {
  const { feed, relay } = scriptedRelay('suggestions');
  const asked = { count: 0 };
  feed.symbols = async (): Promise<SymbolsAnswer> => {
    asked.count++;
    return { ...LISTING, currencies: ['USD', 'EUR', 'BTC'], defaults: [] };
  };
  return { feed, relay, asked };
}

describe('suggestions for a symbol the relay does not list', () => {
  it('counts one-letter edits, a swap of neighbours as one', () => {
    expect(editDistance('DOGEE', 'DOGE')).to.equal(1);
    expect(editDistance('BCT', 'BTC')).to.equal(1);
    expect(editDistance('SLO', 'SOL')).to.equal(1);
    expect(editDistance('XBT', 'BTC')).to.equal(2);
    expect(editDistance('', 'ETH')).to.equal(3);
  });

  it('suggests the one listed asset closest in spelling, in the symbol’s currency', () => {
    expect(closestListed('DOGEE', LISTING)).to.equal('DOGE');
    expect(closestListed('BTCC/EUR', LISTING)).to.equal('BTC/EUR');
    expect(closestListed('DOGEE/USD', LISTING)).to.equal('DOGE/USD');
    expect(closestListed('SOLANA', LISTING), 'too far').to.equal(undefined);
    expect(closestListed('ETX', LISTING), 'ETC and ETH are as close').to.equal(undefined);
    expect(closestListed('SOLL/EUR', LISTING), 'SOL is not listed in euros').to.equal(undefined);
  });

  it('a card with symbol="DOGEE" asks “did you mean DOGE?”; the page asks the relay once, and only when a symbol is unknown', async () => {
    const { feed, relay, asked } = listingRelay();
    const box = await fixture<HTMLDivElement>(html`<div>
      <price-card symbol="BTC" relay=${relay}></price-card>
    </div>`);
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)]) });
    await waitUntil(() => box.querySelector('price-card')!.getAttribute('state') === 'live');
    expect(asked.count, 'every symbol listed: no question').to.equal(0);

    box.insertAdjacentHTML(
      'beforeend',
      `<price-card symbol="DOGEE" relay="${relay}"></price-card>
       <price-ticker layout="tape" symbols="ETH,SLO,NOPE" relay="${relay}"></price-ticker>`,
    );
    const card = box.querySelector('price-card[symbol="DOGEE"]')!;
    const ticker = box.querySelector('price-ticker')!;
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot(
        [sampleQuote('BTC', 67_000, 1), sampleQuote('ETH', 3_480, 1)],
        ['DOGEE', 'SLO', 'NOPE'],
      ),
    });
    await waitUntil(() => partText(card, 'message').includes('did you mean'));
    expect(partText(card, 'message')).to.equal('The relay does not list DOGEE; did you mean DOGE?');
    await waitUntil(() => partText(ticker, 'message').includes('did you mean'));
    expect(partText(ticker, 'message')).to.equal(
      'The relay does not list NOPE. The relay does not list SLO; did you mean SOL?',
    );
    // A reconnect's snapshot says the same: the listing is not asked for again.
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot([sampleQuote('ETH', 3_480, 1)], ['DOGEE', 'SLO', 'NOPE']),
    });
    await waitUntil(() => partText(card, 'message').includes('did you mean'));
    expect(asked.count).to.equal(1);
  });

  it('on a real relay, from its /v1/symbols', async () => {
    const relay = (await executeServerCommand('relay-url')) as string;
    const card = await fixture<HTMLElement>(
      html`<price-card symbol="DOGEE" relay=${relay}></price-card>`,
    );
    await waitUntil(
      () => partText(card, 'message').includes('did you mean'),
      'the relay lists DOGE',
      { timeout: 5_000 },
    );
    expect(partText(card, 'message')).to.equal('The relay does not list DOGEE; did you mean DOGE?');
  });
});
