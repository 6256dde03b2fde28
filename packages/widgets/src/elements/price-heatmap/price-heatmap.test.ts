import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { sampleAssets } from '../../feed/sample-facts.js';
import { sampleQuote, sampleSnapshot } from '../../feed/sample-quotes.js';
import type { ScriptedFeed } from '../../feed/scripted-feed.js';
import { partText, scriptedRelay } from '../../feed/testing.js';
import '../../index.js';
import type { PriceHeatmap } from './price-heatmap.js';

const PRICES = { BTC: 67_000, ETH: 3_500, SOL: 150, DOGE: 0.15, ADA: 0.45 };
const CHANGES = { BTC: 1.5, ETH: -2.1, SOL: 4.2, DOGE: -7, ADA: 0 };
type Asset = keyof typeof PRICES;
const ALL = Object.keys(PRICES) as Asset[];

const snapshot = (symbols: readonly Asset[] = ALL) =>
  sampleSnapshot(symbols.map((symbol) => sampleQuote(symbol, PRICES[symbol], CHANGES[symbol])));

function tick(feed: ScriptedFeed, symbol: Asset, price: number, changePct: number) {
  const ts = Date.now() + Math.random();
  feed.send({
    type: 'quotes',
    data: { t: ts, quotes: { [symbol]: sampleQuote(symbol, price, changePct, { ts }) } },
  });
}

async function heatmap(
  relay: string,
  attributes: { symbols?: string; top?: number; width?: number; range?: string } = {},
): Promise<PriceHeatmap> {
  const box = await fixture<HTMLDivElement>(html`<div style="width: ${attributes.width ?? 800}px">
    <price-heatmap
      symbols=${attributes.symbols ?? ''}
      top=${attributes.top ?? ''}
      range=${attributes.range ?? '24h'}
      relay=${relay}
      locale="en-US"
      theme="light"
    ></price-heatmap>
  </div>`);
  return box.querySelector('price-heatmap')!;
}

const root = (el: PriceHeatmap) => el.shadowRoot!;
const tiles = (el: PriceHeatmap) => [...root(el).querySelectorAll<HTMLElement>('.tile')];
const tile = (el: PriceHeatmap, symbol: string) =>
  root(el).querySelector<HTMLElement>(`.tile[data-symbol="${symbol}"]`)!;
const area = (element: Element) => {
  const { width, height } = element.getBoundingClientRect();
  return width * height;
};
/** Where each tile is, by symbol: to tell a re-layout from a tick. */
const places = (el: PriceHeatmap) =>
  Object.fromEntries(
    tiles(el).map((t) => [t.dataset.symbol, t.getAttribute('style')?.replace(/--[^;]*;?/g, '')]),
  );

async function live(el: PriceHeatmap, feed: ScriptedFeed, symbols: readonly Asset[] = ALL) {
  feed.send({ type: 'snapshot', data: snapshot(symbols) });
  await waitUntil(() => tiles(el).length === symbols.length && el.state === 'live', 'tiles');
  await waitUntil(() => area(tiles(el)[0]!) > 0, 'laid out');
}

