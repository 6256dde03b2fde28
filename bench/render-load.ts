// In Chromium: a page with 100 price cards and 4 charts, fed 10 updates a second by a real
// relay on loopback — long tasks and frame times. Prints figures, asserts nothing.
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../packages/relay/src/config.js';
import { startRelay } from '../packages/relay/src/relay.js';
import { DemoSource } from '../packages/relay/src/sources/demo.js';
import { launchChromium } from '../test/support/browser.js';
import { serveHostPage } from '../test/support/host-page.js';
import { machine, quantile } from './support.js';

const SYMBOLS = ['BTC', 'ETH', 'SOL', 'ADA', 'DOT', 'DOGE', 'XRP', 'LINK', 'AVAX', 'LTC'];

export async function renderLoad(seconds = 10): Promise<void> {
  console.log(
    `\n## Rendering in Chromium: 100 <price-card> + 4 <live-chart>, 10 updates/s (${machine()})`,
  );
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
    { length: 100 },
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
    // A string, not a function: tsx's name-keeping helper does not exist in the page.
    const figures = (await page.evaluate(`(async () => {
      const longTasks = [];
      new PerformanceObserver((list) => { for (const entry of list.getEntries()) longTasks.push(entry.duration); })
        .observe({ type: 'longtask' });
      const frames = [];
      let last = performance.now();
      let running = true;
      const frame = (now) => { frames.push(now - last); last = now; if (running) requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
      await new Promise((resolve) => setTimeout(resolve, ${seconds * 1000}));
      running = false;
      return { longTasks, frames };
    })()`)) as { longTasks: number[]; frames: number[] };
    const { longTasks, frames } = figures;
    console.log(
      `frames ${frames.length} in ${seconds} s  frame time p50 ${quantile(frames, 0.5).toFixed(1)} ms  p99 ${quantile(frames, 0.99).toFixed(1)} ms  ` +
        `long tasks ${longTasks.length} (total ${longTasks.reduce((a, b) => a + b, 0).toFixed(0)} ms, max ${Math.max(0, ...longTasks).toFixed(0)} ms)`,
    );
  } finally {
    await browser.close();
    await host.close();
    await relay.stop();
  }
}
