// In Chromium: a page with 100 price cards and 4 charts, fed 10 updates a second by a real
// relay on loopback — long tasks and frame times. Prints figures, asserts nothing.
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../packages/relay/src/config.js';
import { startRelay } from '../packages/relay/src/relay.js';
import { DemoSource } from '../packages/relay/src/sources/demo.js';
import { launchChromium } from '../test/support/browser.js';
import { serveHostPage } from '../test/support/host-page.js';
import { frameFigures, machine } from './support.js';

const SYMBOLS = ['BTC', 'ETH', 'SOL', 'ADA', 'DOT', 'DOGE', 'XRP', 'LINK', 'AVAX', 'LTC'];

export async function renderLoad(seconds = 10): Promise<void> {
  console.log(`\n## Rendering in Chromium, 10 updates/s (${machine()})`);
  for (const count of [100, 1_000]) await renderPage(count, seconds);
}

/** `count` cards and 4 charts on a 1280×900 page: past 100 cards, most are below the fold. */
async function renderPage(count: number, seconds: number): Promise<void> {
  const relay = await startRelay({
    config: {
      ...loadConfig({ PORT: '0', MAX_CLIENTS_PER_IP: '1000' }),
      POLL_INTERVAL: 100,
      SYMBOLS,
    },
    sources: [new DemoSource()],
    log: pino({ level: 'silent' }),
    widgetsDir: fileURLToPath(new URL('../packages/widgets/dist/', import.meta.url)),
  });
  const cards = Array.from(
    { length: count },
    (_, i) => `<price-card symbol="${SYMBOLS[i % SYMBOLS.length]}"></price-card>`,
  ).join('');
  const charts = [0, 1, 2, 3]
    .map((i) => `<live-chart symbols="${SYMBOLS.slice(i * 2, i * 2 + 3).join(',')}"></live-chart>`)
    .join('');
  const host = await serveHostPage(
    `<!doctype html><style>body{display:grid;grid-template-columns:repeat(5,1fr);gap:8px} live-chart{grid-column:span 5;height:280px}</style>
    <script type="module" src="${relay.url}/widgets.js"></script>${charts}${cards}`,
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(host.url);
    await page.waitForFunction(
      `[...document.querySelectorAll('price-card, live-chart')].every((el) => el.getAttribute('state') === 'live')`,
    );
    console.log(`${count} <price-card> + 4 <live-chart>: ${await frameFigures(page, seconds)}`);
  } finally {
    await browser.close();
    await host.close();
    await relay.stop();
  }
}
