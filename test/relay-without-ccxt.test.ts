import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startFakeBinance } from '../packages/relay/test/support/fake-binance.js';
import { startFakeCoinGecko } from '../packages/relay/test/support/fake-coingecko.js';
import { FakeMarket } from '../packages/relay/test/support/fake-market.js';
import { freePort } from '../packages/relay/test/support/free-port.js';
import { run, type ThrowawayApp, throwawayApp } from './support/throwaway-app.js';

/** What an install without ccxt may weigh at most, bytes (the relay with ccxt: ~90 MB). */
const MAX_BYTES_WITHOUT_CCXT = 30 * 1024 * 1024;

/** Bytes of every file under `dir`, as `du --apparent-size` counts them; links not followed. */
async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await bytesUnder(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * ccxt is an optional dependency of the relay, imported only when a configured source needs
 * it: an operator who runs the demo market or CoinGecko installs without it
 * (`npm install @tickwire/relay --omit=optional`, packages/relay/README.md) and a third of
 * the weight, and one who then names Binance is told in one line what to install.
 */
describe('the relay from its tarball, installed without ccxt', { timeout: 300_000 }, () => {
  let app: ThrowawayApp;
  const bin = () => join(app.dir, 'node_modules', '.bin', 'tickwire-relay');

  before(async () => {
    app = await throwawayApp({
      name: 'relay-without-ccxt',
      packages: ['protocol', 'relay'],
      devDependencies: {},
      files: {},
      installArgs: ['--omit=optional'],
    });
  });
  after(async () => {
    await app?.remove();
  });

  /** Runs the installed command with `env` until it is ready (then stops it) or exits. */
  async function start(env: Record<string, string>) {
    const port = await freePort();
    const relay: ChildProcess = spawn(bin(), [], {
      cwd: app.dir,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    relay.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = once(relay, 'exit').then(([code]) => code as number | null);
    const deadline = Date.now() + 30_000;
    let ready = false;
    while (!ready && Date.now() < deadline) {
      const ended = await Promise.race([
        exited.then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 200)),
      ]);
      if (ended) break;
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (answer) => answer.ok,
        () => false,
      );
    }
    if (ready || relay.exitCode === null) relay.kill('SIGTERM');
    return { ready, code: await exited, stderr };
  }

  test(`installs in at most ${mb(MAX_BYTES_WITHOUT_CCXT)}, ccxt left out`, async (t) => {
    assert.ok(!existsSync(join(app.dir, 'node_modules', 'ccxt')), 'ccxt is not installed');
    const bytes = await bytesUnder(join(app.dir, 'node_modules'));
    t.diagnostic(`node_modules without ccxt: ${mb(bytes)}`);
    assert.ok(bytes <= MAX_BYTES_WITHOUT_CCXT, `${mb(bytes)} installed`);
  });

  test('SOURCES=demo and SOURCES=coingecko start and serve prices without ccxt', async () => {
    const demo = await start({ SOURCES: 'demo' });
    assert.ok(demo.ready, `the demo relay did not become ready: ${demo.stderr}`);
    assert.equal(demo.code, 0);
    const coingecko = await startFakeCoinGecko(new FakeMarket());
    try {
      const relay = await start({ SOURCES: 'coingecko', SOURCE_URL_COINGECKO: coingecko.url });
      assert.ok(relay.ready, `the CoinGecko relay did not become ready: ${relay.stderr}`);
      assert.equal(relay.code, 0);
    } finally {
      await coingecko.close();
    }
  });

  test('SOURCES=binance exits 2 with one line: what is missing and the command that adds it; that command makes it run', async (t) => {
    for (const sources of ['binance', 'binance:stream', 'ccxt:kraken']) {
      const { ready, code, stderr } = await start({ SOURCES: sources });
      assert.equal(ready, false, sources);
      assert.equal(code, 2, sources);
      const lines = stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, `one line on stderr for ${sources}: ${stderr}`);
      assert.match(lines[0]!, /^tickwire: bad configuration: SOURCES=.*ccxt is not installed/);
    }
    const { stderr } = await start({ SOURCES: 'binance' });
    const command = /add it with: (npm install ccxt@\S+)$/.exec(stderr.trim())?.[1];
    assert.ok(command, `the line names the command: ${stderr}`);

    // The operator runs the command as written (its install script left out: it calls out).
    const [npm, ...args] = command.split(' ');
    await run(npm!, [...args, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], {
      cwd: app.dir,
      timeout: 240_000,
    });
    t.diagnostic(`node_modules with ccxt: ${mb(await bytesUnder(join(app.dir, 'node_modules')))}`);
    const market = new FakeMarket();
    const binance = await startFakeBinance(market);
    try {
      const { ready, code, stderr } = await start({
        SOURCES: 'binance',
        SOURCE_URL_BINANCE: binance.url,
        SYMBOLS: 'BTC',
      });
      assert.ok(ready, `with ccxt installed the relay runs Binance: ${stderr}`);
      assert.equal(code, 0);
    } finally {
      await binance.close();
    }
  });
});
