import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CONFIG_KEYS, ConfigError, loadConfig, misspelledKeys } from '../src/config.js';
import { configTable } from '../src/config-table.js';
import { createSources } from '../src/sources/create-sources.js';
import { redisTarget } from '../src/store/redis-target.js';
import { waitFor } from './support/relay.js';

describe('configuration', () => {
  test('every key has its documented default', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 8080);
    assert.equal(config.HOST, '127.0.0.1');
    assert.deepEqual(config.SOURCES, ['demo']);
    assert.deepEqual(config.SYMBOLS, ['BTC', 'ETH', 'SOL', 'ADA', 'DOT']);
    assert.equal(config.POLL_INTERVAL, 5_000);
    assert.equal(config.PRICE_TTL, 60_000);
    assert.equal(config.MAX_HISTORY, 100);
    assert.deepEqual(config.CURRENCIES, ['USD', 'EUR', 'BTC']);
    assert.equal(config.REDIS_URL, undefined);
    assert.deepEqual(config.CORS_ORIGINS, ['*']);
    assert.equal(config.ADMIN_TOKEN, undefined);
    assert.equal(config.LOG_LEVEL, 'info');
  });

  test('values are trimmed and case-insensitive where that is safe', () => {
    const config = loadConfig({
      SYMBOLS: ' btc , eth,,sol ',
      CURRENCIES: 'eur',
      POLL_INTERVAL: 'slow',
    });
    assert.deepEqual(config.SYMBOLS, ['BTC', 'ETH', 'SOL']);
    assert.deepEqual(config.CURRENCIES, ['EUR']);
    assert.equal(config.POLL_INTERVAL, 30_000);
  });

  test('currencies follow the protocol’s rule for assets: 1–15 letters or digits', () => {
    assert.deepEqual(loadConfig({ CURRENCIES: 'usd, 1000sats ,X' }).CURRENCIES, [
      'USD',
      '1000SATS',
      'X',
    ]);
  });

  test('POLL_INTERVAL takes 1–30 seconds or a named speed', () => {
    const interval = (value: string) => loadConfig({ POLL_INTERVAL: value }).POLL_INTERVAL;
    assert.deepEqual(
      ['ultra_fast', 'fast', 'normal', 'slow', '1', '30'].map(interval),
      [1e3, 5e3, 10e3, 30e3, 1e3, 30e3],
    );
  });

  test('SOURCE_URL_<ID> keeps only the scheme, host and port', () => {
    const config = loadConfig({ SOURCE_URL_BINANCE: 'http://127.0.0.1:9000/ignored/path' });
    assert.deepEqual(config.sourceUrls, { binance: 'http://127.0.0.1:9000' });
  });

  test('SOURCES=binance:stream streams the source binance; SOURCE_WS_URL_<ID> moves its socket', () => {
    const config = loadConfig({
      SOURCES: 'binance:stream,coingecko,ccxt:kraken:stream,ccxt:bitso',
      SOURCE_WS_URL_BINANCE: 'ws://127.0.0.1:9001/ignored',
      SOURCE_WS_URL_CCXT_KRAKEN: 'wss://ws.example.com',
    });
    assert.deepEqual(config.SOURCES, ['binance', 'coingecko', 'ccxt:kraken', 'ccxt:bitso']);
    assert.deepEqual(config.streamingSources, ['binance', 'ccxt:kraken']);
    assert.deepEqual(config.sourceWsUrls, {
      binance: 'ws://127.0.0.1:9001',
      ccxt_kraken: 'wss://ws.example.com',
    });
    assert.deepEqual(misspelledKeys({ SOURCE_WS_URL_BINANCE: 'ws://x' }), []);
  });

  test('a ccxt exchange that ccxt pro cannot stream is refused in one line', async () => {
    const config = loadConfig({ SOURCES: 'ccxt:bitso:stream' });
    await assert.rejects(createSources(config), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /^SOURCES=.*ccxt pro cannot stream 'bitso'.*without :stream/);
      assert.ok(!error.message.includes('\n'), 'one line');
      return true;
    });
  });

  test('TRUST_PROXY takes named ranges, addresses and CIDRs, or a number of hops', () => {
    assert.equal(loadConfig({}).TRUST_PROXY, undefined);
    assert.deepEqual(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).TRUST_PROXY, [
      'loopback',
      '10.0.0.0/8',
      'fd00::1',
    ]);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY, 2);
  });

  for (const [key, value, reason] of [
    ['TRUST_PROXY', 'nginx', /loopback, linklocal, uniquelocal/],
    ['TRUST_PROXY', '10.0.0.0/33', /addresses or CIDRs/],
    ['PORT', 'http', /whole number/],
    ['PORT', '70000', /at most 65535/],
    ['POLL_INTERVAL', '0', /at least 1/],
    ['POLL_INTERVAL', '31', /at most 30/],
    ['POLL_INTERVAL', 'sometimes', /ultra_fast/],
    ['POLL_INTERVAL', '2.5', /whole seconds/],
    ['SYMBOLS', 'BTC,E-TH', /letters or digits/],
    ['SYMBOLS', ' , ', /at least one/],
    ['SOURCES', 'nasdaq', /binance, coingecko, ccxt:<exchange> or demo/],
    ['SOURCES', 'demo,binance', /cannot be mixed with real sources/],
    ['SOURCES', 'coingecko:stream', /binance and ccxt:<exchange> may add :stream/],
    ['SOURCES', 'demo:stream', /binance and ccxt:<exchange> may add :stream/],
    ['MAX_EVENTS_PER_SECOND', '0', /at least 1/],
    ['CURRENCIES', 'us dollars', /currency code/],
    ['CURRENCIES', 'USD,A234567890123456', /1–15 letters or digits/],
    ['REDIS_URL', 'localhost:6379', /redis:\/\//],
    ['REDIS_URL', 'redis://127.0.0.1:notaport', /valid host and port/],
    ['REDIS_URL', 'redis+sentinel://a:26379,b/mymaster', /redis\+sentinel:\/\/host:port/],
    ['REDIS_SENTINELS', 'sentinel-1', /host:port/],
    ['REDIS_CLUSTER', '10.0.0.1:6379,10.0.0.2:99999', /host:port/],
    ['CORS_ORIGINS', 'example.com', /origins like/],
    ['ADMIN_TOKEN', 'short', /16 characters/],
    ['LOG_LEVEL', 'loud', /expected fatal/],
    ['SOURCE_URL_BINANCE', 'ftp://mirror', /http:\/\//],
    ['SOURCE_WS_URL_BINANCE', 'https://stream.example.com', /ws:\/\/ or wss:\/\//],
  ] as const) {
    test(`${key}=${value} is refused with a line naming the key`, () => {
      assert.throws(
        () => loadConfig({ [key]: value }),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.ok(error.message.startsWith(`${key}=`), error.message);
          assert.match(error.message, reason);
          assert.ok(!error.message.includes('\n'), 'one line');
          return true;
        },
      );
    });
  }

  test('REDIS_* name one server, a primary behind Sentinels, or a Cluster', () => {
    const target = (env: Record<string, string>) => redisTarget(loadConfig(env));
    assert.equal(target({}), undefined);
    assert.deepEqual(target({ REDIS_URL: 'redis://127.0.0.1:6379' }), {
      kind: 'server',
      url: 'redis://127.0.0.1:6379',
    });
    assert.deepEqual(
      target({ REDIS_SENTINELS: 's1:26379, [::1]:26380', REDIS_SENTINEL_NAME: 'prices' }),
      {
        kind: 'sentinel',
        name: 'prices',
        sentinels: [
          { host: 's1', port: 26379 },
          { host: '::1', port: 26380 },
        ],
      },
    );
    assert.deepEqual(target({ REDIS_URL: 'redis+sentinel://:p%40ss@s1:26379,s2:26379/prices/2' }), {
      kind: 'sentinel',
      name: 'prices',
      password: 'p@ss',
      db: 2,
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
      ],
    });
    assert.deepEqual(target({ REDIS_CLUSTER: '10.0.0.1:7000,10.0.0.2:7000' }), {
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7000 },
      ],
    });
  });

  for (const [env, reason] of [
    [
      { REDIS_URL: 'redis://r:6379', REDIS_CLUSTER: 'n1:7000' },
      /REDIS_URL or REDIS_CLUSTER, not both/,
    ],
    [{ REDIS_SENTINELS: 's1:26379' }, /needs REDIS_SENTINEL_NAME/],
    [{ MAX_CONNECTIONS_PER_IP: '20' }, /at least MAX_CLIENTS_PER_IP \(50\)/],
    [{ REDIS_SENTINEL_NAME: 'prices' }, /needs REDIS_SENTINELS/],
    [{ REDIS_URL: 'redis+sentinel://s1:26379' }, /names no primary/],
    [
      { REDIS_URL: 'redis://r:6379', REDIS_SENTINELS: 's1:26379', REDIS_SENTINEL_NAME: 'p' },
      /one server/,
    ],
    [
      { REDIS_CLUSTER: 'n1:7000', REDIS_SENTINELS: 's1:26379', REDIS_SENTINEL_NAME: 'p' },
      /no Sentinels/,
    ],
  ] as const) {
    test(`${Object.keys(env).join(' with ')} (${Object.values(env).join(', ')}) is one clear line`, () => {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, reason);
          assert.ok(!error.message.includes('\n'), 'one line');
          return true;
        },
      );
    });
  }

  test('settings that look misspelled are named with the key they probably meant', () => {
    assert.deepEqual(
      misspelledKeys({
        POLL_INTERVALL: '3',
        SYMBOL: 'BTC',
        MAX_CLIENT: '10',
        port: '9000',
        PROT: '9000',
        TICKWIRE_PORT: '9000',
        TICKWIRE_THEME: 'dark',
        QUOTE: 'EUR',
      }),
      [
        { key: 'POLL_INTERVALL', likely: 'POLL_INTERVAL' },
        { key: 'SYMBOL', likely: 'SYMBOLS' },
        { key: 'MAX_CLIENT', likely: 'MAX_CLIENTS' },
        { key: 'port', likely: 'PORT' },
        { key: 'PROT', likely: 'PORT' },
        { key: 'TICKWIRE_PORT', likely: 'PORT' },
        { key: 'TICKWIRE_THEME' },
        { key: 'QUOTE', likely: 'CURRENCIES' },
      ],
    );
  });

  test("a shell's own variables and the relay's own keys are not taken for typos", () => {
    const shell = ['HOME', 'PATH', 'PWD', 'OLDPWD', 'USER', 'LOGNAME', 'SHELL', 'TERM', 'LANG'];
    const others = ['HOSTNAME', 'NODE_ENV', 'NODE_OPTIONS', 'TZ', 'CI', 'REDIS_PASSWORD', 'PAGER'];
    const env = Object.fromEntries([...shell, ...others].map((key) => [key, 'x']));
    for (const key of Object.keys(CONFIG_KEYS)) env[key] = 'x';
    env.SOURCE_URL_BINANCE = 'http://127.0.0.1:9000';
    assert.deepEqual(misspelledKeys(env), []);
  });

  test('the relay refuses bad config with one line on stderr and exit code 2', () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'tickwire: bad configuration: PORT="eighty": expected a whole number from 0 to 65535\n',
    );
  });

  test('a stream ccxt pro lacks is refused at start with one line and exit code 2', () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, PORT: '0', SOURCES: 'ccxt:bitso:stream' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 2);
    assert.equal(
      result.stderr,
      "tickwire: bad configuration: SOURCES=ccxt:bitso:stream: ccxt pro cannot stream 'bitso' (no watchTicker); name it without :stream to poll it\n",
    );
  });

  test('MAX_CLIENTS beyond what the open-file limit leaves room for, and a misspelled key, are said at start', async () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: {
        ...process.env,
        PORT: '0',
        MAX_CLIENTS: '1000000',
        POLL_INTERVALL: '3',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      await waitFor(() => (output.includes('open-file limit') ? true : undefined), 20_000);
      const line = JSON.parse(output.split('\n').find((text) => text.includes('open-file'))!);
      assert.equal(line.level, 40, 'a warning');
      assert.match(
        line.msg,
        /^MAX_CLIENTS=1000000 is more streams than the open-file limit \(\d+\)/,
      );
      const typo = JSON.parse(output.split('\n').find((text) => text.includes('INTERVALL'))!);
      assert.equal(typo.level, 40);
      assert.equal(
        typo.msg,
        'POLL_INTERVALL is not a setting of the relay and is ignored; did you mean POLL_INTERVAL?',
      );
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  test('docs/operating.md documents every key with its default, as generated from the code', () => {
    const doc = readFileSync(
      fileURLToPath(new URL('../../../docs/operating.md', import.meta.url)),
      'utf8',
    );
    assert.ok(
      doc.includes(configTable()),
      'docs/operating.md holds the table `npm run config-table` prints (scripts/config-table.ts --write writes it)',
    );
    for (const key of Object.keys(CONFIG_KEYS)) assert.ok(doc.includes(`\`${key}\``), key);
  });
});
