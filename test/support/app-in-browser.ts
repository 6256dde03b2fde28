import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Relay } from '../../packages/relay/src/relay.js';
import { launchChromium } from './browser.js';
import { startDemoRelay } from './demo-relay.js';
import { builtCode, serveFolder, type ThrowawayApp, throwawayApp } from './throwaway-app.js';

/** What every test app puts on `window.app`: the events it received, and two actions. */
interface AppHandle {
  events: string[];
  setSymbol(symbol: string): void;
  unmount(): void;
}

/** A throwaway app, a real relay on the demo market, and Chromium: what each app test needs. */
export async function appFixture(options: Parameters<typeof throwawayApp>[0]) {
  const app = await throwawayApp(options);
  const relay = await startDemoRelay({ SYMBOLS: 'BTC,ETH' }, 5);
  const browser = await launchChromium();
  return {
    app,
    relay,
    browser,
    close: async () => {
      await browser.close();
      await relay.stop();
      await app.remove();
    },
  };
}

/**
 * Builds `app` and proves in Chromium what a developer expects of the elements in it: one
 * copy of Lit in the bundle; a live BTC price from `relay`; a re-render when the app changes
 * the symbol; the controls' events reaching the app; and the stream closed when the app
 * unmounts the elements (on the relay's metrics).
 */
export async function checkAppInBrowser(
  app: ThrowawayApp,
  relay: Relay,
  browser: Browser,
): Promise<void> {
  await app.exec('vite', 'build', '--logLevel', 'error');
  assert.equal((await builtCode(app)).match(/litElementVersions/g)?.length, 1, 'Lit bundled once');

  const site = serveFolder(join(app.dir, 'dist'));
  await once(site, 'listening');
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const handle = (page: Page) =>
    page.evaluateHandle(() => (window as unknown as { app: AppHandle }).app);
  try {
    await page.goto(
      `http://localhost:${(site.address() as AddressInfo).port}/?relay=${relay.url}/`,
    );
    await liveWith(page, 'BTC');
    await (await handle(page)).evaluate((app) => app.setSymbol('ETH'));
    await liveWith(page, 'ETH');

    const toggle = page.locator('stream-controls').locator('[part="toggle"]');
    await page.locator('stream-controls').locator('select').selectOption('10');
    await toggle.click();
    await toggle.click();
    const events = await (await handle(page)).evaluate((app) => app.events);
    assert.deepEqual(events, ['refresh 10000', 'tickwire-pause', 'tickwire-resume']);
    await liveWith(page, 'ETH');
    assert.ok((await openStreams(relay)) > 0, 'streaming again after resume');

    await (await handle(page)).evaluate((app) => app.unmount());
    const deadline = Date.now() + 10_000;
    for (let open = await openStreams(relay); open > 0; open = await openStreams(relay)) {
      assert.ok(Date.now() < deadline, `${open} streams still open after unmount`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    site.closeAllConnections();
    site.close();
  }
}

/** Open streams, as the relay's own metrics (`tickwire_sse_clients`) report them. */
async function openStreams(relay: Relay): Promise<number> {
  const metrics = await (await fetch(`${relay.url}/metrics`)).text();
  return Number(metrics.match(/^tickwire_sse_clients (\d+)/m)?.[1]);
}

/** Waits until the card is live and shows `symbol`. */
const liveWith = (page: Page, symbol: string) =>
  page.waitForFunction((wanted) => {
    const card = document.querySelector('price-card');
    const shown = card?.shadowRoot?.querySelector('[part="symbol"]')?.textContent?.trim();
    return card?.getAttribute('state') === 'live' && shown === wanted;
  }, symbol);
