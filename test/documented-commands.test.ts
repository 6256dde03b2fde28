import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '../packages/relay/src/config.js';
import { startFakeBinance } from '../packages/relay/test/support/fake-binance.js';
import { FakeBinanceStream } from '../packages/relay/test/support/fake-binance-stream.js';
import { startFakeCoinGecko } from '../packages/relay/test/support/fake-coingecko.js';
import { FakeMarket } from '../packages/relay/test/support/fake-market.js';
import { freePort } from '../packages/relay/test/support/free-port.js';
import { RedisServer } from '../packages/relay/test/support/redis-server.js';

/**
 * Every shell command the documents give a reader is run: here, or by the test or CI step named
 * beside it below. A command added to a document without a line here fails this test, so no
 * document can promise a command nobody ran.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCRIPTS: Record<string, string> = JSON.parse(
  readFileSync(join(ROOT, 'package.json'), 'utf8'),
).scripts;

/** Where each documented command is run, when not here: a file and a phrase in it that runs it. */
const RUN_ELSEWHERE: Record<string, [file: string, phrase: string]> = {
  'npm install && npm test': ['.ci/run', 'npm test'],
  'npm run bench': ['test/documented-commands.test.ts', "BENCH_ONLY: 'size'"],
  'npm run build-storybook': ['scripts/run-tests.mjs', "'build-storybook'"],
  'npm run baselines': ['test/visual.test.ts', "process.env.UPDATE_BASELINES === '1'"],
  'sudo apt-get install chromium firefox-esr redis-server nginx-light': [
    '.ci/run',
    'apt-get install -y',
  ],
  'sudo apt-get install redis-server': ['.ci/run', 'missing+=(redis-server)'],
  'npm install @tickwire/protocol': ['test/widgets-in-an-app.test.ts', "packages: ['protocol'"],
  'npm install @tickwire/widgets': ['test/widgets-in-an-app.test.ts', "'protocol', 'widgets'"],
  'npm install @tickwire/react react': ['test/react-app.test.ts', '@tickwire/react'],
  'npm install @tickwire/relay': ['test/relay-tarball.test.ts', 'tickwire-relay'],
  'npm install @tickwire/relay --omit=optional': [
    'test/relay-without-ccxt.test.ts',
    "installArgs: ['--omit=optional']",
  ],
  'SOURCES=coingecko npx tickwire-relay': [
    'test/relay-without-ccxt.test.ts',
    "start({ SOURCES: 'coingecko'",
  ],
  'npx tickwire-relay': ['test/relay-tarball.test.ts', "'.bin', 'tickwire-relay'"],
  'npx tickwire-relay --help': ['packages/relay/test/library.test.ts', "cli('--help')"],
  'SOURCES=binance,coingecko npx tickwire-relay': [
    'test/documented-commands.test.ts',
    'npm run start:live',
  ],
};

/**
 * Commands this machine cannot run, and why; each is checked as far as it can be here. Docker
 * is not installed on the machines this repository is tested on.
 */
const CANNOT_RUN_HERE: Record<string, string> = {
  'docker build -t tickwire-relay . && docker run -p 8080:8080 -e SOURCES=binance tickwire-relay':
    'no Docker here: the Dockerfile is checked below instead',
};

describe('every command in the documents is run', () => {
  const commands = documentedCommands();

  test('each is run here, by a named test or by CI', () => {
    assert.ok(
      commands.length >= 15,
      `only ${commands.length} commands found: is the parser blind?`,
    );
    const unaccounted = commands.filter(
      ({ command }) =>
        !RUN_HERE.has(command) && !(command in RUN_ELSEWHERE) && !(command in CANNOT_RUN_HERE),
    );
    assert.deepEqual(
      unaccounted.map(({ file, command }) => `${file}: ${command}`),
      [],
      'a documented command that no test runs: run it in a test and name it in this file',
    );
    for (const [command, [file, phrase]] of Object.entries(RUN_ELSEWHERE)) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      assert.ok(text.includes(phrase), `${file} no longer runs "${command}" (no "${phrase}")`);
    }
  });

  test('the Dockerfile builds the relay image the docs describe: port 8080, a health check', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    assert.match(dockerfile, /^EXPOSE 8080$/m);
    assert.match(dockerfile, /^HEALTHCHECK .*/m);
    assert.match(dockerfile, /@tickwire\/relay\/dist\/main\.js/);
  });
});

