import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AssetsAnswer } from '@tickwire/protocol';
import { sendKeys } from '@web/test-runner-commands';
import { sampleAssets } from '../../feed/sample-facts.js';
import { sampleQuote, sampleSnapshot } from '../../feed/sample-quotes.js';
import type { ScriptedFeed } from '../../feed/scripted-feed.js';
import { partText, scriptedRelay } from '../../feed/testing.js';
import '../../index.js';
import type { MarketTable } from './market-table.js';

const PRICES = { BTC: 67_000, ETH: 3_500, SOL: 150 };
const CHANGES = { BTC: 1.5, ETH: -2.1, SOL: 4.2 };

/** A snapshot of `symbols` at `PRICES`, each moved by its 24 h change. */
const snapshot = (symbols = ['BTC', 'ETH', 'SOL']) =>
  sampleSnapshot(
    symbols.map((symbol) =>
      sampleQuote(
        symbol,
        PRICES[symbol as keyof typeof PRICES],
        CHANGES[symbol as keyof typeof CHANGES],
      ),
    ),
  );

/** The scripted relay answers `/v1/assets` with `answer` (as the relay would, for any query). */
function answers(feed: ScriptedFeed, answer: AssetsAnswer | null): void {
  feed.assets = async () => answer;
}

async function table(
  relay: string,
  attributes: { symbols?: string; top?: number; width?: number } = {},
): Promise<MarketTable> {
  const box = await fixture<HTMLDivElement>(html`<div style="width: ${attributes.width ?? 1000}px">
    <market-table
      symbols=${attributes.symbols ?? ''}
      top=${attributes.top ?? ''}
      relay=${relay}
      locale="en-US"
      theme="light"
    ></market-table>
  </div>`);
  return box.querySelector('market-table')!;
}

const root = (el: MarketTable) => el.shadowRoot!;
/** The header cells a reader sees, in order, by their text. */
const visibleHeaders = (el: MarketTable) =>
  [...root(el).querySelectorAll<HTMLElement>('thead th')]
    .filter((th) => getComputedStyle(th).display !== 'none')
    .map((th) => th.textContent!.replace(/\s+/g, ' ').trim());
/** The rows' symbols, top to bottom. */
const order = (el: MarketTable) =>
  [...root(el).querySelectorAll('tbody .symbol')].map((cell) => cell.textContent);
const header = (el: MarketTable, column: string) =>
  root(el).querySelector<HTMLTableCellElement>(`thead .col-${column}`)!;
const sortButton = (el: MarketTable, column: string) =>
  header(el, column).querySelector<HTMLButtonElement>('button')!;
/** A row's cells' text, ` | ` between cells. */
const rowText = (el: MarketTable, index: number) =>
  [...root(el).querySelectorAll('tbody tr')[index]!.children]
    .map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim())
    .join(' | ');

/** The word of a sample week's direction: its first point against the live price. */
function trendWord(answer: AssetsAnswer, asset: keyof typeof PRICES): string {
  const first = answer.assets[asset]!.line7d!.points[0]![1];
  return PRICES[asset] > first ? 'up' : PRICES[asset] < first ? 'down' : 'unchanged';
}

/** A price for `symbol` now, as the stream would send it. */
function tick(feed: ScriptedFeed, symbol: keyof typeof PRICES, price: number, changePct: number) {
  const ts = Date.now() + Math.random();
  feed.send({
    type: 'quotes',
    data: { t: ts, quotes: { [symbol]: sampleQuote(symbol, price, changePct, { ts }) } },
  });
}

