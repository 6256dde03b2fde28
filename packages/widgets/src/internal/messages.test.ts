import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sampleAssets } from '../feed/sample-facts.js';
import { sampleQuote, sampleSnapshot } from '../feed/sample-quotes.js';
import { partText, scriptedRelay } from '../feed/testing.js';
import '../index.js';
import { setMessages } from '../config.js';
import type { PriceCard } from '../elements/price-card/price-card.js';
import { CATALOG_CODES, loadCatalog } from './messages/catalogs.js';
import { catalogFor, loadMessages } from './messages/choose.js';
import { en } from './messages/en.js';
import type { Messages } from './messages.js';

/**
 * Words a language shares with English, each a decision: the product's own terms everywhere,
 * and a word that is the language's own too.
 */
const SAME_IN_BOTH = ['relay', 'tradingview'];
// "Stream" and "streaming" are loanwords in German, Spanish, Italian, Dutch and Portuguese.
const SAME_IN: Record<string, string[]> = {
  de: ['symbol', 'asset', 'element', 'tag', 'heatmap', 'stream', 'streaming'],
  es: ['error', 'stream', 'streaming'],
  // "all’elemento": an article joined to its preposition.
  it: ['asset', 'tag', 'volume', 'stream', 'streaming', 'all'],
  fr: ['minutes', 'notable', 'page', 'pause', 'volume'],
  nl: ['letters', 'open', 'over', 'element', 'volume', 'heatmap', 'stream'],
  pl: ['symbol'],
  'pt-BR': ['use', 'tag', 'volume', 'stream', 'streaming'],
};

/** Every text a catalog can produce, its functions called with placeholder arguments. */
function catalogTexts(catalog: Messages): string[] {
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (typeof value === 'function') {
      texts.push(String(value('X', 'X', 'X', 'X')), String(value('X', 5, true)));
      texts.push(String(value('X', 120, false)), String(value('X', 1440)));
    } else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(catalog);
  return texts;
}

/**
 * The words of `text` a reader would take for words: three letters or more, not a code in
 * capitals (BTC, USD), not an attribute written out as an example (symbol="BTC").
 */
function wordsIn(text: string): Set<string> {
  const prose = text.replace(/[\w-]+="[^"]*"/g, ' ');
  return new Set(
    [...prose.matchAll(/\p{L}{3,}/gu)]
      .map(([word]) => word)
      .filter((word) => word !== word.toUpperCase())
      .map((word) => word.toLowerCase()),
  );
}

/** Everything a reader sees or hears of `root`: text, labels and titles, through shadow roots. */
function readerText(root: Element | ShadowRoot): string {
  const parts: string[] = [];
  for (const node of root.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title']) parts.push(node.getAttribute(name) ?? '');
    if (node.shadowRoot) parts.push(readerText(node.shadowRoot));
    for (const child of node.childNodes)
      if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? '');
  }
  return parts.join(' ');
}

const ENGLISH = wordsIn(catalogTexts(en).join(' '));