/** The commands run here, by what they claim in their documents. */
const RUN_HERE = new Set([
  'npm install && npm start',
  'npm run start:live',
  'SOURCES=binance:stream,coingecko npm start',
  'REDIS_URL=redis://127.0.0.1:6379 PORT=8081 npm start',
  'REDIS_URL=redis://127.0.0.1:6379 PORT=8082 npm start',
  'npm run storybook',
]);

const children: ChildProcess[] = [];
after(() => {
  for (const child of children) child.kill('SIGTERM');
});

describe('the documented commands do what their documents say', () => {
  test('npm install && npm start: the relay on 127.0.0.1:8080, the demo market, the demo page at /', async () => {
    assert.equal(loadConfig({}).PORT, 8080);
    assert.equal(loadConfig({}).HOST, '127.0.0.1');
    const relay = await npmStart('start', {});
    const page = await fetch(`${relay}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<price-card\b/);
    // The README sends editors to the builder on the same relay.
    const builder = await fetch(`${relay}/builder`);
    assert.equal(builder.status, 200);
    assert.match(await builder.text(), /<h1>Embed builder<\/h1>/);
    const quote = await firstQuote(relay, 'BTC');
    assert.equal(quote.source, 'demo');
    assert.deepEqual(await sourcesOf(relay), { demo: true });
  });

  test('npm run start:live: real sources, Binance first and CoinGecko if it fails, nothing simulated', async () => {
    const market = new FakeMarket();
    const [binance, coingecko] = await Promise.all([
      startFakeBinance(market),
      startFakeCoinGecko(market),
    ]);
    after(() => Promise.all([binance.close(), coingecko.close()]));
    const relay = await npmStart('start:live', {
      SOURCE_URL_BINANCE: binance.url,
      SOURCE_URL_COINGECKO: coingecko.url,
    });
    const quote = await firstQuote(relay, 'BTC');
    assert.equal(quote.source, 'binance');
    assert.deepEqual(await sourcesOf(relay), { binance: false, coingecko: false });
  });

  test('SOURCES=binance:stream,coingecko npm start: Binance streams over its WebSocket, CoinGecko polled', async () => {
    const market = new FakeMarket();
    const [binance, socket, coingecko] = await Promise.all([
      startFakeBinance(market),
      FakeBinanceStream.start(market),
      startFakeCoinGecko(market),
    ]);
    after(() => Promise.all([binance.close(), socket.close(), coingecko.close()]));
    socket.startTicking(100);
    const relay = await npmStart('start', {
      SOURCES: 'binance:stream,coingecko',
      SOURCE_URL_BINANCE: binance.url,
      SOURCE_WS_URL_BINANCE: socket.url,
      SOURCE_URL_COINGECKO: coingecko.url,
    });
    assert.equal((await firstQuote(relay, 'BTC')).source, 'binance');
    const transports = await waitFor(async () => {
      const { sources } = (await (await fetch(`${relay}/v1/sources`)).json()) as {
        sources: { id: string; transport?: string }[];
      };
      return sources[0]?.transport === 'stream' ? sources : null;
    }, 20_000);
    assert.deepEqual(
      transports.map(({ id, transport }) => [id, transport]),
      [
        ['binance', 'stream'],
        ['coingecko', undefined],
      ],
    );
    assert.equal(socket.open, 1);
  });

  test('REDIS_URL=… PORT=8081 npm start and PORT=8082: two relays on one Redis poll as one', async () => {
    const redis = await RedisServer.start();
    after(() => redis.kill());
    const [first, second] = await Promise.all([
      npmStart('start', { REDIS_URL: redis.url }),
      npmStart('start', { REDIS_URL: redis.url }),
    ]);
    const [a, b] = [await firstQuote(first, 'BTC'), await firstQuote(second, 'BTC')];
    assert.equal(a.source, 'demo');
    // One relay polls for the fleet; the other serves what it published.
    const leases = await Promise.all([first, second].map((relay) => pollerMetric(relay)));
    assert.deepEqual(leases.sort(), [0, 1], `lease holders: ${leases}`);
    assert.equal(b.source, 'demo');
  });

  test('npm run storybook: the Storybook dev server answers with every element', async () => {
    const port = await freePort();
    const storybook = spawn('npm', ['run', 'storybook', '--', '--port', String(port)], {
      cwd: ROOT,
      stdio: 'ignore',
      detached: true,
    });
    children.push(storybook);
    try {
      const index = await waitFor(async () => {
        const answer = await fetch(`http://127.0.0.1:${port}/index.json`);
        return answer.ok ? ((await answer.json()) as { entries: Record<string, unknown> }) : null;
      }, 120_000);
      const ids = Object.keys(index.entries).join(' ');
      for (const tag of [
        'price-card',
        'price-ticker',
        'live-chart',
        'market-feed',
        'stream-controls',
      ])
        assert.match(ids, new RegExp(tag), `no story for ${tag}`);
    } finally {
      // npm, Storybook and its workers: the whole group.
      if (storybook.pid) process.kill(-storybook.pid, 'SIGTERM');
    }
  });

  test('npm run bench writes docs/benchmarks.md from what it printed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tickwire-bench-'));
    after(() => rmSync(folder, { recursive: true, force: true }));
    const document = join(folder, 'benchmarks.md');
    // The bench's own entry, as `npm run bench` calls it after its build (done by npm test).
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/run.ts'], {
      cwd: ROOT,
      env: { ...process.env, BENCH_ONLY: 'size', BENCH_DOCUMENT: document },
    });
    const written = readFileSync(document, 'utf8');
    assert.match(written, /^# Benchmarks/);
    assert.match(written, /## Bundle size\n\n_Measured \d{4}-\d\d-\d\d on commit \w+/);
    assert.match(written, /widgets\.js\s+[\d.]+ KiB raw\s+[\d.]+ KiB gzip/);
  });
});

