import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Relay } from '../packages/relay/src/relay.js';
import { launchChromium } from './support/browser.js';
import { startDemoRelay } from './support/demo-relay.js';
import { serveHostPage } from './support/host-page.js';

/**
 * A page of its own origin with `body` in its <main>, reading a demo relay (of `env`), in
 * Chromium: opened before the tests of the \`describe\` it is called in, once `ready` (an
 * expression) holds in it, and closed after them.
 */
function elementPage(
  body: (relay: string) => string,
  ready: string,
  env: Record<string, string> = {},
): { page: Page } {
  const opened = {} as { page: Page };
  let relay: Relay | undefined;
  let browser: Browser | undefined;
  let host: { url: string; close(): Promise<void> } | undefined;
  before(async () => {
    relay = await startDemoRelay(env);
    host = await serveHostPage(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="${relay.url}/widgets.js"></script></head>
<body><main>${body(relay.url)}</main></body></html>`);
    browser = await launchChromium();
    opened.page = await browser.newPage();
    await opened.page.goto(host.url);
    await opened.page.waitForFunction(ready);
  });
  after(async () => {
    await browser?.close();
    await host?.close();
    await relay?.stop();
  });
  return opened;
}

/** The demo page as a screen reader and a keyboard user meet it, in Chromium. */
describe('the demo page, by accessibility tree and keyboard', () => {
  let relay: Relay;
  let browser: Browser;
  let page: Page;

  before(async () => {
    relay = await startDemoRelay();
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${relay.url}/`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('price-card')].every(
        (card) => card.getAttribute('state') === 'live',
      ),
    );
  });
  after(async () => {
    await browser?.close();
    await relay?.stop();
  });

  test('each card has one name and says its price once; the chart library’s markup is not read', async () => {
    // The chart's plot is named once its code and candles are in: later than the cards on a
    // loaded machine (CI read the tree before it once).
    await page
      .getByRole('img', { name: 'BTC, ETH, SOL, ADA, DOT: use the arrow keys to read each bucket' })
      .waitFor({ timeout: 15_000 });
    const tree = await page.locator('main').ariaSnapshot();
    const cards = [...tree.matchAll(/- article "(\w+) price":\n((?: {6}.*\n?)+)/g)];
    // The five of the relay's symbols, and a euro card and a pinned one under "Currencies and sources".
    assert.equal(cards.length, 7, tree);
    for (const [, symbol, body] of cards) {
      const prices = body!.match(/[$€][\d,]+\.\d+/g) ?? [];
      assert.equal(prices.length, 1, `${symbol}: ${body}`);
    }
    assert.ok(!/- table:/.test(tree), 'no table of canvases');
    assert.match(tree, /- '?img "BTC, ETH, SOL, ADA, DOT: use the arrow keys to read each bucket"/);
  });

  test('one polite sentence for the whole page, outside the elements, current when it speaks', async () => {
    const sentence = await page.waitForFunction(
      () => document.querySelector('[data-tickwire-announcer]')?.textContent || undefined,
      undefined,
      { timeout: 5_000 },
    );
    const text = (await sentence.jsonValue()) as string;
    assert.match(text, /^BTC \$[\d,.]+, (up|down) [\d.]+% in 24 hours; ETH \$/);
    assert.equal(
      await page.evaluate(() => document.querySelectorAll('[aria-live]').length),
      1,
      'one live region in the light DOM',
    );
  });

  test('the controls work by keyboard, with a visible focus ring', async () => {
    const focused = async () =>
      page.evaluate(() => {
        let element: Element | null = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        if (!element) return undefined;
        const style = getComputedStyle(element);
        return {
          text: element.textContent?.trim() ?? '',
          tag: element.tagName,
          ring: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 1,
        };
      });
    await page.keyboard.press('Tab');
    const pause = await focused();
    assert.equal(pause?.text, 'Pause');
    assert.ok(pause?.ring, 'the focused button shows a ring');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('price-card')].every(
        (card) => card.getAttribute('state') === 'paused',
      ),
    );
    assert.equal((await focused())?.text, 'Resume');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('price-card')].every(
        (card) => card.getAttribute('state') === 'live',
      ),
    );
    // On to the chart: its range buttons and its plot are reachable and show where focus is.
    const stops: { text: string; tag: string; ring: boolean }[] = [];
    for (let press = 0; press < 20; press++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (now) stops.push(now);
    }
    const range = stops.find((stop) => stop.text === '7D');
    assert.ok(
      range?.ring,
      `the range buttons are reachable: ${stops.map((s) => s.text || s.tag).join(' | ')}`,
    );
    const plot = stops.find((stop) => stop.tag === 'DIV' && stop.text === '');
    assert.ok(plot?.ring, 'the chart plot takes focus visibly');
  });
});

