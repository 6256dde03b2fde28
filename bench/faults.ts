// What faults cost: the relay's responsiveness while an upstream sends a huge body, its
// memory with non-reading resuming clients, and a page's long tasks under a hostile stream.
// Prints figures, asserts nothing.
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../packages/relay/src/config.js';
import { startRelay } from '../packages/relay/src/relay.js';
import { DemoSource } from '../packages/relay/src/sources/demo.js';
import { startFakeBinance } from '../packages/relay/test/support/fake-binance.js';
import { FakeMarket } from '../packages/relay/test/support/fake-market.js';
import { SseReader } from '../packages/relay/test/support/sse-reader.js';
import { launchChromium } from '../test/support/browser.js';
import { serveHostPage } from '../test/support/host-page.js';
import { HostileRelay } from '../test/support/hostile-relay.js';
import { frameFigures, machine, quantile, rssOf, spawnRelay } from './support.js';

const MIB = 1024 * 1024;

export async function faults(): Promise<void> {
  console.log(`\n## Faults (${machine()})`);
  await healthzDuringHugeBodies();
  await resumingNonReaders();
  await hostileStreamInChromium();
}

/** `/healthz` asked every 10 ms while each poll (1/s) gets a 20 MB body. */
async function healthzDuringHugeBodies(seconds = 10): Promise<void> {
  const binance = await startFakeBinance(new FakeMarket());
  const relay = await spawnRelay({
    SOURCES: 'binance',
    SOURCE_URL_BINANCE: binance.url,
    POLL_INTERVAL: '1',
  });
  try {
    const bodies = {
      'HTML page': { type: 'text/html', body: `<html>${'<p>down</p>'.repeat(2 * MIB)}</html>` },
      'JSON array': { type: 'text/plain', body: `[${'0,'.repeat(10 * MIB)}0]` },
    };
    for (const [what, { type, body }] of Object.entries(bodies)) {
      binance.faults = [
        { path: '/api/v3/ticker', status: 200, headers: { 'Content-Type': type }, body },
      ];
      const latencies: number[] = [];
      let peakRss = 0;
      const until = Date.now() + seconds * 1000;
      while (Date.now() < until) {
        const started = performance.now();
        await (await fetch(`${relay.url}/healthz`)).arrayBuffer();
        latencies.push(performance.now() - started);
        peakRss = Math.max(peakRss, rssOf(relay.pid));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const calls = binance.callsTo('/api/v3/ticker').length;
      console.log(
        `upstream answers a ${(body.length / MIB).toFixed(0)} MB ${what} (${type}) to every poll, ${seconds} s: ` +
          `/healthz p50 ${quantile(latencies, 0.5).toFixed(1)} ms  p99 ${quantile(latencies, 0.99).toFixed(1)} ms  ` +
          `worst ${Math.max(...latencies).toFixed(1)} ms  relay peak RSS ${(peakRss / MIB).toFixed(0)} MiB  (${calls} ticker calls so far)`,
      );
    }
  } finally {
    await relay.stop();
    await binance.close();
  }
}

/** 50 clients resume from an event ~990 polls back and never read: what the relay holds for them. */
async function resumingNonReaders(clients = 50): Promise<void> {
  const relay = await startRelay({
    config: {
      ...loadConfig({ PORT: '0', HOST: '127.0.0.1', MAX_CLIENTS_PER_IP: '1000' }),
      POLL_INTERVAL: 10,
    },
    sources: [new DemoSource({ seed: 7 })],
    log: pino({ level: 'silent' }),
  });
  const sockets: Socket[] = [];
  try {
    const reader = await SseReader.open(`${relay.url}/v1/stream`);
    await reader.until(
      (frames) => frames.filter((f) => f.event === 'quotes').length >= 1_050,
      60_000,
    );
    const ids = reader.events('quotes').map((frame) => frame.id!);
    const oldId = ids[ids.length - 990]!;
    await reader.close();
    const { port } = new URL(relay.url);
    const before = process.memoryUsage().rss;
    for (let i = 0; i < clients; i++) {
      const socket = connect(Number(port), '127.0.0.1');
      await once(socket, 'connect');
      socket.pause();
      socket.write(`GET /v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nLast-Event-ID: ${oldId}\r\n\r\n`);
      sockets.push(socket);
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const grown = process.memoryUsage().rss - before;
    console.log(
      `${clients} non-reading clients resuming 990 events back: relay RSS +${(grown / MIB).toFixed(1)} MiB ` +
        `(${(grown / clients / 1024).toFixed(0)} KiB per client)`,
    );
  } finally {
    for (const socket of sockets) socket.destroy();
    await relay.stop();
  }
}

/** A page of 20 cards and a chart while a hostile relay sends 5,000 events a second. */
async function hostileStreamInChromium(seconds = 10, perSecond = 5_000): Promise<void> {
  const relay = await startRelay({
    config: { ...loadConfig({ PORT: '0', HOST: '127.0.0.1' }) },
    sources: [new DemoSource()],
    log: pino({ level: 'silent' }),
    widgetsDir: fileURLToPath(new URL('../packages/widgets/dist/', import.meta.url)),
  });
  const hostile = await HostileRelay.start();
  hostile.script = {
    frames: [],
    hugeSnapshot: { symbol: 'BTC', price: 60_000, points: 100 },
    burst: { symbol: 'BTC', perSecond, seconds, fromPrice: 60_000 },
  };
  const cards = '<price-card symbol="BTC"></price-card>'
    .repeat(20)
    .replaceAll('<price-card', `<price-card relay="${hostile.url}"`);
  const host = await serveHostPage(
    `<!doctype html><script type="module" src="${relay.url}/widgets.js"></script>
    <live-chart symbols="BTC" relay="${hostile.url}" style="height:300px"></live-chart>${cards}`,
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(host.url);
    const figures = await frameFigures(page, seconds);
    const price = await page.evaluate(
      () =>
        document.querySelector('price-card')?.shadowRoot?.querySelector('[part="price"]')
          ?.textContent,
    );
    console.log(
      `hostile stream, ${perSecond} events/s for ${seconds} s, 20 cards + 1 chart: ${figures}  last price shown ${price?.trim()}`,
    );
  } finally {
    await browser.close();
    await host.close();
    await hostile.close();
    await relay.stop();
  }
}