interface ShownQuote {
  source: string;
  ts: number;
}

/** A package.json script as `npm run` would run it, after the build npm test has already done. */
async function npmStart(script: string, env: Record<string, string>): Promise<string> {
  let command = SCRIPTS[script]!;
  const scriptEnv: Record<string, string> = {};
  // `SOURCES=… npm start`: the script's own settings, then the script it runs.
  for (;;) {
    const [, settings = '', next] = command.match(/^((?:\w+=\S+ )*)npm (?:run )?(\S+)$/) ?? [];
    if (!next) break;
    for (const setting of settings.trim().split(' ').filter(Boolean)) {
      const [key, value] = setting.split('=') as [string, string];
      scriptEnv[key] = value;
    }
    command = SCRIPTS[next]!;
  }
  const [build, run] = command.split(' && ');
  assert.equal(build, 'npm run build', `npm ${script} no longer builds first: ${command}`);
  const [program, ...args] = run!.split(' ');
  assert.equal(program, 'node');
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...scriptEnv, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  after(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/readyz`)).ok || null, 30_000);
  return url;
}

async function firstQuote(relay: string, symbol: string): Promise<ShownQuote> {
  const answer = (await (await fetch(`${relay}/v1/quotes?symbols=${symbol}`)).json()) as {
    quotes: Record<string, ShownQuote>;
  };
  assert.ok(answer.quotes[symbol], JSON.stringify(answer));
  return answer.quotes[symbol];
}

/** The relay's sources, and whether each is simulated (`/v1/sources`). */
async function sourcesOf(relay: string): Promise<Record<string, boolean>> {
  const { sources } = (await (await fetch(`${relay}/v1/sources`)).json()) as {
    sources: { id: string; simulated: boolean }[];
  };
  return Object.fromEntries(sources.map(({ id, simulated }) => [id, simulated]));
}

async function pollerMetric(relay: string): Promise<number> {
  return waitFor(async () => {
    const text = await (await fetch(`${relay}/metrics`)).text();
    const value = text.match(/^tickwire_poller_leader (\d)/m)?.[1];
    return value === undefined ? null : Number(value);
  }, 10_000);
}

async function waitFor<T>(probe: () => Promise<T | null | false>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== false) return value;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) throw new Error(`nothing after ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The commands in every document's `sh` blocks, comments and prompts left out. */
function documentedCommands(): { file: string; command: string }[] {
  const documents = [
    'README.md',
    'CONTRIBUTING.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
    ...readdirSync(join(ROOT, 'packages'))
      .map((name) => `packages/${name}/README.md`)
      .filter((file) => existsSync(join(ROOT, file))),
  ];
  return documents.flatMap((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const blocks = [...text.matchAll(/^```(?:sh|bash|shell|console)\n([\s\S]*?)^```/gm)];
    return blocks.flatMap(([, body]) =>
      body!
        .split('\n')
        .map((line) =>
          line
            .replace(/\s+#.*$/, '')
            .replace(/^\$ /, '')
            .trim(),
        )
        .filter((line) => line && !line.startsWith('#'))
        .map((command) => ({ file, command })),
    );
  });
}
