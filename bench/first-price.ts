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
  // The floor: the same page with a 1 KB element of its own, from another origin as widgets.js
  // is, that opens an EventSource and writes the snapshot's price. Nothing can be faster than
  // HTML → one script → one stream.
  const floorScript = await serveHostPage(floorElement(relay.url), {
    'Content-Type': 'text/javascript',
    'Access-Control-Allow-Origin': '*',
  });
  const floor = await serveHostPage(
    `<!doctype html><script type="module" src="${floorScript.url}floor.js"></script><price-card symbol="BTC"></price-card>`,
  );
  const browser = await launchChromium();
  try {
    const pages = [
      ['a page with one card, the script from the relay', host.url],
      ['the floor: a 1 KB element that opens an EventSource itself', floor.url],
      ['the demo page (cards, ticker, charts, feed)', `${relay.url}/`],
    ] as const;
    const loads = pages.map((): Load[] => []);
    // In turn, so a busy moment of the machine weighs on every page alike.
    for (let i = 0; i < LOADS; i++) {
      for (const [index, [, url]] of pages.entries())
        loads[index]!.push(await coldLoad(browser, url));
    }
    const medians = loads.map((of) =>
      quantile(
        of.map((load) => load.firstPrice),
        0.5,
      ),
    );
    for (const [index, [name]] of pages.entries()) {
      const times = loads[index]!.map((load) => load.firstPrice);
      const ratio = index === 1 ? '' : `  ${(medians[index]! / medians[1]!).toFixed(2)}× the floor`;
      console.log(
        `${name}: first price p50 ${medians[index]!.toFixed(0)} ms  p95 ${quantile(times, 0.95).toFixed(0)} ms  max ${Math.max(...times).toFixed(0)} ms${ratio}`,
      );
      const median = [...loads[index]!].sort((a, b) => a.firstPrice - b.firstPrice)[LOADS >> 1]!;
      const waterfall = Object.entries(median.steps)
        .sort(([, a], [, b]) => a - b)
        .map(([step, ms]) => `${step} ${ms.toFixed(0)}`)
        .join(' → ');
      console.log(`  median load, ms: ${waterfall} → price ${median.firstPrice.toFixed(0)}`);
    }
  } finally {
    await browser.close();
    await host.close();
    await floor.close();
    await floorScript.close();
    await relay.stop();
  }
}

/** The floor's element: a price from the stream's snapshot, and nothing else. */
function floorElement(relayUrl: string): string {
  return `customElements.define('price-card', class extends HTMLElement {
  connectedCallback() {
    const price = document.createElement('span');
    price.setAttribute('part', 'price');
    this.attachShadow({ mode: 'open' }).append(price);
    const symbol = this.getAttribute('symbol');
    const stream = new EventSource('${relayUrl}/v1/stream?symbols=' + encodeURIComponent(symbol));
    stream.addEventListener('snapshot', (event) => {
      const quote = JSON.parse(event.data).quotes[symbol];
      if (quote) price.textContent = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(quote.price);
    });
  }
});
`;
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
    if (path.endsWith('/widgets.js') || path === '/floor.js') step('script asked');
    else if (path === '/v1/stream') step('stream asked');
  });
  page.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('/widgets.js') || path === '/floor.js') step('script in');
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
