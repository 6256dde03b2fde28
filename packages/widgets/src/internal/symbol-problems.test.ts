import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { parseMessage, type SymbolsAnswer } from '@tickwire/protocol';
import '../index.js';
import { sampleQuote, sampleSnapshot } from '../feed/sample-quotes.js';
import { partText, scriptedRelay } from '../feed/testing.js';
import { loadMessages } from './messages/choose.js';

/** What the relay's English says: never shown to a reader. */
const RELAY_ENGLISH = 'The relay says this in English.';

/**
 * A scripted relay listing BTC and DOGE, and a snapshot refusing symbols for each reason it
 * has, read as the widgets read a relay's (`parseMessage`): NEWER's code is one this page
 * does not know.
 */
function refusingRelay() {
  const { feed, relay } = scriptedRelay('refusals');
  feed.symbols = async (): Promise<SymbolsAnswer> => ({
    currency: 'USD',
    currencies: ['USD', 'EUR', 'BTC'],
    symbols: ['BTC', 'DOGE'],
    defaults: [],
  });
  const refuse = () => {
    const snapshot = {
      ...sampleSnapshot([sampleQuote('BTC', 67_000, 1)], ['BTC/JPY', 'BTC@kraken', 'DOGEE']),
      refused: {
        ADA: { code: 'watch_list_full', limit: 1_000, message: RELAY_ENGLISH },
        XRP: { code: 'watch_list_full', limit: 1_000, message: RELAY_ENGLISH },
        SOL: { code: 'address_share_full', limit: 125, message: RELAY_ENGLISH },
        'BTC/JPY': {
          code: 'currency_not_served',
          currency: 'JPY',
          currencies: ['USD', 'EUR', 'BTC'],
          message: RELAY_ENGLISH,
        },
        'BTC@kraken': {
          code: 'unknown_source',
          source: 'kraken',
          sources: ['binance', 'coingecko'],
          message: RELAY_ENGLISH,
        },
        NEWER: { code: 'relay_is_tired', message: RELAY_ENGLISH },
      },
    };
    feed.send(parseMessage('snapshot', JSON.stringify(snapshot))!);
  };
  return { relay, refuse };
}

/** Cards for the refusals one symbol at a time, and a tape with all of them at once. */
async function refusalsIn(locale: string | undefined) {
  if (locale) await loadMessages(locale);
  const { relay, refuse } = refusingRelay();
  const box = await fixture<HTMLDivElement>(html`<div>
    ${['BTC/JPY', 'SOL', 'DOGEE', 'NEWER'].map(
      (symbol) =>
        html`<price-card symbol=${symbol} relay=${relay} locale=${locale ?? ''}></price-card>`,
    )}
    <price-ticker layout="tape" symbols="ADA,XRP,BTC@kraken,NEWER,DOGEE" relay=${relay} locale=${locale ?? ''}></price-ticker>
  </div>`);
  refuse();
  const said = (selector: string) => partText(box.querySelector(selector)!, 'message');
  // The suggestion comes once the relay's listing is in; the refusals' words with their code.
  await waitUntil(
    () => said('price-ticker').includes('DOGE?') || said('price-ticker').includes('DOGE？'),
    `${locale}: the tape has said everything`,
  );
  await waitUntil(() => said('price-card[symbol="NEWER"]') !== '', `${locale}: cards have said`);
  return {
    rawCurrency:
      box
        .querySelector('price-card[symbol="BTC/JPY"]')!
        .shadowRoot!.querySelector('[part~="message"]')!.textContent ?? '',
    currency: said('price-card[symbol="BTC/JPY"]'),
    share: said('price-card[symbol="SOL"]'),
    suggestion: said('price-card[symbol="DOGEE"]'),
    other: said('price-card[symbol="NEWER"]'),
    tape: said('price-ticker'),
    /** What the tape shows of symbols it cannot show: its state, and its tiles. */
    tapeState: box.querySelector('price-ticker')!.getAttribute('state'),
    tapeTiles: box.querySelector('price-ticker')!.shadowRoot!.querySelectorAll('.track li').length,
  };
}

