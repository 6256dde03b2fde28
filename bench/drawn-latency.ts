// Exchange event → price drawn in Chromium, through a streaming source (SOURCES=binance:stream)
// and the real relay, with SSE readers attached (bench/stream-clients.mjs processes). The fake
// exchange stamps each ticker with its event time `E`, which the relay carries as the quote's
// `ts`; a page of `<price-card>`s notes, in the animation frame after each card's price text
// changes, the time it was drawn. One machine clock: drawn minus `E` is the whole path (socket,
// ccxt pro, the guard, MAX_EVENTS_PER_SECOND, the hub, SSE, the feed, Lit, the frame).
// Then the relay's CPU serving the readers, beside the bare node:http broadcaster
// (bench/sse-floor.mjs) sending as many frames of as many quotes to as many readers.
import { fileURLToPath } from 'node:url';
import { startFakeBinance } from '../packages/relay/test/support/fake-binance.js';
import { FakeBinanceStream } from '../packages/relay/test/support/fake-binance-stream.js';
import { FakeMarket } from '../packages/relay/test/support/fake-market.js';
import { launchChromium } from '../test/support/browser.js';
import { serveHostPage } from '../test/support/host-page.js';
import { StreamLoad } from './stream-load.js';
import {
  cpuSecondsOf,
  machine,
  quantile,
  type ServerProcess,
  spawnRelay,
  spawnServer,
} from './support.js';

const FLOOR = fileURLToPath(new URL('./sse-floor.mjs', import.meta.url));
/** Twenty symbols, each a stream the fake exchange ticks. */
const SYMBOLS =
  'BTC ETH SOL ADA DOT DOGE XRP LTC LINK AVAX ATOM UNI BCH XLM ETC FIL NEAR APT ARB OP'.split(' ');
/** Prices whose 0.1 % steps (the fake market's) show at every tick, whatever the decimals. */
const PRICES = Object.fromEntries(SYMBOLS.map((symbol, i) => [symbol, 20 + i * 7.5]));
const TICKS_PER_SECOND = 10;
const EVENTS_PER_SECOND = 4;
/** Streams one reader process holds. */
const PER_PROCESS = 2_000;

/** A card's price as drawn: the symbol, the text, and when (ms since the epoch). */
type Drawn = [symbol: string, text: string, at: number];

/**
 * `BENCH_DRAWN_READERS` (default `1000,10000`) readers in turn; `BENCH_DRAWN_SECONDS` (default
 * 20) of measurement each. The CPU comparison is made at the last count.
 */
export async function drawnLatency(
  readerCounts = (process.env.BENCH_DRAWN_READERS ?? '1000,10000').split(',').map(Number),
  seconds = Number(process.env.BENCH_DRAWN_SECONDS ?? 20),
): Promise<void> {
  console.log(
    `\n## Exchange event → price drawn in Chromium, SOURCES=binance:stream, the fake exchange ticking ${TICKS_PER_SECOND}/s per symbol, ${SYMBOLS.length} symbols, MAX_EVENTS_PER_SECOND=${EVENTS_PER_SECOND}, ${seconds} s per load (${machine()})`,
  );
  const market = new FakeMarket(PRICES);
  const [rest, socket] = await Promise.all([
    startFakeBinance(market),
    FakeBinanceStream.start(market),
  ]);
  const streamPath = `/v1/stream?symbols=${SYMBOLS.join(',')}`;
  const relay = await spawnRelay({
    SOURCES: 'binance:stream',
    SOURCE_URL_BINANCE: rest.url,
    SOURCE_WS_URL_BINANCE: socket.url,
    SYMBOLS: SYMBOLS.join(','),
    MAX_EVENTS_PER_SECOND: String(EVENTS_PER_SECOND),
    MAX_CLIENTS: '100000',
    MAX_CLIENTS_PER_IP: '100000',
    MAX_CONNECTIONS_PER_IP: '100000',
  });
  const host = await serveHostPage(cardsPage(relay.url, streamPath));
  const browser = await launchChromium();
  let relayCpu = Number.NaN;
  try {
    socket.startTicking(1_000 / TICKS_PER_SECOND);
    const page = await browser.newPage({ viewport: { width: 1_200, height: 1_600 } });
    await page.goto(host.url);
    await page.waitForFunction('window.drawnPrices.length > 0', undefined, { timeout: 30_000 });
    for (const readers of readerCounts) {
      const load = await attach(relay.url + streamPath, readers);
      try {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        await page.evaluate('window.drawnPrices.length = 0');
        const cpuBefore = cpuSecondsOf(relay.pid);
        await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
        relayCpu = (cpuSecondsOf(relay.pid) - cpuBefore) / seconds;
        const drawn = (await page.evaluate('window.drawnPrices')) as Drawn[];
        const quotes = (await page.evaluate('window.quotesSeen')) as Record<
          string,
          [price: number, ts: number][]
        >;
        const { lags, unmatched } = drawnLags(drawn, quotes);
        const live = await load.live(2_000);
        console.log(
          `${String(readers).padStart(6)} readers (${live} reading)  drawn − E p50 ${quantile(lags, 0.5).toFixed(0).padStart(4)} ms  p99 ${quantile(lags, 0.99).toFixed(0).padStart(4)} ms  ` +
            `(${lags.length} prices drawn, ${unmatched} unmatched)  relay CPU ${(relayCpu * 100).toFixed(0)} %  upstream sockets ${socket.open}`,
        );
      } finally {
        load.stop();
      }
    }
  } finally {
    socket.stopTicking();
    await browser.close();
    await host.close();
    await relay.stop();
    await socket.close();
    await rest.close();
  }
  const readers = readerCounts.at(-1)!;
  const floor = await spawnServer([FLOOR, 'floor'], {
    FLOOR_SYMBOLS: SYMBOLS.join(','),
    PUBLISHES_PER_SECOND: String(EVENTS_PER_SECOND),
  });
  const floorCpu = await cpuServing(floor, readers, seconds);
  console.log(
    `relay CPU at ${readers} readers, ${EVENTS_PER_SECOND} events/s of ${SYMBOLS.length} quotes each: ${(relayCpu * 100).toFixed(0)} %, ` +
      `the bare node:http broadcaster ${(floorCpu * 100).toFixed(0)} % (${(relayCpu / floorCpu).toFixed(2)}×, target ≤ 1.2×)`,
  );
}