/** A converter as a screen reader and a keyboard user meet it, in Chromium. */
describe('<price-converter>, by accessibility tree and keyboard', () => {
  const shown = elementPage(
    () => '<price-converter from="BTC" to="EUR" amount="1" locale="en-US"></price-converter>',
    `document.querySelector('price-converter')?.getAttribute('state') === 'live'`,
    { CURRENCIES: 'USD,EUR,BTC' },
  );

  test('a named group: labelled fields, a named swap button, the result as text', async () => {
    const { page } = shown;
    const tree = await page.locator('main').ariaSnapshot();
    assert.match(tree, /- group "Convert BTC to EUR":/, tree);
    assert.match(tree, /- textbox "From": "1"/, tree);
    assert.match(tree, /- textbox "To": "?[\d,]+\.\d\d"?/, tree);
    assert.match(tree, /- combobox "Asset or currency to convert from": BTC/, tree);
    assert.match(tree, /- combobox "Asset or currency to convert to": EUR/, tree);
    assert.match(tree, /- button "Swap from and to"/, tree);
    assert.match(tree, /1\.00 BTC = €[\d,]+\.\d\d/, tree);
    assert.doesNotMatch(tree, /- status/, 'no live region in the element: ticks are not read out');
  });

  test('by keyboard: fields and the swap button in reading order, each with a focus ring; a bad amount is described and said', async () => {
    const { page } = shown;
    const focused = async () =>
      page.evaluate(() => {
        let element: Element | null = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        if (!element) return undefined;
        const style = getComputedStyle(element);
        return {
          name: element.getAttribute('aria-label') ?? element.id,
          ring: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 1,
        };
      });
    const stops: { name: string; ring: boolean }[] = [];
    for (let press = 0; press < 5; press++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (now) stops.push(now);
    }
    assert.deepEqual(
      stops.map((stop) => stop.name),
      [
        'from-amount',
        'Asset or currency to convert from',
        'Swap from and to',
        'to-amount',
        'Asset or currency to convert to',
      ],
    );
    assert.ok(
      stops.every((stop) => stop.ring),
      'every stop shows a ring',
    );
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focused())?.name, 'from-amount');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('abc');
    const tree = await page.locator('main').ariaSnapshot();
    assert.match(tree, /- textbox "From" \[invalid\]: abc/, tree);
    assert.match(tree, /abc\\?" is not an amount: write a number such as 1\.5\./, tree);
    const said = await page.waitForFunction(
      () => document.querySelector('[data-tickwire-announcer]')?.textContent || undefined,
      undefined,
      { timeout: 5_000 },
    );
    assert.equal(
      await said.jsonValue(),
      '"abc" is not an amount: write a number such as 1.5.',
      'said once through the page announcer',
    );
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2');
    await page.waitForFunction(() =>
      /^2\.00 BTC is €[\d,]+\.\d\d$/.test(
        document.querySelector('[data-tickwire-announcer]')?.textContent ?? '',
      ),
    );
  });
});

/** A market table as a screen reader and a keyboard user meet it, in Chromium. */
describe('<market-table>, by accessibility tree and keyboard', () => {
  const shown = elementPage(
    (relay) =>
      `<market-table symbols="BTC,ETH,SOL" relay="${relay}/" locale="en-US"></market-table>`,
    `document.querySelector('market-table')?.getAttribute('state') === 'live'`,
  );

  test('a table named by its title, a header per column and per row, no live region', async () => {
    const { page } = shown;
    const tree = await page.locator('main').ariaSnapshot();
    assert.match(tree, /- table "Markets"/, tree);
    // The demo relay has asset facts: rank, names, market figures and 7-day lines as well.
    for (const column of ['Rank', 'Asset', 'Price', '24h', 'Market cap', 'Last 7 days'])
      assert.match(tree, new RegExp(`- columnheader "${column}"`), `${column}: ${tree}`);
    for (const asset of ['Bitcoin BTC', 'Ethereum ETH', 'Solana SOL'])
      assert.match(tree, new RegExp(`- rowheader "${asset}"`), `${asset}: ${tree}`);
    assert.match(tree, /img "7d: (up|down|unchanged)"/, 'each line says its span and direction');
    assert.equal(
      await page.evaluate(
        () =>
          document.querySelector('market-table')?.shadowRoot?.querySelectorAll('[aria-live]')
            .length,
      ),
      0,
      'prices that move every second are not read out',
    );
  });

  test('headers sort by keyboard, with a visible focus ring, and say how in aria-sort', async () => {
    const { page } = shown;
    const focused = () =>
      page.evaluate(() => {
        let element: Element | null = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        const style = element && getComputedStyle(element);
        return {
          text: element?.textContent?.trim() ?? '',
          ring:
            !!style && style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 1,
        };
      });
    const sortOf = (column: string) =>
      page.evaluate(
        (name) =>
          document
            .querySelector('market-table')
            ?.shadowRoot?.querySelector(`thead .col-${name}`)
            ?.getAttribute('aria-sort') ?? null,
        column,
      );
    await page.keyboard.press('Tab');
    assert.match((await focused()).text, /Rank$/);
    assert.ok((await focused()).ring, 'the focused header shows a ring');
    await page.keyboard.press('Tab');
    assert.equal((await focused()).text, 'Asset');
    await page.keyboard.press('Tab');
    assert.equal((await focused()).text, 'Price');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        document
          .querySelector('market-table')
          ?.shadowRoot?.querySelector('thead .col-price')
          ?.getAttribute('aria-sort') === 'descending',
    );
    const prices = await page.evaluate(() =>
      [
        ...(document.querySelector('market-table')?.shadowRoot?.querySelectorAll('tbody .symbol') ??
          []),
      ].map((cell) => cell.textContent),
    );
    assert.deepEqual(prices, ['BTC', 'ETH', 'SOL'], 'largest price first');
    await page.keyboard.press('Space');
    await page.waitForFunction(
      () =>
        document
          .querySelector('market-table')
          ?.shadowRoot?.querySelector('thead .col-price')
          ?.getAttribute('aria-sort') === 'ascending',
    );
    assert.equal(await sortOf('asset'), null, 'one column at a time');
  });
});

