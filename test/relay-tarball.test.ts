import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../packages/relay/test/support/redis-server.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The relay as an operator meets it: packed as it would be published, installed into an
 * empty folder with nothing of this repository beside it, and run with `npx`.
 */
describe('the relay from its tarball, installed alone', { timeout: 240_000 }, () => {
  let app: string;

  before(async () => {
    app = await mkdtemp(join(tmpdir(), 'tickwire-relay-app-'));
    const packs = join(app, 'packs');
    await mkdir(packs);
    await run(
      'npm',
      ['pack', '-w', '@tickwire/protocol', '-w', '@tickwire/relay', '--pack-destination', packs],
      { cwd: ROOT },
    );
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({ name: 'relay-operator', private: true, type: 'module' }),
    );
    const tarballs = (await readdir(packs)).map((file) => join(packs, file));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], {
      cwd: app,
    });
  });
  after(async () => {
    if (app) await rm(app, { recursive: true, force: true });
  });

  test('tickwire-relay serves the demo page, its files, the widgets and live quotes, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    // The installed bin itself, as `npx tickwire-relay` runs it (npx would take the signal).
    const relay: ChildProcess = spawn(join(app, 'node_modules', '.bin', 'tickwire-relay'), [], {
      cwd: app,
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
      { cwd: app, timeout: 20_000 },
    );
    assert.equal(stdout.trim(), 'function');
  });
});
