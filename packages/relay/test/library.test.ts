import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import express from 'express';
import { pino } from 'pino';
import {
  ConfigError,
  createRelay,
  loadConfig,
  type RelayConfig,
  type RelaySettings,
} from '../src/index.js';
import { DemoSource } from '../src/sources/demo.js';
import { SseReader } from './support/sse-reader.js';

const run = promisify(execFile);
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const INDEX = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));
const WITHOUT_RELAY_DEPS = fileURLToPath(
  new URL('./support/without-relay-deps.ts', import.meta.url),
);
/** The relay's command as a user runs it, from source through tsx. */
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });

describe('the relay as a library', () => {
  test('a configuration built by hand is held to the same bounds: one clear error, no busy loop', async () => {
    for (const [change, reason] of [
      [
        { POLL_INTERVAL: 0 },
        /^POLL_INTERVAL=0: expected a whole number from 10 to 3600000 \(ms\)$/,
      ],
      [{ MAX_HISTORY: -5 }, /^MAX_HISTORY=-5: expected a whole number from 1 to 10000$/],
      [{ SYMBOLS: [] }, /^SYMBOLS: expected at least one symbol$/],
    ] as const) {
      await assert.rejects(
        createRelay({
          config: { ...loadConfig({}), ...change } as RelayConfig,
          sources: [new DemoSource({ seed: 3 })],
          log: pino({ level: 'silent' }),
        }),
        (error: Error) => reason.test(error.message),
      );
    }
  });

  test("settings by the environment's names and units (seconds, lists): read by its rules, a bad one is one clear error", async () => {
    const relay = await createRelay({
      settings: { SYMBOLS: ['BTC', 'ETH'], POLL_INTERVAL: 2, PRICE_TTL: 90, LOG_LEVEL: 'silent' },
      sources: [new DemoSource({ seed: 3 })],
    });
    try {
      assert.equal(relay.poller.intervalMs, 2_000, 'seconds, as in the environment');
    } finally {
      await relay.close();
    }
    for (const [settings, reason] of [
      [{ POLL_INTERVAL: 0 }, /^POLL_INTERVAL="0": expected/],
      [{ SYMBOLS: ['BTC', 'B-T'] }, /^SYMBOLS=/],
      [{ SOURCES: 'demo,binance' }, /^SOURCES="demo,binance": demo is the simulated market/],
      [
        { POLL_INTERVALL: 5 },
        /^POLL_INTERVALL: not a setting of the relay; did you mean POLL_INTERVAL\?$/,
      ],
    ] as const) {
      await assert.rejects(
        createRelay({ settings: settings as RelaySettings, log: pino({ level: 'silent' }) }),
        (error: Error) => error instanceof ConfigError && reason.test(error.message),
        JSON.stringify(settings),
      );
    }
    await assert.rejects(
      createRelay({ settings: {}, config: loadConfig({}) }),
      /pass settings or config, not both/,
    );
  });

  test('mounted in an Express app on /prices: demo page, API, stream and bundle all answer there', async () => {
    const relay = await createRelay({
      config: { ...loadConfig({ SYMBOLS: 'BTC,ETH' }), POLL_INTERVAL: 100 },
      sources: [new DemoSource({ seed: 3 })],
      log: pino({ level: 'silent' }),
    });
    const site = express();
    site.get('/', (_req, res) => {
      res.send('the host site');
    });
    site.use('/prices', relay.app);
    const server = createServer(site).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      assert.equal(
        await (await fetch(`${base}/`)).text(),
        'the host site',
        'the host keeps its own routes',
      );

      const bare = await fetch(`${base}/prices?x=1`, { redirect: 'manual' });
      assert.equal(bare.status, 308);
      assert.equal(bare.headers.get('location'), '/prices/?x=1');
      const page = await (await fetch(`${base}/prices/`)).text();
      assert.match(page, /src="widgets\.js"/, 'the page links relative to the mount');
      assert.ok(page.includes(`${base}/prices/widgets.js`), 'the snippets name the mounted URL');
      const builder = await (await fetch(`${base}/prices/builder`)).text();
      assert.match(builder, /src="builder\.js"/, 'the builder links relative to the mount');
      assert.ok(builder.includes(`"base":"${base}/prices/"`), 'its snippets name the mounted URL');
      for (const path of ['widgets.js', 'demo.css', 'demo.js', 'builder.js', 'v1/symbols']) {
        assert.equal((await fetch(`${base}/prices/${path}`)).status, 200, path);
      }
      const quotes = (await (await fetch(`${base}/prices/v1/quotes?symbols=BTC`)).json()) as {
        quotes: Record<string, { source: string }>;
      };
      assert.equal(quotes.quotes.BTC?.source, 'demo');

      const reader = await SseReader.open(`${base}/prices/v1/stream?symbols=ETH`);
      try {
        await reader.untilEvent('quotes');
      } finally {
        await reader.close();
      }
    } finally {
      await relay.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('importing the package starts nothing: no port, no timer keeps the process alive', async () => {
    const { stdout } = await run(process.execPath, [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const relay = await import(${JSON.stringify(INDEX)}); console.log(Object.keys(relay).sort().join(','));`,
    ]);
    // The process exited by itself: had the import listened or polled, it would still run.
    assert.match(stdout, /createRelay/);
    assert.match(stdout, /loadConfig/);
  });
});

describe('the tickwire-relay command', () => {
  test('--help lists every setting with its default; --version prints the version', async () => {
    const { stdout: help } = await cli('--help');
    assert.match(help, /^Usage: tickwire-relay/);
    for (const key of ['PORT', 'SOURCES', 'POLL_INTERVAL', 'PRICE_TTL', 'REDIS_URL']) {
      assert.match(help, new RegExp(`\\b${key}\\b`), key);
    }
    const { stdout: version } = await cli('--version');
    assert.match(version.trim(), /^\d+\.\d+\.\d+/);
  });

  test('--version and --help answer without loading the relay (Express, ccxt, Redis)', async () => {
    const light = (arg: string) =>
      run(process.execPath, ['--import', 'tsx', '--import', WITHOUT_RELAY_DEPS, MAIN, arg]);
    const { version } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };
    assert.equal((await light('--version')).stdout, `${version}\n`);
    assert.match((await light('--help')).stdout, /^Usage: tickwire-relay/);
    // The same guard stops a relay that starts: it does load them.
    const started = await run(
      process.execPath,
      ['--import', 'tsx', '--import', WITHOUT_RELAY_DEPS, MAIN],
      // Were the guard broken, the relay would start: on a free port, and stopped by the timeout.
      { env: { ...process.env, PORT: '0', HOST: '127.0.0.1' }, timeout: 20_000 },
    ).catch((error: { code: number; stderr: string }) => error);
    assert.ok('code' in started && started.code !== 0);
    assert.match(started.stderr, /imported (express|ccxt|ioredis|compression)/);
  });

  test('an unknown argument or a bad setting is one line and exit code 2', async () => {
    for (const [args, env, line] of [
      [['--frobnicate'], {}, /unknown argument --frobnicate/],
      [[], { SOURCES: 'nasdaq' }, /bad configuration: SOURCES=/],
      [[], { REDIS_URL: 'redis://127.0.0.1:notaport' }, /bad configuration: REDIS_URL=/],
    ] as const) {
      const failure = await run(process.execPath, ['--import', 'tsx', MAIN, ...args], {
        env: { ...process.env, ...env },
      }).catch((error: { code: number; stderr: string }) => error);
      assert.ok('code' in failure, `${args} ${JSON.stringify(env)} should fail`);
      assert.equal(failure.code, 2);
      assert.match(failure.stderr, line);
      assert.equal(failure.stderr.trim().split('\n').length, 1, 'one line');
    }
  });
});
