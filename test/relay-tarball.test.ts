import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort } from '../packages/relay/test/support/redis-server.js';
import { run, type ThrowawayApp, throwawayApp } from './support/throwaway-app.js';

/**
 * The relay as an operator meets it: packed as it would be published, installed into an
 * empty folder with nothing of this repository beside it, and run with `npx`.
 */
describe('the relay from its tarball, installed alone', { timeout: 240_000 }, () => {
  let app: ThrowawayApp;

  before(async () => {
    app = await throwawayApp({
      name: 'relay-operator',
      packages: ['protocol', 'relay'],
      devDependencies: {},
      files: {},
    });
  });
  after(async () => {
    await app?.remove();
  });

  test('tickwire-relay serves the demo page, its files, the widgets and live quotes, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    // The installed bin itself, as `npx tickwire-relay` runs it (npx would take the signal).
    const relay: ChildProcess = spawn(join(app.dir, 'node_modules', '.bin', 'tickwire-relay'), [], {
      cwd: app.dir,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const ready = await fetch(`${url}/readyz`).then(
          (answer) => answer.ok,
          () => false,
        );
        if (ready) break;
        assert.ok(Date.now() < deadline, 'the relay did not become ready');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      for (const [path, type] of [
        ['/', /text\/html/],
        ['/demo.css', /text\/css/],
        ['/demo.js', /javascript/],
        ['/widgets.js', /javascript/],
        ['/widgets.iife.js', /javascript/],
      ] as const) {
        const answer = await fetch(`${url}${path}`);
        assert.equal(answer.status, 200, path);
        assert.match(answer.headers.get('content-type') ?? '', type, path);
      }
      const quotes = (await (await fetch(`${url}/v1/quotes?symbols=BTC`)).json()) as {
        quotes: Record<string, { source: string; stale: boolean }>;
      };
      assert.equal(quotes.quotes.BTC?.source, 'demo');
      assert.equal(quotes.quotes.BTC?.stale, false);
    } finally {
      relay.kill('SIGTERM');
      const [code] = await once(relay, 'exit');
      assert.equal(code, 0);
    }
  });

  test("import '@tickwire/relay' opens no port and starts no timer: the process ends by itself", async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const relay = await import('@tickwire/relay'); console.log(typeof relay.createRelay);",
      ],
      { cwd: app.dir, timeout: 20_000 },
    );
    assert.equal(stdout.trim(), 'function');
  });
});
