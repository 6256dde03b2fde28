// In Chromium, cold loads over loopback: navigation → the first price on screen, with the
// waterfall of what came in between. Prints figures, asserts nothing.
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../packages/relay/src/config.js';
import { startRelay } from '../packages/relay/src/relay.js';
import { DemoSource } from '../packages/relay/src/sources/demo.js';
import { launchChromium } from '../test/support/browser.js';
import { serveHostPage } from '../test/support/host-page.js';
import { machine, quantile } from './support.js';

const LOADS = 20;

/** When each step of one load happened, ms after navigation started. */
interface Load {
  firstPrice: number;
  steps: Record<string, number>;
}

export async function firstPrice(): Promise<void> {
  console.log(
    `\n## First price: navigation → a price on screen, ${LOADS} cold loads over loopback, Chromium (${machine()})`,
  );
  const relay = await startRelay({
    config: { ...loadConfig({ PORT: '0', MAX_CLIENTS_PER_IP: '1000' }), POLL_INTERVAL: 1_000 },
    sources: [new DemoSource()],
    log: pino({ level: 'silent' }),
    widgetsDir: fileURLToPath(new URL('../packages/widgets/dist/', import.meta.url)),
  });
  const host = await serveHostPage(
    `<!doctype html><script type="module" src="${relay.url}/widgets.js"></script><price-card symbol="BTC"></price-card>`,
  );
  const browser = await launchChromium();
  try {
    for (const [name, url] of [
      ['a page with one card, the script from the relay', host.url],
      ['the demo page (cards, ticker, charts, feed)', `${relay.url}/`],
    ] as const) {
      const loads: Load[] = [];
      for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, url));
      const times = loads.map((load) => load.firstPrice);
      console.log(
        `${name}: first price p50 ${quantile(times, 0.5).toFixed(0)} ms  p95 ${quantile(times, 0.95).toFixed(0)} ms  max ${Math.max(...times).toFixed(0)} ms`,
      );
      const median = [...loads].sort((a, b) => a.firstPrice - b.firstPrice)[LOADS >> 1]!;
      const waterfall = Object.entries(median.steps)
        .sort(([, a], [, b]) => a - b)
        .map(([step, ms]) => `${step} ${ms.toFixed(0)}`)
        .join(' → ');
      console.log(`  median load, ms: ${waterfall} → price ${median.firstPrice.toFixed(0)}`);
    }
  } finally {
    await browser.close();
    await host.close();
    await relay.stop();
  }
}

/** One load in a fresh context (empty cache, new connections). */
async function coldLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const steps: Record<string, number> = {};
  let started = 0;
  const step = (name: string) => {
    steps[name] ??= Date.now() - started;
  };
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('/widgets.js')) step('widgets.js asked');
    else if (path.includes('tickwire-core')) step('core asked');
    else if (path === '/v1/stream') step('stream asked');
  });
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('/widgets.js')) step('widgets.js in');
    else if (path.includes('tickwire-core')) step('core in');
  });
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/v1/stream') step('stream open');
  });
  try {
    started = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    // Polled each frame in the page: the time the first card's price is drawn.
    const drawn = (await page.evaluate(`new Promise((resolve) => {
      const check = () => {
        const price = document.querySelector('price-card')?.shadowRoot?.querySelector('[part="price"]');
        if (price && /\\d/.test(price.textContent)) resolve(performance.now());
        else requestAnimationFrame(check);
      };
      check();
    })`)) as number;
    const navigationStart = (await page.evaluate('performance.timeOrigin')) as number;
    return { firstPrice: navigationStart + drawn - started, steps };
  } finally {
    await context.close();
  }
}
