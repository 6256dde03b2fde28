import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Relay } from '../packages/relay/src/relay.js';
import { freePort } from '../packages/relay/test/support/free-port.js';
import { launchChromium } from './support/browser.js';
import { startDemoRelay } from './support/demo-relay.js';
import { ourVersions, type ThrowawayApp, throwawayApp } from './support/throwaway-app.js';

/**
 * The newest Next.js that runs on Node 20 (16.5.0 declares `node >=20.9.0`) and React 19:
 * pinned, so this test meets one Next and not whatever is newest that day.
 */
const NEXT_VERSION = '16.5.0';

/** The root layout every App Router app has. */
const LAYOUT_TSX = `
import type { ReactNode } from 'react';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`;

/**
 * The page, a Server Component (no 'use client'): it reads the relay's address on the server
 * and passes it to the components, which are client components already. Nothing in it is
 * dynamic, so \`next build\` prerenders it (the env var is read then).
 */
const PAGE_TSX = `
import { LiveChart, PriceCard } from '@tickwire/react';

const relay = process.env.TICKWIRE_RELAY;

export default function Page() {
  return (
    <main>
      <PriceCard symbol="BTC" relay={relay} locale="en-US" />
      <LiveChart symbols="BTC,ETH" relay={relay} />
    </main>
  );
}
`;

/** The app's icon, which Next links from the page. */
const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="8"/></svg>';

/** Next's own tsconfig for a new app (it would write this one itself). */
const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    lib: ['dom', 'dom.iterable', 'esnext'],
    strict: true,
    noEmit: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    resolveJsonModule: true,
    isolatedModules: true,
    jsx: 'react-jsx',
    incremental: true,
    plugins: [{ name: 'next' }],
    skipLibCheck: true,
  },
  include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts'],
  exclude: ['node_modules'],
});

/** A running `next start` or `next dev`: its address, and how to stop it. */
interface NextServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs `next <command>` on a free loopback port in its own process group (so stopping it stops
 * what it started) and waits until the page answers 200, or fails saying what Next printed.
 */
async function startNext(app: ThrowawayApp, command: 'start' | 'dev'): Promise<NextServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let output = '';
  const server = spawn(
    join(app.dir, 'node_modules', '.bin', 'next'),
    [command, '-H', '127.0.0.1', '-p', String(port)],
    { cwd: app.dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  server.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const stop = async () => {
    if (!server.pid || server.exitCode !== null || server.signalCode !== null) return;
    process.kill(-server.pid, 'SIGTERM');
    const exited = once(server, 'exit');
    const timer = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
    if ((await Promise.race([exited.then(() => true), timer])) !== true) {
      process.kill(-server.pid, 'SIGKILL');
    }
  };
  // `next dev` compiles the page on the first request: give it longer than a read.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next ${command} exited:\n${output}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(30_000) })).ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next ${command} did not answer in 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Lit's own notice in a development build, the one warning `next dev` may show. */
const LIT_DEV_MODE = /^warning: Lit is in dev mode\. /;

/**
 * Loads `url` in Chromium and proves what a reader sees: the card live with a price from the
 * relay, the chart drawn, and nothing on the console but the `expected`: no hydration warning,
 * no error.
 */
async function checkInChromium(
  browser: Browser,
  url: string,
  expected: RegExp[] = [],
): Promise<void> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = `${message.type()}: ${message.text()}`;
    if (expected.some((known) => known.test(text))) return;
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  try {
    await page.goto(url, { timeout: 30_000 });
    await page.waitForFunction(
      () => {
        const card = document.querySelector('price-card');
        const price = card?.shadowRoot?.querySelector('[part="price"]')?.textContent?.trim();
        return card?.getAttribute('state') === 'live' && /^\$\d/.test(price ?? '');
      },
      undefined,
      { timeout: 20_000 },
    );
    const price = await page.evaluate(() =>
      document
        .querySelector('price-card')
        ?.shadowRoot?.querySelector('[part="price"]')
        ?.textContent?.trim(),
    );
    assert.match(price ?? '', /^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    await page.waitForFunction(
      () =>
        Boolean(document.querySelector('live-chart')?.shadowRoot?.querySelector('.plot canvas')),
      undefined,
      { timeout: 20_000 },
    );
    const plotHeight = await page.evaluate(
      () =>
        document
          .querySelector('live-chart')
          ?.shadowRoot?.querySelector('.plot')
          ?.getBoundingClientRect().height ?? 0,
    );
    assert.ok(plotHeight > 100, `the chart has room to draw (${plotHeight}px)`);
    // Hydration is over long before the first price; give a late message a moment all the same.
    await page.waitForTimeout(500);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
}

/**
 * `@tickwire/react` in a Next.js App Router app, as a Next developer meets it: the packed
 * tarballs installed into a fresh app whose page is a Server Component; `next build` prerenders
 * the page in Node (where the elements' browser globals do not exist); `next start` serves it,
 * and Chromium hydrates it against a real relay without a warning.
 */
describe('@tickwire/react in a Next.js App Router app', { timeout: 420_000 }, () => {
  let app: ThrowawayApp | undefined;
  let relay: Relay | undefined;
  let browser: Browser | undefined;
  const servers: NextServer[] = [];

  before(async () => {
    // Next asks to send telemetry unless told not to; nothing here leaves loopback.
    process.env.NEXT_TELEMETRY_DISABLED = '1';
    relay = await startDemoRelay({ SYMBOLS: 'BTC,ETH' }, 5);
    app = await throwawayApp({
      name: 'next-app',
      packages: ['protocol', 'widgets', 'react'],
      devDependencies: {
        next: NEXT_VERSION,
        ...(await ourVersions(
          'react',
          'react-dom',
          'typescript',
          '@types/react',
          '@types/react-dom',
          '@types/node',
        )),
      },
      files: {
        'tsconfig.json': TSCONFIG,
        'app/layout.tsx': LAYOUT_TSX,
        'app/page.tsx': PAGE_TSX,
        // create-next-app ships an icon too; without one Chromium asks for /favicon.ico (a 404).
        'app/icon.svg': ICON_SVG,
      },
    });
  });

  after(async () => {
    for (const server of servers) await server.stop();
    await browser?.close();
    await relay?.stop();
    await app?.remove();
  });

  test('next build prerenders the Server Component page in Node', {
    timeout: 300_000,
  }, async () => {
    assert.ok(app && relay);
    process.env.TICKWIRE_RELAY = `${relay.url}/`;
    await app.exec('next', 'build');
    // Prerendered at build time: the page is a static HTML file, not rendered per request.
    await access(join(app.dir, '.next', 'server', 'app', 'index.html'));
  });

  test('next start serves it: a live price and a chart in Chromium, nothing on the console', {
    timeout: 120_000,
  }, async () => {
    assert.ok(app);
    const server = await startNext(app, 'start');
    servers.push(server);
    // The prerendered HTML holds the elements, for their code to upgrade where they stand.
    const html = await (await fetch(server.url)).text();
    assert.match(html, /<price-card[\s>]/);
    assert.match(html, /<live-chart[\s>]/);
    browser = await launchChromium();
    await checkInChromium(browser, server.url);
    await server.stop();
  });

  // A production React does not compare attributes when it hydrates; a development one does,
  // and logs each difference. So the same page once more under `next dev`.
  test('next dev, where React reports every hydration difference: none', {
    timeout: 150_000,
  }, async () => {
    assert.ok(app);
    const server = await startNext(app, 'dev');
    servers.push(server);
    browser ??= await launchChromium();
    await checkInChromium(browser, server.url, [LIT_DEV_MODE]);
    await server.stop();
  });
});
