import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import { pino } from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../packages/relay/src/config.js';
import { createRelay, type Relay } from '../packages/relay/src/relay.js';
import { DemoSource } from '../packages/relay/src/sources/demo.js';
import { ELEMENT_ATTRIBUTES } from '../packages/widgets/src/allowlist.js';
import { launchChromium } from './support/browser.js';
import { startDemoRelay, WIDGETS_DIR } from './support/demo-relay.js';
import { serveHostPage } from './support/host-page.js';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** What the builder shows: the preview element's tag and attributes, its width, the snippets. */
interface Shown {
  tag: string;
  attributes: Record<string, string>;
  widthPx: number;
  html: string;
  npm: string;
  cms: string;
}

const shown = (page: Page): Promise<Shown> =>
  page.evaluate(() => {
    const element = document.querySelector('#preview > *')!;
    const attributes: Record<string, string> = {};
    for (const name of element.getAttributeNames())
      if (name !== 'state' && name !== 'style') attributes[name] = element.getAttribute(name)!;
    // No inner functions: tsx would name them with a helper the page does not have.
    const [html, npm, cms] = ['snippet-html', 'snippet-npm', 'snippet-cms'].map(
      (id) => document.getElementById(id)?.textContent ?? '',
    ) as [string, string, string];
    return {
      tag: element.localName,
      attributes,
      widthPx: element.getBoundingClientRect().width,
      html,
      npm,
      cms,
    };
  });

/** Waits until the preview's element is live. */
const previewLive = (page: Page) =>
  page.waitForFunction(
    () => document.querySelector('#preview > *')?.getAttribute('state') === 'live',
    undefined,
    { timeout: 15_000 },
  );