/** `readers` streams of `url`, in as many processes as they need, once each has data. */
async function attach(url: string, readers: number): Promise<StreamLoad> {
  const processes = Math.max(1, Math.ceil(readers / PER_PROCESS));
  const load = StreamLoad.start(url, processes);
  const { opened, refused } = await load.open(Math.ceil(readers / processes));
  if (refused) console.log(`  ${opened} readers attached; refused: ${refused}`);
  return load;
}

/** CPU share of `server` while `readers` streams read it for `seconds`. */
async function cpuServing(server: ServerProcess, readers: number, seconds: number) {
  const load = await attach(`${server.url}/v1/stream`, readers);
  try {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const before = cpuSecondsOf(server.pid);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
    return (cpuSecondsOf(server.pid) - before) / seconds;
  } finally {
    load.stop();
    await server.stop();
  }
}

/**
 * Each new price drawn, matched to the quote that carried it (prices only rise, 0.1 % a tick:
 * one quote rounds to each text): drawn time minus its exchange event time.
 */
function drawnLags(drawn: Drawn[], quotes: Record<string, [number, number][]>) {
  const lags: number[] = [];
  let unmatched = 0;
  const shown = new Map<string, string>();
  for (const [symbol, text, at] of drawn) {
    if (shown.get(symbol) === text) continue;
    shown.set(symbol, text);
    const digits = text.replace(/[^\d.]/g, '');
    const decimals = digits.split('.')[1]?.length ?? 0;
    const value = Number(digits);
    const quote = quotes[symbol]?.find(
      ([price]) => Math.abs(price - value) <= 0.5 * 10 ** -decimals + 1e-9,
    );
    if (quote) lags.push(at - quote[1]);
    else unmatched++;
  }
  return { lags, unmatched };
}

/**
 * The cards, and a script that notes each card's price text in the animation frame after it
 * changes (`drawnPrices`), and every quote the relay sent with its time (`quotesSeen`, from
 * a stream of its own: the cards' feed is the kit's, read only by what it draws).
 */
function cardsPage(relayUrl: string, streamPath: string): string {
  const cards = SYMBOLS.map(
    (symbol) => `<price-card symbol="${symbol}" relay="${relayUrl}/" locale="en-US"></price-card>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="${relayUrl}/widgets.js"></script></head><body>${cards}
<script>
window.drawnPrices = [];
window.quotesSeen = {};
const stream = new EventSource('${relayUrl}${streamPath}');
stream.addEventListener('quotes', (event) => {
  for (const [symbol, quote] of Object.entries(JSON.parse(event.data).quotes))
    (window.quotesSeen[symbol] ??= []).push([quote.price, quote.ts]);
});
customElements.whenDefined('price-card').then(() => {
  for (const card of document.querySelectorAll('price-card')) {
    const symbol = card.getAttribute('symbol');
    const watch = () => {
      if (!card.shadowRoot) return setTimeout(watch, 20);
      new MutationObserver(() => requestAnimationFrame(() => {
        const price = card.shadowRoot.querySelector('[part="price"]');
        if (price) window.drawnPrices.push([symbol, price.textContent, Date.now()]);
      })).observe(card.shadowRoot, { subtree: true, childList: true, characterData: true });
    };
    watch();
  }
});
</script></body></html>`;
}
