import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { pino } from 'pino';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../packages/relay/src/config.js';
import { type Relay, startRelay } from '../packages/relay/src/relay.js';
import { DemoSource } from '../packages/relay/src/sources/demo.js';
import { launchChromium } from './support/browser.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const rootPackage = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

/** The app a developer writes: TypeScript, strict, the elements as typed DOM. */
const MAIN_TS = `
import { setRelay, type PriceCard } from '@tickwire/widgets';

setRelay(new URLSearchParams(location.search).get('relay') ?? undefined);

const card = document.createElement('price-card');
card.symbol = 'BTC';
const controls = document.createElement('stream-controls');
document.querySelector('#app')!.append(card, controls);

const typed: PriceCard | null = document.querySelector('price-card');
const events: string[] = [];
document.addEventListener('tickwire-pause', (event) => events.push(event.type));
document.addEventListener('tickwire-resume', (event) => events.push(event.type));
document.addEventListener('tickwire-refresh-change', (event) => events.push(\`refresh \${event.detail.intervalMs}\`));
Object.assign(window, {
  app: {
    events,
    setSymbol: (symbol: string) => { if (typed) typed.symbol = symbol; },
    unmount: () => { card.remove(); controls.remove(); },
  },
});
`;

/**
 * The widgets as a developer meets them from npm: packed, installed into a fresh Vite +
 * TypeScript app with nothing of this repository beside it, type-checked strictly, built,
 * and run in Chromium against a real relay.
 */
describe('the widgets from npm in a Vite + TypeScript app', { timeout: 300_000 }, () => {
  let app: string;
  let relay: Relay;
  let site: Server;
  let browser: Browser;

  before(async () => {
    app = await mkdtemp(join(tmpdir(), 'tickwire-vite-app-'));
    const packs = join(app, 'packs');
    await mkdir(packs);
    await run(
      'npm',
      ['pack', '-w', '@tickwire/protocol', '-w', '@tickwire/widgets', '--pack-destination', packs],
      { cwd: ROOT },
    );
    const { vite, typescript } = rootPackage.devDependencies;
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'vite-ts-app',
        private: true,
        type: 'module',
        devDependencies: { vite, typescript },
      }),
    );
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        include: ['src'],
      }),
    );
    await writeFile(
      join(app, 'index.html'),
      '<!doctype html><html><body><div id="app"></div><script type="module" src="/src/main.ts"></script></body></html>',
    );
    await mkdir(join(app, 'src'));
    await writeFile(join(app, 'src', 'main.ts'), MAIN_TS);
    const tarballs = (await readdir(packs)).map((file) => join(packs, file));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], {
      cwd: app,
    });

    relay = await startRelay({
      config: { ...loadConfig({ PORT: '0', SYMBOLS: 'BTC,ETH' }), POLL_INTERVAL: 250 },
      sources: [new DemoSource({ seed: 5 })],
      log: pino({ level: 'silent' }),
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await relay?.stop();
    site?.closeAllConnections();
    site?.close();
    if (app) await rm(app, { recursive: true, force: true });
  });

  test('type-checks strictly: typed elements, properties and events', async () => {
    await run(join(app, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: app });
  });

  test('builds with one copy of Lit, runs live, re-renders, fires events and closes the stream on unmount', async () => {
    await run(join(app, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], {
      cwd: app,
    });
    const assets = join(app, 'dist', 'assets');
    const code = (
      await Promise.all((await readdir(assets)).map((file) => readFile(join(assets, file), 'utf8')))
    ).join('\n');
    assert.equal(code.match(/litElementVersions/g)?.length, 1, 'Lit is bundled once');

    site = serveFolder(join(app, 'dist'));
    await once(site, 'listening');
    const url = `http://localhost:${(site.address() as AddressInfo).port}/?relay=${relay.url}/`;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(
      () => document.querySelector('price-card')?.getAttribute('state') === 'live',
    );
    const symbolShown = () =>
      page.evaluate(() =>
        document
          .querySelector('price-card')
          ?.shadowRoot?.querySelector('[part="symbol"]')
          ?.textContent?.trim(),
      );
    assert.equal(await symbolShown(), 'BTC');

    await page.evaluate(() =>
      (window as unknown as { app: { setSymbol(s: string): void } }).app.setSymbol('ETH'),
    );
    await page.waitForFunction(
      () =>
        document
          .querySelector('price-card')
          ?.shadowRoot?.querySelector('[part="symbol"]')
          ?.textContent?.trim() === 'ETH',
    );

    const toggle = page.locator('stream-controls').locator('[part="toggle"]');
    await page.locator('stream-controls').locator('select').selectOption('10');
    await toggle.click();
    await toggle.click();
    const events = await page.evaluate(
      () => (window as unknown as { app: { events: string[] } }).app.events,
    );
    assert.deepEqual(events, ['refresh 10000', 'tickwire-pause', 'tickwire-resume']);
    await page.waitForFunction(
      () => document.querySelector('price-card')?.getAttribute('state') === 'live',
    );
    assert.ok(relay.hub.clientCount > 0, 'streaming again after resume');

    await page.evaluate(() => (window as unknown as { app: { unmount(): void } }).app.unmount());
    const deadline = Date.now() + 10_000;
    while (relay.hub.clientCount > 0) {
      assert.ok(Date.now() < deadline, `${relay.hub.clientCount} streams still open after unmount`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
});

/** Serves a built app's folder on loopback, as any static host would. */
function serveFolder(folder: string): Server {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://app').pathname;
    const file = join(folder, path === '/' ? 'index.html' : path);
    if (!file.startsWith(folder)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file)
      .on('error', () => res.end())
      .pipe(res);
  }).listen(0, '127.0.0.1');
}
