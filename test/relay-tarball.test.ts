import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort } from '../packages/relay/test/support/free-port.js';
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
        ['/builder', /text\/html/],
        ['/builder.css', /text\/css/],
        ['/builder.js', /javascript/],
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

  test("the README's embed example runs as written from the tarball: the relay on /prices of an Express app, and exits 0 on SIGTERM", async () => {
    const readme = readFileSync(new URL('../packages/relay/README.md', import.meta.url), 'utf8');
    const example = /## Embed it in your server[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example, 'the README has its embed example');
    // Two changes only: the simulated market (no exchange can be reached here) and a free port, told.
    const script = example
      .replace("SOURCES: 'binance'", "SOURCES: 'demo'")
      .replace(
        'site.listen(3000);',
        "const server = site.listen(0, '127.0.0.1', () => console.log(server.address().port));",
      );
    assert.notEqual(script, example);
    writeFileSync(join(app.dir, 'embed.mjs'), script);
    const child = spawn(process.execPath, ['embed.mjs'], {
      cwd: app.dir,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [line] = (await once(child.stdout!, 'data')) as [Buffer];
      const base = `http://127.0.0.1:${Number(line.toString())}/prices`;
      const deadline = Date.now() + 30_000;
      for (;;) {
        const answer = await fetch(`${base}/v1/quotes?symbols=BTC,ETH`);
        const { quotes } = (await answer.json()) as { quotes: Record<string, { source: string }> };
        if (quotes.BTC && quotes.ETH) {
          assert.equal(quotes.BTC.source, 'demo');
          break;
        }
        assert.ok(Date.now() < deadline, 'no quotes from the mounted relay');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.equal((await fetch(`${base}/widgets.js`)).status, 200);
    } finally {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      assert.equal(code, 0);
    }
  });
});