describe('why the relay refused a symbol, in the reader’s language', () => {
  it('German: each refusal and the suggestion, figures in German digits, never the relay’s English', async () => {
    const said = await refusalsIn('de');
    expect(said.currency).to.equal(
      'Das Relay hat keine Kurse für BTC/JPY: Es bietet JPY nicht an, nur USD, EUR und BTC.',
    );
    expect(said.share).to.equal(
      'Das Relay kann SOL jetzt nicht für Sie beobachten: Sie beobachten schon so viele Symbole, wie ein Leser darf (125). Zuerst eine andere Seite mit Kursen schließen.',
    );
    expect(said.suggestion).to.equal('Das Relay führt DOGEE nicht; vielleicht DOGE?');
    expect(said.other).to.equal('Das Relay kann NEWER nicht liefern.');
    expect(said.tape).to.equal(
      [
        'Das Relay kann ADA und XRP jetzt nicht beobachten: Es beobachtet schon so viele Symbole, wie es darf (1.000). Später erneut versuchen.',
        'Das Relay hat keine Kurse für BTC@kraken: kraken ist keine seiner Quellen (binance und coingecko).',
        'Das Relay kann NEWER nicht liefern.',
        'Das Relay führt DOGEE nicht; vielleicht DOGE?',
      ].join(' '),
    );
    expect(Object.values(said).join(' ')).not.to.contain(RELAY_ENGLISH);
    // It can show none of them: an error, not "Connecting…" for prices that will never come,
    // and no empty tiles.
    expect(said.tapeState).to.equal('error');
    expect(said.tapeTiles).to.equal(0);
  });

  it('Hebrew, right to left: the same, in Hebrew', async () => {
    const said = await refusalsIn('he');
    expect(said.currency).to.equal(
      'אין בממסר מחירים של BTC/JPY: הוא אינו תומך ב-JPY, רק ב-USD, EUR ו-BTC.',
    );
    expect(said.share).to.equal(
      'הממסר אינו יכול לעקוב אחר SOL עבורך כעת: כבר הגעת למספר הסימולים המרבי לקורא אחד (125). יש לסגור קודם דף מחירים אחר.',
    );
    expect(said.suggestion).to.equal('הממסר אינו מציע את DOGEE; אולי התכוונת ל-DOGE?');
    expect(said.other).to.equal('הממסר אינו יכול לספק את NEWER.');
    expect(said.tape).to.contain('הממסר אינו יכול לעקוב אחר ADA ו-XRP כעת');
    expect(said.tape).to.contain('(1,000)');
    expect(said.tape).to.contain('kraken אינו אחד ממקורותיו (binance ו-coingecko)');
    // A pair is one word to the line breaker: Firefox would end a line after its slash.
    expect(said.rawCurrency).to.contain('\u2068BTC\u2060/\u2060JPY\u2069');
    expect(Object.values(said).join(' ')).not.to.contain(RELAY_ENGLISH);
  });

  it('English reads the catalog’s words too, not the relay’s', async () => {
    const said = await refusalsIn(undefined);
    expect(said.currency).to.equal(
      'The relay has no prices of BTC/JPY: it does not serve JPY, only USD, EUR, and BTC.',
    );
    expect(said.other).to.equal('The relay cannot serve NEWER.');
    expect(said.tape).to.contain(
      'The relay cannot watch ADA and XRP now: it already watches as many symbols as it may (1,000). Try again later.',
    );
  });
});

describe('names in a right-to-left sentence', () => {
  /** Where `name` is drawn, px from the left, in the text of `element`'s `part`. */
  function leftOf(element: Element, part: string, name: string): number {
    const walker = document.createTreeWalker(
      element.shadowRoot!.querySelector(`[part~="${part}"]`)!,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(name);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + name.length);
      return range.getBoundingClientRect().left;
    }
    throw new Error(`${name} is not in ${part}`);
  }

  it('Hebrew: a list of Latin symbols reads in the sentence’s order, right to left', async () => {
    await loadMessages('he');
    const { feed, relay } = scriptedRelay('rtl-list');
    const box = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="he">
      <price-ticker layout="tape" symbols="ADA,XRP,DOT" relay=${relay}></price-ticker>
    </div>`);
    const full = { code: 'watch_list_full', limit: 1_000, message: RELAY_ENGLISH };
    feed.send(
      parseMessage(
        'snapshot',
        JSON.stringify({ ...sampleSnapshot([]), refused: { ADA: full, XRP: full, DOT: full } }),
      )!,
    );
    const tape = box.querySelector('price-ticker')!;
    await waitUntil(() => partText(tape, 'message').includes('DOT'), 'the tape has said it');
    expect(partText(tape, 'message')).to.contain('ADA, XRP ו-DOT');
    // Read from the right: ADA, then XRP, then DOT (unisolated, "ADA, XRP" is one
    // left-to-right run, and XRP would come first).
    const [ada, xrp, dot] = ['ADA', 'XRP', 'DOT'].map((name) => leftOf(tape, 'message', name));
    expect(ada).to.be.greaterThan(xrp!);
    expect(xrp).to.be.greaterThan(dot!);
  });
});
