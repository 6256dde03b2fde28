// In Chromium: a page with a 100-tile <price-heatmap> (and then beside a 100-row
// <market-table>), fed 10 updates a second by a real relay on loopback — long tasks and frame
// times. Prints figures, asserts nothing.
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../packages/relay/src/config.js';
import { startRelay } from '../packages/relay/src/relay.js';
import { DemoSource } from '../packages/relay/src/sources/demo.js';
import { DEMO_ASSETS } from '../packages/relay/src/sources/demo-assets.js';
import { launchChromium } from '../test/support/browser.js';
import { serveHostPage } from '../test/support/host-page.js';
import { frameFigures, machine } from './support.js';

/**
 * A hundred instruments with market caps: the demo market's assets in three currencies (it
 * lists some thirty assets; each priced in dollars, euros and pounds is a tile of its own).
 */
const CURRENCIES = ['USD', 'EUR', 'GBP'];
const SYMBOLS = CURRENCIES.flatMap((currency) =>
  Object.keys(DEMO_ASSETS).map((asset) => (currency === 'USD' ? asset : `${asset}/${currency}`)),
).slice(0, 100);

export async function heatmapLoad(seconds = 10): Promise<void> {
  console.log(`\n## A 100-tile heatmap in Chromium, 10 updates/s (${machine()})`);
  await renderPage(false, seconds);
  await renderPage(true, seconds);
}

async function renderPage(withTable: boolean, seconds: number): Promise<void> {
  const relay = await startRelay({
    config: {
      ...loadConfig({
        PORT: '0',
        MAX_CLIENTS_PER_IP: '1000',
        MAX_SYMBOLS_PER_REQUEST: '1000',
        CURRENCIES: CURRENCIES.join(','),
      }),
      POLL_INTERVAL: 100,
      SYMBOLS,
    },
    sources: [new DemoSource()],
    log: pino({ level: 'silent' }),
    widgetsDir: fileURLToPath(new URL('../packages/widgets/dist/', import.meta.url)),
  });
  const symbols = SYMBOLS.join(',');
  const host = await serveHostPage(
    `<!doctype html><style>body{max-width:1200px;margin:8px auto} price-heatmap{height:640px;aspect-ratio:auto;max-height:none}</style>
    <script type="module" src="${relay.url}/widgets.js"></script>
    <price-heatmap symbols="${symbols}" locale="en-US"></price-heatmap>
    ${withTable ? `<market-table symbols="${symbols}" locale="en-US"></market-table>` : ''}`,
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(host.url);
    await page.waitForFunction(
      `[...document.querySelectorAll('price-heatmap, market-table')].every((el) => el.getAttribute('state') === 'live')
        && document.querySelector('price-heatmap').shadowRoot.querySelectorAll('.tile').length === ${SYMBOLS.length}`,
      undefined,
      { timeout: 60_000 },
    );
    // Once the facts have come (a market cap on every tile): the steady state, not the first layout.
    await page.waitForFunction(
      `document.querySelector('price-heatmap').shadowRoot.querySelectorAll('[role="gridcell"]:last-child').length === ${SYMBOLS.length}
        && [...document.querySelector('price-heatmap').shadowRoot.querySelectorAll('[role="gridcell"]:last-child')].every((cell) => cell.textContent !== '—')`,
      undefined,
      { timeout: 60_000 },
    );
    // How often tiles were laid out again over the run: a tile's place changes only then.
    await page.evaluate(`(() => {
      window.__layouts = 0;
      const map = document.querySelector('price-heatmap').shadowRoot.querySelector('.map');
      let last = '';
      const places = () => [...map.querySelectorAll('.tile')].map((t) => t.style.left + t.style.top + t.style.width + t.style.height).join('|');
      last = places();
      new MutationObserver(() => { const now = places(); if (now !== last) { window.__layouts++; last = now; } })
        .observe(map, { subtree: true, attributes: true, attributeFilter: ['style'], childList: true });
    })()`);
    const figures = await frameFigures(page, seconds);
    const layouts = await page.evaluate('window.__layouts');
    console.log(
      `${SYMBOLS.length}-tile <price-heatmap>${withTable ? ` + ${SYMBOLS.length}-row <market-table>` : ''}: ${figures}  re-layouts ${layouts}`,
    );
  } finally {
    await browser.close();
    await host.close();
    await relay.stop();
  }
}