/** axe's violations on the page as it is (run in the page, which its CSP does not stop). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as {
        axe: {
          run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run();
    return violations.map(
      ({ id, nodes }) => `${id}: ${nodes.map(({ target }) => target.join(' ')).join(', ')}`,
    );
  });
}

describe('the embed builder, in Chromium on the demo market', () => {
  let relay: Relay;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Errors in the page, a CSP violation among them. */
  const problems: string[] = [];

  before(async () => {
    relay = await startDemoRelay({ CURRENCIES: 'USD,EUR' });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
    page = await context.newPage();
    // With its stack: an error in a chunk is found from where it was thrown.
    page.on('pageerror', (error) => problems.push(error.stack ?? error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${relay.url}/builder`);
    await previewLive(page);
  });
  after(async () => {
    await browser?.close();
    await relay?.stop();
  });

  test('every control changes the preview’s attributes and the snippets', async () => {
    const first = await shown(page);
    assert.equal(first.tag, 'price-card');
    assert.deepEqual(first.attributes, { symbol: 'BTC', theme: 'auto' });
    assert.ok(first.html.includes(`<script type="module" src="${relay.url}/widgets.js"></script>`));
    assert.ok(first.html.endsWith('<price-card symbol="BTC"></price-card>'), first.html);
    assert.ok(first.npm.includes("import '@tickwire/widgets/price-card.js';"), first.npm);
    assert.ok(first.npm.includes(`setRelay('${relay.url}/');`), first.npm);
    assert.ok(first.cms.includes("ADD_TAGS: ['price-card']"), first.cms);
    assert.ok(await page.locator('#range').isHidden(), 'a card has no range');

    await page.selectOption('#element', 'live-chart');
    let now = await shown(page);
    assert.equal(now.tag, 'live-chart');
    assert.equal(now.attributes.symbols, 'BTC,ETH,SOL', 'the list comes back for a chart');
    assert.ok(now.html.endsWith('<live-chart symbols="BTC,ETH,SOL"></live-chart>'), now.html);
    assert.ok(now.npm.includes("import '@tickwire/widgets/live-chart.js';"));
    assert.ok(now.cms.includes("'live-chart': ['symbols', 'range', 'type'"), now.cms);
    assert.equal(await page.locator('label[for="symbols"]').textContent(), 'Symbols');

    const steps: [control: string, value: string, attribute: string][] = [
      ['#symbols', 'BTC,ETH', 'symbols="BTC,ETH"'],
      ['#currency', 'EUR', 'currency="EUR"'],
      ['#range', '7d', 'range="7d"'],
      ['#layout', 'tabs', 'layout="tabs"'],
      ['#type', 'area', 'type="area"'],
      ['#scale', 'price', 'scale="price"'],
      ['#show', 'name,logo', 'show="name,logo"'],
      ['#theme', 'dark', 'theme="dark"'],
      ['#locale', 'de', 'locale="de"'],
    ];
    for (const [control, value, written] of steps) {
      if (control === '#symbols') await page.fill(control, value);
      else await page.selectOption(control, value);
      now = await shown(page);
      const [name] = written.split('=') as [string];
      assert.equal(now.attributes[name], value, `${control} sets the preview's ${name}`);
      assert.ok(now.html.includes(` ${written}`), `${control}: ${now.html}`);
      assert.ok(now.npm.includes(` ${written}`), `${control}: ${now.npm}`);
    }

    await page.selectOption('#width', '480');
    now = await shown(page);
    assert.equal(now.widthPx, 480);
    // The width rides in tickwire.css's class: no <style> rule, which a strict CSP drops.
    assert.equal(now.attributes.class, 'tickwire-width-480');
    assert.ok(now.html.endsWith(' class="tickwire-width-480"></live-chart>'), now.html);
    assert.ok(!now.html.includes('<style'), now.html);
    assert.ok(now.npm.includes('live-chart { width: 480px; max-width: 100%; }'));
    assert.ok(now.cms.includes("'class'"), `the sanitizer keeps the class: ${now.cms}`);
    await page.selectOption('#width', '');
    assert.equal((await shown(page)).attributes.class ?? '', '', 'free again: no class');
    await page.selectOption('#width', '480');

    await page.selectOption('#element', 'price-ticker');
    await page.selectOption('#layout', 'tape');
    now = await shown(page);
    assert.equal(now.tag, 'price-ticker');
    assert.equal(now.attributes.layout, 'tape');
    assert.ok(
      now.html.includes(
        '<price-ticker symbols="BTC,ETH" layout="tape" show="name,logo" currency="EUR"',
      ),
      `the chart's show carries over to the ticker: ${now.html}`,
    );
    assert.ok(await page.locator('#range').isHidden(), 'a ticker has no range');

    assert.ok(await page.locator('#type').isHidden(), 'a ticker has no chart type');
    await page.selectOption('#show', 'name');
    now = await shown(page);
    assert.equal(now.attributes.show, 'name');
    assert.ok(now.html.includes(' show="name"'), now.html);

    for (const tag of ['market-table', 'price-heatmap']) {
      await page.selectOption('#element', tag);
      assert.ok(await page.locator('#show').isHidden(), `${tag} shows names already`);
      await page.selectOption('#top', '20');
      now = await shown(page);
      assert.equal(now.attributes.top, '20', `${tag}: top sets the preview's top`);
      // The element reflects an empty `symbols` of its own; the builder sets none.
      assert.ok(!now.attributes.symbols, `${tag}: the top names its own assets`);
      assert.ok(!now.html.includes('symbols='), now.html);
      assert.ok(now.html.includes(`<${tag} top="20"`), now.html);
      assert.ok(now.npm.includes(`<${tag} top="20"`), now.npm);
      assert.ok(await page.locator('#symbols').isHidden(), 'no symbols to type for the top');
      await page.selectOption('#top', '');
      now = await shown(page);
      assert.equal(now.attributes.symbols, 'BTC,ETH', `${tag}: the symbols typed again`);
      assert.equal(now.attributes.top, undefined);
    }

    await page.selectOption('#element', 'price-converter');
    assert.equal(await page.locator('label[for="symbols"]').textContent(), 'Convert from');
    assert.equal((await shown(page)).attributes.from, 'BTC');
    assert.ok(await page.locator('#top').isHidden(), 'a converter has no top');
    // What it converts to is checked as the symbols are: an asset or a currency of this relay.
    await page.fill('#to', 'ETHH');
    await page
      .locator('#to-hint', { hasText: 'Not an asset or a currency of this relay: ETHH.' })
      .waitFor({ timeout: 5_000 });
    await page.fill('#to', 'JPY');
    assert.match(
      (await page.locator('#to-hint').textContent()) ?? '',
      /Not an asset or a currency of this relay: JPY\. Its currencies: USD, EUR\./,
    );
    await page.fill('#to', 'EUR');
    assert.doesNotMatch((await page.locator('#to-hint').textContent()) ?? '', /Not an asset/);
    await page.fill('#to', 'ETH');
    assert.doesNotMatch((await page.locator('#to-hint').textContent()) ?? '', /Not an asset/);
    await page.fill('#amount', '2.5');
    now = await shown(page);
    assert.equal(now.attributes.to, 'ETH');
    assert.equal(now.attributes.amount, '2.5');
    assert.ok(now.html.includes('<price-converter from="BTC" to="ETH" amount="2.5"'), now.html);
    assert.ok(now.npm.includes('<price-converter from="BTC" to="ETH" amount="2.5"'), now.npm);

    await page.selectOption('#element', 'stream-controls');
    assert.ok(await page.locator('#symbols').isHidden(), 'the controls take no symbols');
    assert.ok((await shown(page)).html.includes('<stream-controls currency="EUR"'));
  });

  test('typed text reaches the snippet escaped and the preview as an attribute, never as markup', async () => {
    await page.selectOption('#element', 'price-card');
    const hostile = 'BTC"><img src=x id=injected>';
    await page.fill('#symbols', hostile);
    const now = await shown(page);
    assert.equal(now.attributes.symbol, hostile);
    assert.ok(now.html.includes('symbol="BTC&#34;&#62;&#60;img src=x id=injected&#62;"'), now.html);
    assert.equal(await page.locator('#injected').count(), 0);
    await page.fill('#symbols', 'BTC');
  });

  test('a symbol the relay does not list is named under the field, and the preview names the listed one meant, in its language', async () => {
    await page.selectOption('#element', 'price-card');
    await page.fill('#symbols', 'DOGEE');
    await page
      .locator('#symbols-hint', { hasText: 'Not listed by this relay: DOGEE.' })
      .waitFor({ timeout: 5_000 });
    // The preview reads German (locale="de", chosen above): "… vielleicht DOGE/EUR?", the
    // names isolated from the sentence (U+2068 … U+2069), the slash joined (U+2060).
    await page.waitForFunction(
      () =>
        document
          .querySelector('#preview > price-card')
          ?.shadowRoot?.textContent?.match(/vielleicht \u2068DOGE(\u2060\/\u2060EUR)?\u2069\?/),
      undefined,
      { timeout: 10_000 },
    );
    await page.fill('#symbols', 'BTC');
    assert.doesNotMatch((await page.locator('#symbols-hint').textContent()) ?? '', /Not listed/);
  });

  test('where the clipboard refuses, the snippet is selected for the reader to copy', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${relay.url}/builder`);
    await tab.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied'));
    });
    await tab.click('button[data-copy="snippet-npm"]');
    await tab.locator('[data-copied="snippet-npm"]', { hasText: 'press Ctrl+C' }).waitFor();
    const selected = await tab.evaluate(() => getSelection()?.toString());
    assert.equal(selected, await tab.locator('#snippet-npm').textContent());
    await tab.close();
  });

  test('the copied snippet, pasted into a blank page on another origin, is the same element, live', async () => {
    await page.selectOption('#element', 'live-chart');
    await page.fill('#symbols', 'ETH,SOL');
    await page.selectOption('#range', '24h');
    await page.selectOption('#layout', 'overlay');
    await page.selectOption('#theme', 'dark');
    await page.selectOption('#currency', '');
    await page.selectOption('#locale', 'fr');
    await previewLive(page);
    await page.click('button[data-copy="snippet-html"]');
    await page.locator('[data-copied="snippet-html"]', { hasText: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const { html, attributes } = await shown(page);
    assert.equal(copied, html);

    const host = await serveHostPage(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A blog post</title></head>
<body><h1>A blog post</h1>
${copied}
</body></html>`);
    try {
      const blog = await browser.newPage();
      await blog.goto(host.url);
      await blog.waitForFunction(
        () => document.querySelector('live-chart')?.getAttribute('state') === 'live',
        undefined,
        { timeout: 15_000 },
      );
      const pasted = await blog.evaluate(() => {
        const chart = document.querySelector('live-chart')!;
        return Object.fromEntries(
          chart
            .getAttributeNames()
            .filter((name) => name !== 'state')
            .map((name) => [name, chart.getAttribute(name)]),
        );
      });
      // The preview also sets what the snippet leaves to its default (range 24h); what the
      // pasted element has (the snippet's, and what it reflects itself) is the preview's.
      for (const name of ['symbols', 'theme', 'locale']) assert.ok(name in pasted, name);
      // Its width from the relay's tickwire.css class, no <style> rule needed.
      const widthPx = await blog.evaluate(
        () => document.querySelector('live-chart')!.getBoundingClientRect().width,
      );
      assert.equal(widthPx, 480, 'the chosen width, from tickwire.css');
      for (const [name, value] of Object.entries(pasted))
        assert.equal(value, attributes[name], `${name} as in the preview`);
      await blog.close();
    } finally {
      await host.close();
    }
  });

  test('the address keeps the choice: opened from it, the builder shows the same element and snippet', async () => {
    await page.selectOption('#element', 'price-ticker');
    await page.fill('#symbols', 'ETH,ADA');
    await page.selectOption('#layout', 'tape');
    await page.selectOption('#show', 'name,logo');
    await page.selectOption('#theme', 'light');
    const chosenHere = await shown(page);
    assert.equal(chosenHere.attributes.show, 'name,logo');
    assert.match(page.url(), /element=price-ticker/);
    const tab = await browser.newPage();
    await tab.goto(page.url());
    await previewLive(tab);
    const reopened = await shown(tab);
    assert.equal(reopened.tag, 'price-ticker');
    assert.deepEqual(reopened.attributes, chosenHere.attributes);
    assert.equal(reopened.html, chosenHere.html);
    // What the address asks and the builder does not offer is left at its default.
    await tab.goto(`${relay.url}/builder?element=not-an-element&theme=neon&symbols=SOL`);
    const fallback = await shown(tab);
    assert.equal(fallback.tag, 'price-card');
    assert.deepEqual(fallback.attributes, { symbol: 'SOL', theme: 'auto' });
    await tab.close();
  });

  test('the CMS lines run, and let through the element and every attribute of its allowlist', async () => {
    await page.selectOption('#element', 'live-chart');
    await page.selectOption('#width', '');
    const { cms } = await shown(page);
    const given: { dompurify?: unknown; sanitizeHtml?: unknown } = {};
    const DOMPurify = {
      sanitize: (_html: string, options: unknown) => {
        given.dompurify = options;
      },
    };
    const sanitizeHtml = Object.assign(
      (_html: string, options: unknown) => {
        given.sanitizeHtml = options;
      },
      { defaults: { allowedTags: ['p'], allowedAttributes: { a: ['href'] } } },
    );
    new Function('DOMPurify', 'sanitizeHtml', 'html', cms)(DOMPurify, sanitizeHtml, '');
    const attributes = [...ELEMENT_ATTRIBUTES['live-chart']];
    assert.deepEqual(given.dompurify, { ADD_TAGS: ['live-chart'], ADD_ATTR: attributes });
    assert.deepEqual(given.sanitizeHtml, {
      allowedTags: ['p', 'live-chart'],
      allowedAttributes: { a: ['href'], 'live-chart': attributes },
    });
  });

  test('nothing went wrong in the page: no error, no CSP violation', () => {
    assert.deepEqual(problems, []);
  });

  test('axe finds nothing, light and dark, card and chart', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const tab = await browser.newPage({ colorScheme, viewport: { width: 1200, height: 900 } });
      await tab.goto(`${relay.url}/builder`);
      await previewLive(tab);
      assert.deepEqual(await axeViolations(tab), [], `${colorScheme}, a card`);
      await tab.selectOption('#element', 'live-chart');
      await previewLive(tab);
      assert.deepEqual(await axeViolations(tab), [], `${colorScheme}, a chart`);
      await tab.close();
    }
  });

  test('by keyboard: the controls in order, each with a visible focus ring', async () => {
    const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await tab.goto(`${relay.url}/builder`);
    const path: string[] = [];
    for (let step = 0; step < 10; step += 1) {
      await tab.keyboard.press('Tab');
      path.push(
        await tab.evaluate(() => {
          const element = document.activeElement!;
          const style = getComputedStyle(element);
          const ring = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
          return `${element.id || element.localName}${ring ? '' : ' (no ring)'}`;
        }),
      );
    }
    // The link home, the options (a card has no range or layout), the preview (it scrolls
    // sideways when wider than its column), then the first snippet.
    assert.deepEqual(path, [
      'a',
      'element',
      'symbols',
      'currency',
      'show',
      'theme',
      'locale',
      'width',
      'preview',
      'pre',
    ]);
    // Arrow keys choose an element from the focused select, and the preview follows.
    await tab.focus('#element');
    await tab.keyboard.press('ArrowDown');
    assert.equal((await shown(tab)).tag, 'live-chart');
    await tab.close();
  });

  test('at 375 px the options stack above the preview; at 1,200 px they sit beside it', async () => {
    for (const [width, beside] of [
      [375, false],
      [1200, true],
    ] as const) {
      const tab = await browser.newPage({ viewport: { width, height: 900 } });
      await tab.goto(`${relay.url}/builder`);
      const controls = (await tab.locator('#builder-form').boundingBox())!;
      const preview = (await tab.locator('#preview').boundingBox())!;
      if (beside) assert.ok(preview.x >= controls.x + controls.width, `${width}: beside`);
      else assert.ok(preview.y >= controls.y + controls.height, `${width}: below`);
      const overflow = await tab.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.equal(overflow, 0, `${width}: the page does not scroll sideways`);
      await tab.close();
    }
  });
});

describe('the embed builder of a relay mounted on /prices', () => {
  test('its snippets name the mounted URL, and its preview is live', async () => {
    const relay = await createRelay({
      config: { ...loadConfig({ SYMBOLS: 'BTC,ETH' }), POLL_INTERVAL: 250 },
      sources: [new DemoSource({ seed: 5 })],
      log: pino({ level: 'silent' }),
      widgetsDir: WIDGETS_DIR,
    });
    const site = express();
    site.use('/prices', relay.app);
    const server = createServer(site).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/prices/builder`);
      await previewLive(page);
      const { html, npm } = await shown(page);
      assert.ok(html.includes(`src="${base}/prices/widgets.js"`), html);
      assert.ok(html.includes(`href="${base}/prices/tickwire.css"`), html);
      assert.ok(npm.includes(`setRelay('${base}/prices/');`), npm);
    } finally {
      await browser.close();
      await relay.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
