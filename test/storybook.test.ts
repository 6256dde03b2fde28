import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';

const STATIC = fileURLToPath(new URL('../storybook-static/', import.meta.url));

interface Entry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

/**
 * Run in the preview: shows story `id` as Storybook's own UI does (one preview, the story
 * switched over its channel, not the page reloaded) and settles once it has rendered, or
 * rejects with what went wrong. A string: a function compiled by tsx would carry helpers the
 * page lacks.
 */
const SHOW_STORY = `(id) => new Promise((resolve, reject) => {
  const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
  const failures = ['storyErrored', 'storyThrewException', 'storyMissing'];
  const stop = () => {
    clearTimeout(timer);
    channel.off('storyRendered', rendered);
    for (const name of failures) channel.off(name, failed);
  };
  const rendered = (renderedId) => {
    if (renderedId !== id) return;
    stop();
    resolve();
  };
  const failed = (detail) => {
    stop();
    reject(new Error(id + ': ' + JSON.stringify(detail)));
  };
  const timer = setTimeout(() => failed('not rendered in 10 s'), 10000);
  channel.on('storyRendered', rendered);
  for (const name of failures) channel.on(name, failed);
  channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
})`;

/** The built Storybook, served from 127.0.0.1, every story opened in Chromium. */
describe('the static Storybook', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const outside: string[] = [];

  before(async () => {
    assert.ok(
      existsSync(`${STATIC}index.json`),
      'storybook-static is built (npm run build-storybook)',
    );
    server = express().use(express.static(STATIC)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    page.on('request', (request) => {
      if (!/^(http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/.test(request.url()))
        outside.push(request.url());
    });
    // The preview, with no story yet: as in Storybook's UI, each test picks its stories.
    await page.goto(`${origin}/iframe.html`);
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  const showStory = (id: string) => page.evaluate(`(${SHOW_STORY})(${JSON.stringify(id)})`);
  const entries = (): Entry[] =>
    Object.values(
      (
        JSON.parse(readFileSync(`${STATIC}index.json`, 'utf8')) as {
          entries: Record<string, Entry>;
        }
      ).entries,
    );

  test('every story renders its element, with no page error and no request leaving 127.0.0.1', async () => {
    const stories = entries().filter((entry) => entry.type === 'story');
    assert.ok(stories.length >= 40, `${stories.length} stories`);
    for (const story of stories) {
      const tag = story.title.split('/').pop()!;
      await showStory(story.id);
      await page.waitForFunction(
        (name) => {
          const element = document.querySelector('#storybook-root')?.querySelector(name);
          return (
            Boolean(element?.shadowRoot?.childElementCount) &&
            element?.getAttribute('state') !== null
          );
        },
        tag,
        { timeout: 10_000 },
      );
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(outside, []);
  });

  test('the states shown are the states the stories name', async () => {
    for (const [id, state] of [
      ['elements-price-card--live', 'live'],
      ['elements-price-card--stale', 'stale'],
      ['elements-price-card--offline', 'offline'],
      ['elements-price-card--paused', 'paused'],
      ['elements-price-card--unknown-symbol', 'error'],
      ['elements-live-chart--all-unknown', 'error'],
      ['elements-live-chart--no-candles', 'error'],
      ['elements-live-chart--stale', 'stale'],
      ['elements-price-converter--stale', 'stale'],
      ['elements-price-converter--paused', 'paused'],
      ['elements-price-converter--cross-rate', 'live'],
      ['elements-price-converter--no-pair-without-cross', 'error'],
      ['elements-market-table--top', 'live'],
      ['elements-market-table--without-facts', 'live'],
      ['elements-market-table--stale', 'stale'],
      ['elements-market-table--unknown-symbol', 'live'],
      ['elements-price-heatmap--top', 'live'],
      ['elements-price-heatmap--without-facts', 'live'],
      ['elements-price-heatmap--stale', 'stale'],
      ['elements-price-heatmap--paused', 'paused'],
      ['elements-price-heatmap--unknown-symbol', 'live'],
    ] as const) {
      await showStory(id);
      await page.waitForFunction(
        (wanted) =>
          document.querySelector('#storybook-root [state]')?.getAttribute('state') === wanted,
        state,
        { timeout: 10_000 },
      );
    }
  });

  test('docs pages list attributes, parts and custom properties from custom-elements.json; the embedding guide is there', async () => {
    await page.goto(`${origin}/iframe.html?id=elements-price-card--docs&viewMode=docs`);
    await page.waitForFunction(
      () => document.body.innerText.includes('announce-every'),
      undefined,
      { timeout: 15_000 },
    );
    const text = await page.evaluate(() => document.body.innerText);
    for (const expected of ['sparkline', '--tickwire-bg', 'relay'])
      assert.ok(text.includes(expected), `docs mention ${expected}`);
    // The `symbol` attribute and the `symbol` part each have their row; internals have none.
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('.docblock-argstable-body tr')].map((tr) =>
        (tr.querySelector('td') as HTMLElement | null)?.innerText.trim(),
      ),
    );
    assert.equal(rows.filter((name) => name === 'symbol').length, 2, rows.join(', '));
    for (const internal of ['announcer', 'drawnPrice', 'connection', 'relayUrl', 'shown'])
      assert.ok(!rows.includes(internal), `${internal} is not API`);
    await page.goto(`${origin}/iframe.html?id=guides-embedding--docs&viewMode=docs`);
    await page.waitForFunction(
      () => document.body.innerText.includes('Content-Security-Policy'),
      undefined,
      { timeout: 15_000 },
    );
    assert.deepEqual(problems, []);
  });
});