describe('message catalogs', () => {
  it('chooses a catalog by language, with the region or script where a language has two', () => {
    expect(catalogFor('de-AT')).to.equal('de');
    expect(catalogFor('pt')).to.equal('pt-BR');
    expect(catalogFor('pt-BR')).to.equal('pt-BR');
    expect(catalogFor('pt-PT')).to.equal('en');
    expect(catalogFor('zh-Hant')).to.equal('zh-TW');
    expect(catalogFor('zh-TW')).to.equal('zh-TW');
    expect(catalogFor('zh-HK')).to.equal('zh-TW');
    expect(catalogFor('zh-Hant-HK')).to.equal('zh-TW');
    expect(catalogFor('zh')).to.equal('zh-CN');
    expect(catalogFor('zh-SG')).to.equal('zh-CN');
    expect(catalogFor('ja-JP')).to.equal('ja');
    expect(catalogFor('sv-SE')).to.equal('en');
    expect(catalogFor('')).to.equal('en');
  });

  it('every catalog has exactly the English keys, and every message of the same kind', async () => {
    const shape = (catalog: object): string[] =>
      Object.entries(catalog)
        .flatMap(([key, value]) =>
          typeof value === 'object'
            ? Object.keys(value).map((inner) => `${key}.${inner}`)
            : [`${key}:${typeof value}`],
        )
        .sort();
    expect(CATALOG_CODES).to.have.length(17);
    for (const code of CATALOG_CODES) {
      expect(shape(await loadCatalog(code)), code).to.deep.equal(shape(en));
    }
  });

  // One test per language: each its own deadline, and a failure names its language.
  for (const code of CATALOG_CODES) {
    it(`${code}: every element shows and announces no English word, live and paused`, async () => {
      const catalog = await loadCatalog(code);
      await loadMessages(code);
      const { feed, relay } = scriptedRelay(`words-${code}`);
      // Facts, so that the market table shows every column it has words for.
      feed.assets = async () => sampleAssets({ BTC: 67_000, ETH: 3_000 });
      const box = await fixture<HTMLDivElement>(html`<div>
          <price-card symbol="BTC" relay=${relay} locale=${code}></price-card>
          <price-card symbol="B-T" relay=${relay} locale=${code}></price-card>
          <price-ticker symbols="BTC,ETH" relay=${relay} locale=${code}></price-ticker>
          <price-ticker symbols="BTC,ETH" layout="tape" relay=${relay} locale=${code}></price-ticker>
          <market-feed symbols="BTC,ETH" relay=${relay} locale=${code}></market-feed>
          <stream-controls relay=${relay} locale=${code}></stream-controls>
          <price-converter from="BTC" to="USD" relay=${relay} locale=${code}></price-converter>
          <market-table symbols="BTC,ETH" relay=${relay} locale=${code}></market-table>
          <price-heatmap symbols="BTC,ETH" relay=${relay} locale=${code}></price-heatmap>
          <live-chart symbols="BTC" relay=${relay} locale=${code}></live-chart>
          <live-chart symbols="BTC,ETH" scale="percent" range="live" relay=${relay} locale=${code}></live-chart>
        </div>`);
      feed.send({
        type: 'snapshot',
        data: {
          ...sampleSnapshot([sampleQuote('BTC', 67_000, 1.2), sampleQuote('ETH', 3_000, -0.5)]),
          // Streamed, so that the controls say so too ("live (streaming)", "demo: streaming").
          sources: [{ id: 'demo', state: 'ok', simulated: true, transport: 'stream' }],
        },
      });
      const later = Date.now() + 1_000;
      feed.send({
        type: 'quotes',
        data: { t: later, quotes: { BTC: sampleQuote('BTC', 67_100, 1.3, { ts: later }) } },
      });
      const card = box.querySelector<PriceCard>('price-card')!;
      await waitUntil(() => partText(card, 'state') === catalog.live, `${code}: the card is live`);
      await waitUntil(
        () => !readerText(box).includes(en.loading),
        `${code}: the charts have loaded`,
      );
      const table = box.querySelector('market-table')!;
      await waitUntil(
        () => table.shadowRoot?.querySelector('.col-marketCap'),
        `${code}: the table has its facts`,
      );
      const heatmap = box.querySelector('price-heatmap')!;
      await waitUntil(
        () => heatmap.shadowRoot?.querySelector('[role="rowheader"]'),
        `${code}: the heatmap has its tiles`,
      );
      const allowed = new Set([...SAME_IN_BOTH, ...(SAME_IN[code] ?? [])]);
      const english = (text: string) =>
        [...wordsIn(text)].filter((word) => ENGLISH.has(word) && !allowed.has(word));
      expect(english(readerText(box)), `${code}, live`).to.deep.equal([]);
      feed.pause();
      await waitUntil(() => partText(card, 'state') === catalog.paused, `${code}: paused`);
      expect(english(readerText(box)), `${code}, paused`).to.deep.equal([]);
      feed.resume();
    });
  }

  it('a relay that cannot be read, a range no source has, a refused or misspelt symbol are said in every language, with no English word', async () => {
    const problems = (catalog: Messages) => [
      catalog.noRelay,
      catalog.noScheme('relay.test'),
      catalog.notARelayUrl('http://'),
      catalog.notARelay('https://cdn.test/', 404),
      catalog.historyUnavailable(catalog.ranges['24h'], 'BTC'),
      catalog.rangeUnavailable('CoinGecko', catalog.ranges['1h'], catalog.ranges['24h']),
      catalog.didYouMean('DOGEE', 'DOGE'),
      catalog.watchListFull('ADA, XRP', '1,000'),
      catalog.addressShareFull('SOL', '125'),
      catalog.currencyNotServed('BTC/JPY', 'JPY', 'USD, EUR'),
      catalog.unknownSource('BTC@kraken', 'kraken', 'binance, coingecko'),
      catalog.refusedOther('NEWER'),
    ];
    // The product's terms and what a developer types stay as written.
    const allowed = new Set([
      ...SAME_IN_BOTH,
      ...['tickwire', 'meta', 'setrelay', 'url', 'coingecko', 'kraken', 'binance'],
    ]);
    const english: Record<string, string[]> = {};
    for (const code of CATALOG_CODES) {
      const own = new Set([...allowed, ...(SAME_IN[code] ?? [])]);
      const words = [...wordsIn(problems(await loadCatalog(code)).join(' '))].filter(
        (word) => ENGLISH.has(word) && !own.has(word),
      );
      if (words.length > 0) english[code] = words;
    }
    expect(english).to.deep.equal({});
    // And an element shows its own language's: a German card with a relay written without https.
    await loadMessages('de');
    const card = await fixture<PriceCard>(
      html`<price-card symbol="BTC" relay="prices.example.com" locale="de"></price-card>`,
    );
    await waitUntil(() => partText(card, 'state') === 'Fehler', 'the card reads German');
    expect(partText(card, 'message')).to.equal(
      'relay="prices.example.com" hat kein Schema: relay="https://prices.example.com" schreiben.',
    );
  });

  it('a page in German reads German without a locale on the element', async () => {
    const { relay } = scriptedRelay('page-lang');
    const box = await fixture<HTMLDivElement>(
      html`<div lang="de"><price-card symbol="BTC" relay=${relay}></price-card></div>`,
    );
    const card = box.querySelector<PriceCard>('price-card')!;
    await waitUntil(() => partText(card, 'state') === 'Verbinde…', 'the card reads German');
    expect(partText(card, 'meta')).to.equal('Warte auf den ersten Kurs…');
  });

  it('a page replaces a message of its choice, and keeps the others', async () => {
    setMessages('de', { live: 'Aktuell' });
    const { feed, relay } = scriptedRelay('override');
    const card = await fixture<PriceCard>(
      html`<price-card symbol="BTC" relay=${relay} locale="de-DE"></price-card>`,
    );
    feed.send({ type: 'snapshot', data: sampleSnapshot([sampleQuote('BTC', 67_000, 1)]) });
    await waitUntil(() => partText(card, 'state') === 'Aktuell', 'the override is shown');
    expect(card.shadowRoot!.querySelector('.simulated')?.textContent).to.equal('Simuliert');
  });
});