describe('<market-table>', () => {
  it('without facts: symbol, price, 24 h change and the 24 h line, and no empty columns', async () => {
    const { feed, relay } = scriptedRelay('table');
    const el = await table(relay, { symbols: 'BTC,ETH,SOL' });
    expect(el.getAttribute('state')).to.equal('connecting');
    expect(feed.watchedSymbols).to.deep.equal(['BTC', 'ETH', 'SOL']);
    feed.send({ type: 'snapshot', data: snapshot() });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('live');
    expect(visibleHeaders(el)).to.deep.equal(['Asset', 'Price', '24h', 'Last 24h']);
    expect(
      root(el).querySelector('.col-marketCap, .col-rank, .col-volume, .col-change7d'),
    ).to.equal(null, 'no column for figures the relay does not have');
    expect(order(el)).to.deep.equal(['BTC', 'ETH', 'SOL'], 'in the order of the attribute');
    expect(rowText(el, 0)).to.equal('B BTC | $67,000.00 | ▲+1.50% | 24h');
    expect(rowText(el, 1)).to.equal('E ETH | $3,500.00 | ▼−2.10% | 24h');
    expect(root(el).querySelector('img')).to.equal(null, 'no logo without facts');
    expect(partText(el, 'simulated')).to.equal('Simulated');
    await expect(el).to.be.accessible();
  });

  it('is a table to screen readers: column headers, a row header per asset, a name', async () => {
    const { feed, relay } = scriptedRelay('table');
    answers(feed, sampleAssets(PRICES));
    const el = await table(relay, { symbols: 'BTC,ETH' });
    feed.send({ type: 'snapshot', data: snapshot(['BTC', 'ETH']) });
    await waitUntil(() => root(el).querySelector('.name'), 'the facts arrive');
    const tableElement = root(el).querySelector('table')!;
    const title = root(el).getElementById(tableElement.getAttribute('aria-labelledby')!)!;
    expect(title.textContent).to.equal('Markets');
    const headers = [...root(el).querySelectorAll<HTMLTableCellElement>('thead th')];
    expect(headers.every((th) => th.scope === 'col')).to.equal(true);
    const rowHeaders = [...root(el).querySelectorAll('tbody th[scope="row"]')];
    expect(rowHeaders.map((th) => th.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'B Bitcoin BTC',
      'E Ethereum ETH',
    ]);
    expect(header(el, 'rank').textContent!.replace(/\s+/g, '')).to.equal('#Rank');
    await expect(el).to.be.accessible();
  });

  it('with facts: rank, name, logo from the relay, 1 h and 7 d, volume, and market cap moving with the price', async () => {
    const { feed, relay } = scriptedRelay('table');
    answers(feed, sampleAssets(PRICES));
    const el = await table(relay, { symbols: 'ETH,BTC' });
    feed.send({ type: 'snapshot', data: snapshot(['BTC', 'ETH']) });
    await waitUntil(() => root(el).querySelector('img'), 'the logos are drawn');
    expect(visibleHeaders(el)).to.deep.equal([
      '#Rank',
      'Asset',
      'Price',
      '1h',
      '24h',
      '7d',
      'Market cap',
      'Volume (24h)',
      'Last 7 days',
    ]);
    const logo = root(el).querySelector<HTMLImageElement>('img[part="logo"]')!;
    expect(logo.getAttribute('src')).to.equal(`${relay}v1/logos/ETH`, 'a path on the relay');
    expect(logo.getAttribute('alt')).to.equal('', 'decorative: the name is beside it');
    expect([logo.getAttribute('width'), logo.getAttribute('height')]).to.deep.equal(['20', '20']);
    // 19.96 M BTC × $67,000 = $1.34T; at $70,000 it is $1.40T.
    const cap = () => root(el).querySelectorAll('tbody td.col-marketCap')[1]!.textContent!.trim();
    expect(cap()).to.equal('$1.34T');
    tick(feed, 'BTC', 70_000, 6);
    await waitUntil(() => cap() === '$1.40T', 'market cap follows the live price');
    expect(rowText(el, 0)).to.match(/^2 \| E Ethereum ETH \| \$3,500\.00 \| /);
  });

  it('never shows a logo from elsewhere, or money figures in another currency than the price', async () => {
    const { feed, relay } = scriptedRelay('table');
    const answer = sampleAssets(PRICES, { currency: 'EUR' });
    answer.assets.BTC!.logo = 'https://tracker.example/btc.png';
    answer.assets.ETH!.logo = '//tracker.example/eth.png';
    delete answer.assets.BTC!.circulatingSupply;
    delete answer.assets.ETH!.circulatingSupply;
    answers(feed, answer);
    const el = await table(relay, { symbols: 'BTC,ETH' });
    feed.send({ type: 'snapshot', data: snapshot(['BTC', 'ETH']) });
    await waitUntil(() => root(el).querySelector('.name'), 'the facts arrive');
    expect(root(el).querySelector('img')).to.equal(null);
    expect(root(el).querySelector('.col-marketCap, .col-volume')).to.equal(
      null,
      'euro figures beside dollar prices would mislead',
    );
    expect(root(el).querySelector('.col-change7d')).not.to.equal(null, 'percentages still hold');
    expect(root(el).querySelectorAll('tbody .sparkline .period')).to.have.length(
      2,
      'the lines are the stream’s 24 h ones: a week of euros beside a dollar price is none',
    );
    expect(partText(el, 'sparkline')).to.equal('24h');
  });

  it('asks the facts in the currency every pair is quoted in: euro pairs show euro market caps and weeks', async () => {
    const { feed, relay } = scriptedRelay('table');
    const asked: unknown[] = [];
    feed.assets = async (query) => {
      asked.push(query);
      return sampleAssets(PRICES, { currency: query.currency });
    };
    const el = await table(relay, { symbols: 'BTC/EUR,ETH/EUR' });
    const euros = [sampleQuote('BTC/EUR', 62_000, 1.5), sampleQuote('ETH/EUR', 3_200, -2.1)];
    feed.send({ type: 'snapshot', data: sampleSnapshot(euros) });
    await waitUntil(() => visibleHeaders(el).includes('Last 7 days'), 'the euro weeks arrive');
    expect(asked).to.deep.equal([{ assets: ['BTC', 'ETH'], currency: 'EUR' }]);
    expect(root(el).querySelector('tbody td.col-marketCap')!.textContent!.trim()).to.match(/^€/);
    expect(root(el).querySelector('tbody .sparkline')!.getAttribute('aria-label')).to.match(
      /^7d: /,
    );

    // Pairs in two currencies: the element's (the relay's, USD here), as for bare assets.
    el.symbols = 'BTC/EUR,ETH';
    await waitUntil(() => asked.length === 2, 'the facts are asked again');
    expect(asked[1]).to.deep.equal({ assets: ['BTC', 'ETH'], currency: 'USD' });
  });

  it('draws the 7-day line from the facts, headed and named by its span, and none where a row has none', async () => {
    const { feed, relay } = scriptedRelay('table');
    const answer = sampleAssets(PRICES);
    delete answer.assets.SOL!.line7d;
    answers(feed, answer);
    const el = await table(relay, { symbols: 'BTC,ETH,SOL' });
    feed.send({ type: 'snapshot', data: snapshot() });
    await waitUntil(() => visibleHeaders(el).includes('Last 7 days'), 'the 7-day lines arrive');
    const lines = [...root(el).querySelectorAll('tbody tr')].map((row) =>
      row.querySelector('.sparkline')?.getAttribute('aria-label'),
    );
    // Every sample week is drawn from the start of the week (less its 7 d change) to the price.
    expect(lines).to.deep.equal(
      [`7d: ${trendWord(answer, 'BTC')}`, `7d: ${trendWord(answer, 'ETH')}`, undefined],
      'SOL’s source has no week: no line, not its 24 h one under a 7-day header',
    );
    const path = root(el).querySelector('tbody tr path')!.getAttribute('d')!;
    expect(path.match(/[ML]/g)).to.have.length(57, 'a point every three hours for a week');
    expect(partText(el, 'simulated')).to.equal('Simulated');
  });

  it('in another language, heads the 7-day line in its words', async () => {
    const { feed, relay } = scriptedRelay('table');
    answers(feed, sampleAssets(PRICES));
    const box = await fixture<HTMLDivElement>(html`<div lang="de" style="width: 1000px">
      <market-table symbols="BTC,ETH" relay=${relay} theme="light"></market-table>
    </div>`);
    const el = box.querySelector('market-table')!;
    feed.send({ type: 'snapshot', data: snapshot(['BTC', 'ETH']) });
    await waitUntil(
      () => visibleHeaders(el).includes('Letzte 7 Tage'),
      'German words, 7-day lines',
    );
    expect(partText(el, 'sparkline')).to.equal('7 T.');
  });

  it('sorts by pointer and keyboard, saying how in aria-sort', async () => {
    const { feed, relay } = scriptedRelay('table');
    answers(feed, sampleAssets(PRICES));
    const el = await table(relay, { symbols: 'ETH,SOL,BTC' });
    feed.send({ type: 'snapshot', data: snapshot() });
    await waitUntil(() => root(el).querySelector('.col-rank'), 'the facts arrive');
    expect(root(el).querySelector('[aria-sort]')).to.equal(
      null,
      'the attribute order: none sorted',
    );

    sortButton(el, 'price').click();
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['BTC', 'ETH', 'SOL']);
    expect(header(el, 'price').getAttribute('aria-sort')).to.equal('descending');
    sortButton(el, 'price').click();
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['SOL', 'ETH', 'BTC']);
    expect(header(el, 'price').getAttribute('aria-sort')).to.equal('ascending');

    sortButton(el, 'change24h').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['SOL', 'BTC', 'ETH'], 'largest rise first');
    expect(header(el, 'change24h').getAttribute('aria-sort')).to.equal('descending');
    expect(header(el, 'price').hasAttribute('aria-sort')).to.equal(false, 'one column at a time');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['ETH', 'BTC', 'SOL']);

    sortButton(el, 'asset').click();
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['BTC', 'ETH', 'SOL'], 'by name, A to Z');
    expect(header(el, 'asset').getAttribute('aria-sort')).to.equal('ascending');
    sortButton(el, 'rank').click();
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['BTC', 'ETH', 'SOL'], 'rank 1 first');
    expect(header(el, 'chart').querySelector('button')).to.equal(null, 'the line does not sort');
  });

  it('keeps rows in place while the pointer or focus is in the table, and reorders after', async () => {
    const { feed, relay } = scriptedRelay('table');
    const el = await table(relay, { symbols: 'BTC,ETH,SOL' });
    feed.send({ type: 'snapshot', data: snapshot() });
    await el.updateComplete;
    sortButton(el, 'change24h').click();
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['SOL', 'BTC', 'ETH']);

    const tableElement = root(el).querySelector('table')!;
    tableElement.dispatchEvent(new PointerEvent('pointerenter'));
    tick(feed, 'ETH', 3_800, 9);
    await waitUntil(() => rowText(el, 2).includes('+9.00%'), 'the price is shown');
    expect(order(el)).to.deep.equal(['SOL', 'BTC', 'ETH'], 'no row moves under the pointer');
    tableElement.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['ETH', 'SOL', 'BTC'], 'reordered once the pointer left');

    sortButton(el, 'change24h').focus();
    tick(feed, 'BTC', 80_000, 20);
    await waitUntil(() => rowText(el, 2).includes('+20.00%'), 'the price is shown');
    expect(order(el)).to.deep.equal(['ETH', 'SOL', 'BTC'], 'no row moves beside the focus');
    sortButton(el, 'change24h').click();
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['SOL', 'ETH', 'BTC'], 'the reader sorts at once');
  });

  it('draws a tick into its own row only: the other rows are not formatted, lined or touched again', async () => {
    const { feed, relay } = scriptedRelay('table');
    answers(feed, sampleAssets(PRICES));
    const el = await table(relay, { symbols: 'BTC,ETH,SOL' });
    feed.send({ type: 'snapshot', data: snapshot() });
    await waitUntil(() => root(el).querySelector('.col-marketCap'), 'the facts arrive');
    // A logo that fails hides itself: done before the tick, it is not the tick's doing. Its
    // `complete` turns true before its error handler has run (a task later, late on a loaded
    // machine): settled is loaded or hidden.
    await waitUntil(
      () =>
        [...root(el).querySelectorAll('img')].every(
          (img) => img.complete && (img.naturalWidth > 0 || img.hidden),
        ),
      'the logos load or fail',
    );
    const rows = [...root(el).querySelectorAll('tbody tr')];
    const paths = rows.map((row) => row.querySelector('path')!);
    const lines = paths.map((path) => path.getAttribute('d'));
    expect(lines.every(Boolean)).to.equal(true, 'every row has its line');

    // Every figure the table writes goes through Intl: what it formats is what it drew again.
    const formatted: unknown[] = [];
    const format = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format')!;
    Object.defineProperty(Intl.NumberFormat.prototype, 'format', {
      ...format,
      get(this: Intl.NumberFormat) {
        const write = format.get!.call(this) as (value: number) => string;
        return (value: number) => {
          formatted.push(value);
          return write(value);
        };
      },
    });
    const touched = new Set<Node>();
    const watcher = new MutationObserver((records) => {
      for (const record of records) touched.add(record.target);
    });
    watcher.observe(root(el), {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    try {
      tick(feed, 'BTC', 68_000, 2.5);
      await waitUntil(() => rowText(el, 0).includes('$68,000.00'), 'the tick is shown');
      await el.updateComplete;
    } finally {
      Object.defineProperty(Intl.NumberFormat.prototype, 'format', format);
    }
    watcher.disconnect();

    expect(formatted).to.include(68_000, "BTC's new price");
    expect(formatted).not.to.include(PRICES.ETH, "ETH's price is not written again");
    expect(formatted).not.to.include(PRICES.SOL, "SOL's price is not written again");
    expect([...root(el).querySelectorAll('tbody tr')]).to.deep.equal(rows, 'the same rows');
    const outside = [...touched].filter((node) => !rows[0]!.contains(node));
    expect(outside).to.deep.equal([], 'nothing changed outside the ticked row');
    expect(paths[0]!.getAttribute('d')).not.to.equal(lines[0], "BTC's line ends at its new price");
    expect(paths.slice(1).map((path) => path.getAttribute('d'))).to.deep.equal(lines.slice(1));
  });

  it('gives columns way by priority: asset, price and 24 h at 200 px', async () => {
    const { feed, relay } = scriptedRelay('table');
    answers(feed, sampleAssets(PRICES));
    const widths: Record<number, string[]> = {
      200: ['Asset', 'Price', '24h'],
      375: ['#Rank', 'Asset', 'Price', '24h'],
      520: ['#Rank', 'Asset', 'Price', '24h', 'Market cap'],
      1000: [
        '#Rank',
        'Asset',
        'Price',
        '1h',
        '24h',
        '7d',
        'Market cap',
        'Volume (24h)',
        'Last 7 days',
      ],
    };
    for (const [width, headers] of Object.entries(widths)) {
      const el = await table(relay, { symbols: 'BTC,ETH,SOL', width: Number(width) });
      feed.send({ type: 'snapshot', data: snapshot() });
      await waitUntil(() => root(el).querySelector('.col-rank'), 'the facts arrive');
      expect(visibleHeaders(el), `${width} px`).to.deep.equal(headers);
      const box = root(el).querySelector<HTMLElement>('[part="box"]')!;
      expect(box.scrollWidth, `${width} px: nothing sticks out`).to.be.at.most(box.clientWidth);
      const name = root(el).querySelector('.name')!;
      expect(getComputedStyle(name).display === 'none', `${width} px: the name`).to.equal(
        Number(width) < 474,
      );
    }
  });

  it('fits every column at 900 px, a tiny price with eight decimals among them', async () => {
    const { feed, relay } = scriptedRelay('table');
    answers(feed, sampleAssets({ ...PRICES, SHIB: 0.00002341 }));
    const el = await table(relay, { symbols: 'BTC,ETH,SHIB,SOL', width: 900 });
    feed.send({
      type: 'snapshot',
      data: sampleSnapshot([
        sampleQuote('BTC', 67_250.25, 1.54),
        sampleQuote('ETH', 3_480.5, -2.13),
        sampleQuote('SHIB', 0.00002341, 4.2),
        sampleQuote('SOL', 150, 0),
      ]),
    });
    await waitUntil(() => root(el).querySelector('.col-volume'), 'the facts arrive');
    expect(visibleHeaders(el)).to.have.length(9);
    const scroller = root(el).querySelector<HTMLElement>('.scroll')!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth, 'no column cut off');
  });

  it('top: the relay’s first assets by market cap, ranked', async () => {
    const { feed, relay } = scriptedRelay('table');
    const asked: unknown[] = [];
    feed.assets = async (query) => {
      asked.push(query);
      // Out of rank order, as a relay's object keys may come: the table takes the ranks.
      const answer = sampleAssets(PRICES);
      const { BTC, ETH, SOL } = answer.assets;
      return { ...answer, assets: { SOL: SOL!, ETH: ETH!, BTC: BTC! } };
    };
    const el = await table(relay, { top: 2 });
    await waitUntil(() => feed.watchedSymbols.length === 2, 'the top assets are watched');
    expect(feed.watchedSymbols).to.deep.equal(['BTC', 'ETH']);
    expect(asked).to.deep.equal([{ top: 2, currency: 'USD' }]);
    feed.send({ type: 'snapshot', data: snapshot(['BTC', 'ETH']) });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['BTC', 'ETH']);
    expect(header(el, 'rank').getAttribute('aria-sort')).to.equal('ascending');
    expect(el.getAttribute('state')).to.equal('live');
  });

  it('top on a relay without facts: its own assets in its own order, and it says so', async () => {
    const { feed, relay } = scriptedRelay('table');
    feed.symbols = async () => ({
      currency: 'USD',
      currencies: ['USD', 'EUR'],
      symbols: ['SOL', 'BTC', 'BTC/EUR', 'ETH'],
      defaults: [],
    });
    const el = await table(relay, { top: 2 });
    await waitUntil(() => feed.watchedSymbols.length === 2, 'the listed assets are watched');
    expect(feed.watchedSymbols).to.deep.equal(['BTC', 'SOL']);
    feed.send({ type: 'snapshot', data: snapshot(['SOL', 'BTC']) });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['SOL', 'BTC']);
    expect(partText(el, 'note')).to.equal(
      'This relay has no market caps to rank by: its own assets, in its own order.',
    );
    expect(root(el).querySelector('.col-rank')).to.equal(null);
  });

  it('says every state: stale, offline, paused, and an error for symbols the relay lacks', async () => {
    const { feed, relay } = scriptedRelay('table');
    const el = await table(relay, { symbols: 'BTC,ETH' });
    feed.send({ type: 'snapshot', data: snapshot(['BTC', 'ETH']) });
    await el.updateComplete;
    expect(partText(el, 'state')).to.equal('Live');
    feed.send({ type: 'status', data: { sources: [], stale: ['BTC'] } });
    await waitUntil(() => el.state === 'stale', 'stale');
    expect(partText(el, 'state')).to.equal('Stale');
    expect(root(el).querySelector('tbody tr')!.classList.contains('stale')).to.equal(true);
    feed.setState('offline');
    await waitUntil(() => el.state === 'offline', 'offline');
    expect(partText(el, 'state')).to.equal('Offline, reconnecting…');
    expect(order(el)).to.deep.equal(['BTC', 'ETH'], 'the last prices stay, muted');
    feed.setState('live');
    feed.pause();
    await waitUntil(() => el.state === 'paused', 'paused');
    expect(partText(el, 'state')).to.equal('Paused');
    feed.resume();

    const { feed: other, relay: otherRelay } = scriptedRelay('table');
    const wrong = await table(otherRelay, { symbols: 'NOPE' });
    other.send({ type: 'snapshot', data: sampleSnapshot([], ['NOPE']) });
    await waitUntil(() => wrong.state === 'error', 'error');
    expect(partText(wrong, 'message')).to.equal('The relay does not list NOPE.');
    expect(root(wrong).querySelector('table')).to.equal(null);
  });

  it('stops watching when removed from the page', async () => {
    const { feed, relay } = scriptedRelay('table');
    let asks = 0;
    feed.assets = async () => {
      asks++;
      return null;
    };
    const el = await table(relay, { symbols: 'BTC' });
    await waitUntil(() => asks === 1, 'the facts are asked for once');
    expect(feed.watchedSymbols).to.deep.equal(['BTC']);
    el.remove();
    expect(feed.watchedSymbols).to.deep.equal([]);
    const again = await table(relay, { symbols: 'BTC' });
    await again.updateComplete;
    expect(asks).to.equal(1, 'the page keeps the answer: not asked twice');
  });
});