describe('<price-heatmap>', () => {
  it('sizes tiles by market cap, largest first, and writes symbol and change on those that hold them', async () => {
    const { feed, relay } = scriptedRelay('heatmap');
    feed.assets = async () => sampleAssets(PRICES);
    const el = await heatmap(relay, { symbols: 'ADA,DOGE,SOL,ETH,BTC' });
    await live(el, feed);
    await waitUntil(() => tiles(el)[0]?.dataset.symbol === 'BTC', 'ranked by market cap');
    expect(tiles(el).map((t) => t.dataset.symbol)).to.deep.equal([
      'BTC',
      'ETH',
      'SOL',
      'DOGE',
      'ADA',
    ]);
    const [btc, eth, sol] = ['BTC', 'ETH', 'SOL'].map((s) => area(tile(el, s)));
    expect(btc).to.be.greaterThan(eth!);
    expect(eth).to.be.greaterThan(sol!);
    // BTC's share of the map is its share of the market caps.
    const caps = ALL.map((s) => sampleAssets(PRICES).assets[s]!.marketCap!);
    const map = root(el).querySelector('.map')!;
    expect(btc! / area(map)).to.be.closeTo(caps[0]! / caps.reduce((a, b) => a + b, 0), 0.03);
    const label = tile(el, 'BTC').querySelector('.label')!;
    expect(label.textContent!.replace(/\s+/g, ' ').trim()).to.equal('BTC +1.50% $67,000.00');
    expect(parseFloat(getComputedStyle(label).fontSize)).to.be.at.least(12);
  });

  it('colours by the chosen range: blue up, orange down, grey for none; 1 h and 7 d from the facts', async () => {
    const { feed, relay } = scriptedRelay('heatmap');
    feed.assets = async () => sampleAssets(PRICES);
    const el = await heatmap(relay, { symbols: 'BTC,ETH,ADA' });
    await live(el, feed, ['BTC', 'ETH', 'ADA']);
    const fill = (symbol: string) =>
      getComputedStyle(tile(el, symbol).querySelector('.face')!)
        .backgroundColor.match(/\d+/g)!
        .map(Number);
    const [r, , b] = fill('BTC');
    expect(b, 'a rise is blue').to.be.greaterThan(r!);
    const [r2, , b2] = fill('ETH');
    expect(r2, 'a fall is orange').to.be.greaterThan(b2!);
    const [r3, g3, b3] = fill('ADA');
    expect(Math.max(r3!, g3!, b3!) - Math.min(r3!, g3!, b3!), 'no change is grey').to.be.below(12);
    el.range = '7d';
    await waitUntil(
      () => root(el).querySelector('[role="columnheader"]:nth-child(2)')?.textContent === '7d',
      'the 7 d change heads the figures',
    );
    // BTC's 7 d change is the facts' (rank 1: −2.4 %), not the stream's 24 h.
    expect(tile(el, 'BTC').querySelector('.change')?.textContent).to.equal('−2.40%');
  });

  it('moves prices live without laying tiles out again, and lays out again when an asset passes another', async () => {
    const { feed, relay } = scriptedRelay('heatmap');
    feed.assets = async () => sampleAssets(PRICES);
    const el = await heatmap(relay, { symbols: 'BTC,ETH,SOL' });
    await live(el, feed, ['BTC', 'ETH', 'SOL']);
    await waitUntil(() => tiles(el)[0]?.dataset.symbol === 'BTC', 'ranked');
    const before = places(el);
    tick(feed, 'BTC', 67_400, 2.1);
    await waitUntil(
      () => tile(el, 'BTC').querySelector('.change')?.textContent === '+2.10%',
      'the tick shows',
    );
    expect(places(el)).to.deep.equal(before, 'the tiles hold still');
    // ETH at 12,000 is worth more than BTC at 67,000 (120.7 M × 12,000 > 19.96 M × 67,400).
    tick(feed, 'ETH', 12_000, 240);
    await waitUntil(() => tiles(el)[0]?.dataset.symbol === 'ETH', 'ETH is first now');
    expect(places(el)).not.to.deep.equal(before);
  });

  it('keeps tiles in place while the pointer is in the map, and lays them out again after', async () => {
    const { feed, relay } = scriptedRelay('heatmap');
    feed.assets = async () => sampleAssets(PRICES);
    const el = await heatmap(relay, { symbols: 'BTC,ETH,SOL' });
    await live(el, feed, ['BTC', 'ETH', 'SOL']);
    await waitUntil(() => tiles(el)[0]?.dataset.symbol === 'BTC', 'ranked');
    const before = places(el);
    const map = root(el).querySelector('.map')!;
    map.dispatchEvent(new PointerEvent('pointerenter'));
    tick(feed, 'ETH', 12_000, 240);
    await waitUntil(
      () => tile(el, 'ETH').querySelector('.change')?.textContent === '+240.00%',
      'the tick shows',
    );
    expect(places(el)).to.deep.equal(before, 'held under the pointer');
    expect(tiles(el)[0]?.dataset.symbol).to.equal('BTC');
    map.dispatchEvent(new PointerEvent('pointerleave'));
    await waitUntil(() => tiles(el)[0]?.dataset.symbol === 'ETH', 'laid out once the pointer left');
  });

  it('shows a tile’s facts on hover and focus, and moves between tiles by arrow keys (one tab stop)', async () => {
    const { feed, relay } = scriptedRelay('heatmap');
    feed.assets = async () => sampleAssets(PRICES);
    const el = await heatmap(relay, { symbols: 'BTC,ETH,SOL,DOGE,ADA' });
    await live(el, feed);
    await waitUntil(() => tiles(el)[0]?.dataset.symbol === 'BTC', 'ranked');
    const stops = [...root(el).querySelectorAll('[tabindex="0"]')];
    expect(stops).to.have.length(1, 'one tab stop: the roving tabindex');
    tile(el, 'ETH').dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => root(el).querySelector('[part="tooltip"]'), 'the facts show on hover');
    const tooltip = () =>
      root(el).querySelector('[part="tooltip"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(tooltip()).to.equal('Ethereum ETH Price $3,500.00 24h −2.10% Market cap $422B');
    (stops[0] as HTMLElement).focus();
    await waitUntil(() => tooltip().startsWith('Bitcoin'), 'the facts follow focus');
    await sendKeys({ press: 'ArrowRight' });
    const focused = () => root(el).activeElement?.closest<HTMLElement>('.tile')?.dataset.symbol;
    await waitUntil(() => focused() !== 'BTC', 'an arrow moves focus');
    expect(root(el).querySelectorAll('[tabindex="0"]')).to.have.length(1);
    await sendKeys({ press: 'End' });
    await waitUntil(() => focused() === 'ADA', 'End: the smallest');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => focused() === 'BTC', 'Home: the largest');
  });

  it('is a grid to screen readers: a row per asset, its name as row header, change, price and market cap', async () => {
    const { feed, relay } = scriptedRelay('heatmap');
    feed.assets = async () => sampleAssets(PRICES);
    const el = await heatmap(relay, { symbols: 'BTC,ETH' });
    await live(el, feed, ['BTC', 'ETH']);
    await waitUntil(
      () => root(el).querySelector('[role="rowheader"]')?.textContent?.includes('Bitcoin'),
      'names',
    );
    const grid = root(el).querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-labelledby')).to.equal('title');
    expect(partText(el, 'title')).to.equal('Market heatmap');
    const headers = [...grid.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent);
    expect(headers).to.deep.equal(['Asset', '24h', 'Price', 'Market cap']);
    const row = grid.querySelectorAll('.tile')[0]!;
    const cells = [
      ...row.querySelectorAll('[role="rowheader"] > .visually-hidden, [role="gridcell"]'),
    ];
    expect(cells.map((c) => c.textContent)).to.deep.equal([
      'Bitcoin (BTC)',
      '+1.50%',
      '$67,000.00',
      '$1.34T',
    ]);
    await expect(el).to.be.accessible();
  });

  it('resizes with its box, and at 200 px still fills it', async () => {
    const { feed, relay } = scriptedRelay('heatmap');
    feed.assets = async () => sampleAssets(PRICES);
    const el = await heatmap(relay, { symbols: 'BTC,ETH,SOL,DOGE,ADA', width: 800 });
    await live(el, feed);
    const map = root(el).querySelector('.map')!;
    const wide = map.getBoundingClientRect().width;
    el.parentElement!.style.width = '200px';
    await waitUntil(() => map.getBoundingClientRect().width < wide / 2, 'narrower');
    await waitUntil(() => {
      const box = map.getBoundingClientRect();
      return tiles(el).every((t) => {
        const r = t.getBoundingClientRect();
        return r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5;
      });
    }, 'every tile inside the map');
    const sum = tiles(el).reduce((s, t) => s + area(t), 0);
    expect(sum / area(map)).to.be.closeTo(1, 0.02);
  });

  it('right to left, the largest tile starts at the top right', async () => {
    const { feed, relay } = scriptedRelay('heatmap');
    feed.assets = async () => sampleAssets(PRICES);
    const box = await fixture<HTMLDivElement>(html`<div dir="rtl" style="width: 600px">
      <price-heatmap symbols="BTC,ETH,SOL" relay=${relay} locale="en-US"></price-heatmap>
    </div>`);
    const el = box.querySelector('price-heatmap')!;
    await live(el, feed, ['BTC', 'ETH', 'SOL']);
    await waitUntil(() => tiles(el)[0]?.dataset.symbol === 'BTC', 'ranked');
    const map = root(el).querySelector('.map')!.getBoundingClientRect();
    const btc = tile(el, 'BTC').getBoundingClientRect();
    expect(btc.right).to.be.closeTo(map.right, 1);
    expect(btc.top).to.be.closeTo(map.top, 1);
  });

  it('top: the relay’s first by market cap; without market caps, tiles of one size, and it says so', async () => {
    const { feed, relay } = scriptedRelay('heatmap');
    feed.assets = async () => sampleAssets(PRICES);
    const el = await heatmap(relay, { top: 3 });
    await waitUntil(() => feed.watchedSymbols.length === 3, 'the top three are watched');
    expect(feed.watchedSymbols).to.deep.equal(['BTC', 'ETH', 'SOL']);

    const { feed: bare, relay: bareRelay } = scriptedRelay('heatmap');
    bare.assets = async () => null;
    const plain = await heatmap(bareRelay, { symbols: 'BTC,ETH' });
    await live(plain, bare, ['BTC', 'ETH']);
    await waitUntil(() => partText(plain, 'note') !== '', 'the note');
    expect(partText(plain, 'note')).to.equal(
      'This relay has no market caps: every tile is the same size.',
    );
    const [a, b] = tiles(plain).map(area);
    expect(a).to.be.closeTo(b!, 1);
    expect(el.state).to.not.equal('error');
  });

  it('says every state: stale, offline, paused, and an error for symbols the relay lacks', async () => {
    const { feed, relay } = scriptedRelay('heatmap');
    const el = await heatmap(relay, { symbols: 'BTC,ETH' });
    await live(el, feed, ['BTC', 'ETH']);
    expect(partText(el, 'state')).to.equal('Live');
    feed.send({ type: 'status', data: { sources: [], stale: ['BTC'] } });
    await waitUntil(() => el.state === 'stale', 'stale');
    expect(tile(el, 'BTC').classList.contains('stale')).to.equal(true);
    feed.setState('offline');
    await waitUntil(() => el.state === 'offline', 'offline');
    expect(partText(el, 'state')).to.equal('Offline, reconnecting…');
    expect(tiles(el)).to.have.length(2, 'the last prices stay');
    feed.setState('live');
    feed.pause();
    await waitUntil(() => el.state === 'paused', 'paused');
    feed.resume();

    const { feed: other, relay: otherRelay } = scriptedRelay('heatmap');
    const wrong = await heatmap(otherRelay, { symbols: 'NOPE' });
    other.send({ type: 'snapshot', data: sampleSnapshot([], ['NOPE']) });
    await waitUntil(() => wrong.state === 'error', 'error');
    expect(partText(wrong, 'message')).to.equal('The relay does not list NOPE.');
    expect(tiles(wrong)).to.have.length(0);
  });

  it('writes a name from the relay as text, never as markup', async () => {
    const { feed, relay } = scriptedRelay('heatmap');
    const facts = sampleAssets(PRICES);
    facts.assets.BTC!.name = '<img src=x onerror=alert(1)>Bit';
    feed.assets = async () => facts;
    const el = await heatmap(relay, { symbols: 'BTC,ETH' });
    await live(el, feed, ['BTC', 'ETH']);
    await waitUntil(
      () => root(el).querySelector('[role="rowheader"]')?.textContent?.includes('Bit'),
      'name',
    );
    expect(root(el).querySelector('img')).to.equal(null);
  });

  it('stops watching and observing when removed from the page', async () => {
    const { feed, relay } = scriptedRelay('heatmap');
    const el = await heatmap(relay, { symbols: 'BTC' });
    await el.updateComplete;
    expect(feed.watchedSymbols).to.deep.equal(['BTC']);
    el.remove();
    expect(feed.watchedSymbols).to.deep.equal([]);
  });
});
