import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import sanitizeHtml from 'sanitize-html';
import { ELEMENT_ATTRIBUTES, ELEMENT_TAGS } from '../packages/widgets/src/allowlist.js';
import { serveHostPage } from './support/host-page.js';
import { relayAndChromium } from './support/relay-and-chromium.js';

/** What an editor pastes into a CMS: the elements, and what a sanitizer is there to remove. */
const snippet = (relay: string) => `<h2>Markets</h2>
<price-card symbol="BTC" relay="${relay}" theme="dark"></price-card>
<live-chart symbols="BTC,ETH" relay="${relay}" scale="percent"></live-chart>
<p onclick="alert(1)">Prices update live.<script>alert(1)</script></p>`;

/** JSON safe inside an inline <script>: a `</script>` in it must not end the script. */
const inlineJson = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

/** The allowlists docs/embedding.md gives, built from the widgets' one list. */
const DOMPURIFY_ALLOWLIST = {
  ADD_TAGS: ELEMENT_TAGS,
  ADD_ATTR: [...new Set(Object.values(ELEMENT_ATTRIBUTES).flat())],
};
const SANITIZE_HTML_ALLOWLIST: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, ...ELEMENT_TAGS],
  allowedAttributes: {
    ...sanitizeHtml.defaults.allowedAttributes,
    ...Object.fromEntries(
      Object.entries(ELEMENT_ATTRIBUTES).map(([tag, names]) => [tag, [...names]]),
    ),
  },
};

/**
 * A CMS stores what its sanitizer lets through. On their defaults DOMPurify and
 * sanitize-html strip the elements; with the allowlists of docs/embedding.md the elements survive —
 * still without scripts or event handlers — and come alive on the page.
 */
describe('CMS sanitizers', () => {
  const started = relayAndChromium();

  /** Opens `body` on a page with the widgets; runs `check` there. */
  async function onPage<T>(body: string, check: (page: Page) => Promise<T>): Promise<T> {
    const host = await serveHostPage(
      `<!doctype html><script type="module" src="${started.relay.url}/widgets.js"></script>${body}`,
    );
    const page = await started.browser.newPage();
    try {
      await page.goto(host.url);
      return await check(page);
    } finally {
      await page.close();
      await host.close();
    }
  }

  const allLive = (page: Page) =>
    page.waitForFunction(() =>
      ['price-card', 'live-chart'].every(
        (tag) => document.querySelector(tag)?.getAttribute('state') === 'live',
      ),
    );

  test('sanitize-html: stripped by default; with the allowlist, live elements and no script', async () => {
    const html = snippet(`${started.relay.url}/`);
    const stripped = sanitizeHtml(html);
    assert.doesNotMatch(stripped, /price-card|live-chart/);

    const kept = sanitizeHtml(html, SANITIZE_HTML_ALLOWLIST);
    assert.match(kept, /<price-card symbol="BTC" relay="[^"]+" theme="dark"><\/price-card>/);
    assert.doesNotMatch(kept, /<script|onclick/);
    await onPage(kept, allLive);
  });

  test('DOMPurify in the browser: stripped by default; with the allowlist, live elements and no script', async () => {
    // DOMPurify's own ES build, inlined into the page as a CMS's editor script would load it.
    const purify = await readFile(fileURLToPath(import.meta.resolve('dompurify')), 'utf8');
    const results = await onPage(
      `<div id="default"></div><div id="allowed"></div>
      <script type="module">
      import purify from 'data:text/javascript;base64,${Buffer.from(purify).toString('base64')}';
      const html = ${inlineJson(snippet(`${started.relay.url}/`))};
      document.querySelector('#default').innerHTML = purify.sanitize(html);
      document.querySelector('#allowed').innerHTML = purify.sanitize(html, ${JSON.stringify(DOMPURIFY_ALLOWLIST)});
      </script>`,
      async (page) => {
        await allLive(page);
        return page.evaluate(() => ({
          stripped: document.querySelector('#default')?.innerHTML ?? '',
          kept: document.querySelector('#allowed')?.innerHTML ?? '',
        }));
      },
    );
    assert.doesNotMatch(results.stripped, /price-card|live-chart/);
    assert.match(results.kept, /<price-card symbol="BTC"/);
    assert.doesNotMatch(results.kept, /<script|onclick/);
  });
});