/** A heatmap as a screen reader and a keyboard user meet it, in Chromium. */
describe('<price-heatmap>, by accessibility tree and keyboard', () => {
  const shown = elementPage(
    (relay) =>
      `<price-heatmap symbols="BTC,ETH,SOL,ADA,DOGE" relay="${relay}/" locale="en-US"></price-heatmap>`,
    `document.querySelector('price-heatmap')?.getAttribute('state') === 'live' &&
      !!document.querySelector('price-heatmap')?.shadowRoot?.querySelector('[role="rowheader"]')?.textContent?.includes('Bitcoin')`,
  );

  test('a grid named by its title, a header per column, a row per asset named by its asset, no live region', async () => {
    const { page } = shown;
    const tree = await page.locator('main').ariaSnapshot();
    assert.match(tree, /- grid "Market heatmap"/, tree);
    for (const column of ['Asset', '24h', 'Price', 'Market cap'])
      assert.match(tree, new RegExp(`- columnheader "${column}"`), `${column}: ${tree}`);
    for (const asset of ['Bitcoin \\(BTC\\)', 'Ethereum \\(ETH\\)', 'Solana \\(SOL\\)'])
      assert.match(tree, new RegExp(`- rowheader "${asset}"`), `${asset}: ${tree}`);
    assert.match(tree, /- gridcell "[+−]?\d+\.\d\d%"/, 'each row has its change');
    assert.equal(
      await page.evaluate(
        () =>
          document.querySelector('price-heatmap')?.shadowRoot?.querySelectorAll('[aria-live]')
            .length,
      ),
      0,
      'prices that move every second are not read out',
    );
  });

  test('one tab stop; arrow keys move between tiles with a visible focus ring; Home and End', async () => {
    const { page } = shown;
    const focused = () =>
      page.evaluate(() => {
        let element: Element | null = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        const style = element && getComputedStyle(element);
        return {
          symbol: (element?.closest('[data-symbol]') as HTMLElement | null)?.dataset.symbol,
          ring: !!style && style.boxShadow !== 'none',
          // Each line of the facts, their name and figure apart (the build drops the spaces between).
          tooltip: [
            ...(document
              .querySelector('price-heatmap')
              ?.shadowRoot?.querySelectorAll('[part="tooltip"] :is(strong, dt, dd)') ?? []),
          ]
            .map((line) => line.textContent?.trim())
            .join(' '),
        };
      });
    await page.keyboard.press('Tab');
    const first = await focused();
    assert.equal(first.symbol, 'BTC', 'the largest first');
    assert.ok(first.ring, 'the focused tile shows a ring');
    assert.match(first.tooltip, /^Bitcoin BTC Price \$[\d,.]+ 24h [+−]?\d+\.\d\d% Market cap \$/);
    await page.keyboard.press('ArrowRight');
    assert.notEqual((await focused()).symbol, 'BTC', 'an arrow moves to the tile beside');
    await page.keyboard.press('End');
    const last = (await focused()).symbol;
    await page.keyboard.press('Home');
    assert.equal((await focused()).symbol, 'BTC');
    assert.notEqual(last, 'BTC');
    await page.keyboard.press('Tab');
    assert.equal((await focused()).symbol, undefined, 'one tab stop: Tab leaves the heatmap');
  });
});
