import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, test } from 'node:test';
import type { Quote } from '@tickwire/protocol';
import { MAX_RETRY_AFTER_MS } from '@tickwire/protocol';
import { pino } from 'pino';
import { readiness } from '../src/http/readiness.js';
import { logRefused } from '../src/http/request-log.js';
import { openEventStream } from '../src/http/sse.js';
import { Backoff, SourceHealth } from '../src/poller/source-health.js';
import type { Relay } from '../src/relay.js';
import { createCcxtSource } from '../src/sources/ccxt-source.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { WatchList } from '../src/watch-list.js';
import { startFakeBinance } from './support/fake-binance.js';
import { startFakeKraken } from './support/fake-kraken.js';
import { FakeMarket } from './support/fake-market.js';
import type { FakeUpstream } from './support/fake-upstream.js';
import { testQuote } from './support/quotes.js';
import { getQuotes, getSources, startTestRelay, waitFor } from './support/relay.js';

const TTL_MS = 1_000;
const INTERVAL_MS = 100;
/** Staleness is checked on a 1 s clock; a busy CI machine gets a few seconds more. */
const STALE_WITHIN_MS = TTL_MS + INTERVAL_MS + 1_000 + 3_000;
const YEAR_MS = 365 * 24 * 3_600_000;

/**
 * A relay of one real ccxt source against its fake, polling BTC every 100 ms; ccxt's own
 * pacing (Kraken's is 3 s a call) is shortened to match.
 */
async function relayOn(
  exchangeId: 'binance' | 'kraken',
  start: (market: FakeMarket) => Promise<FakeUpstream>,
  market: FakeMarket,
) {
  const upstream = await start(market);
  const sourceId = exchangeId === 'binance' ? 'binance' : `ccxt:${exchangeId}`;
  const source = await createCcxtSource({
    exchangeId,
    sourceId,
    currencies: ['USD'],
    baseUrl: upstream.url,
    timeoutMs: 1_000,
    exchangeOptions: {
      rateLimit: 10,
      options: { defaultType: 'spot', fetchMarkets: { types: ['spot'] } },
    },
  });
  const relay = await startTestRelay({
    env: { SOURCES: sourceId, SYMBOLS: 'BTC' },
    config: { PRICE_TTL: TTL_MS, POLL_INTERVAL: INTERVAL_MS },
    sources: [source],
  });
  return { relay, upstream };
}

describe('a halted feed never stays live', () => {
  let relay: Relay | undefined;
  let upstream: FakeUpstream | undefined;
  afterEach(async () => {
    await relay?.stop();
    await upstream?.close();
  });

  const btc = async () => (await getQuotes(relay!, 'BTC')).quotes.BTC ?? undefined;
  /** Waits until BTC has been served, then until it is served stale; returns both. */
  const untilStale = async () => {
    const first = await waitFor(btc);
    const stale = await waitFor(
      async () => {
        const quote = await btc();
        return quote?.stale ? quote : undefined;
      },
      STALE_WITHIN_MS,
      async () => JSON.stringify(await btc()),
    );
    return { first, stale };
  };
  /** The stale price is no outage: the source is still asked, answers well, and says so. */
  const assertStillPolled = async (path: string) => {
    const before = upstream!.callsTo(path).length;
    await waitFor(() => (upstream!.callsTo(path).length > before + 2 ? true : undefined));
    const [status] = (await getSources(relay!)).sources;
    assert.equal(status?.state, 'ok');
    assert.equal((await btc())?.stale, true, 'and the price stays stale');
  };
  const sameQuote = (a: Quote, b: Quote) => {
    assert.equal(b.price, a.price);
    assert.equal(b.ts, a.ts, 'its time never moved');
  };

  test('Binance repeating one price and one closeTime: stale at the TTL', async () => {
    const market = new FakeMarket();
    market.halt();
    ({ relay, upstream } = await relayOn('binance', startFakeBinance, market));
    const { first, stale } = await untilStale();
    sameQuote(first, stale);
    await assertStillPolled('/api/v3/ticker');
  });

  test('Binance repeating a closeTime a year ahead: timed at receipt once, then stale at the TTL', async () => {
    const market = new FakeMarket();
    market.halt(Date.now() + YEAR_MS);
    ({ relay, upstream } = await relayOn('binance', startFakeBinance, market));
    const { first, stale } = await untilStale();
    assert.ok(first.ts <= Date.now(), 'not timed in the future');
    sameQuote(first, stale);
    await assertStillPolled('/api/v3/ticker');
  });

  test('Kraken, whose tickers carry no time, repeating its values: stale at the TTL; live again when they move', async () => {
    const market = new FakeMarket();
    ({ relay, upstream } = await relayOn('kraken', startFakeKraken, market));
    await waitFor(async () => ((await btc())?.stale === false ? true : undefined));
    market.halt();
    const { stale } = await untilStale();
    await assertStillPolled('/0/public/Ticker');

    market.resume();
    const live = await waitFor(async () => {
      const quote = await btc();
      return quote && !quote.stale ? quote : undefined;
    });
    assert.notEqual(live.price, stale.price);
  });
});

describe("an upstream's Retry-After is believed up to 10 minutes, and said", () => {
  const NOW = 1_764_200_000_000;

  test('the one backoff waits out a named time in full, but never past the cap', () => {
    const backoff = new Backoff(() => 0);
    assert.equal(backoff.failed(NOW, 2_000), 2_000);
    assert.equal(backoff.failed(NOW, 999_999_000), MAX_RETRY_AFTER_MS);
    assert.equal(backoff.available(NOW + MAX_RETRY_AFTER_MS - 1), false);
    assert.equal(backoff.available(NOW + MAX_RETRY_AFTER_MS), true);
  });

  test('a source waiting one out says when it will be asked again', () => {
    const health = new SourceHealth('binance', false, () => 0);
    health.failed(NOW, 'rate limited (HTTP 429)', 999_999_000);
    const status = health.status();
    assert.equal(status.state, 'degraded');
    assert.equal(status.error, 'rate limited (HTTP 429); retrying in 10 min');
    assert.equal(status.retryAt, NOW + MAX_RETRY_AFTER_MS);
    health.succeeded(NOW + MAX_RETRY_AFTER_MS);
    assert.equal(health.status().retryAt, undefined);
  });

  test('not ready while every source waits and nothing is fresh; ready when one may be asked', async () => {
    let now = NOW;
    const store = new MemoryStore({
      ttlMs: 1_000,
      maxHistory: 10,
      eventLogSize: 10,
      now: () => now,
    });
    const watchList = new WatchList(['BTC'], { graceMs: 60_000, maxExtra: 10, now: () => now });
    try {
      await store.appendQuotes([testQuote('BTC', 67_000, NOW)], NOW);
      const health = new SourceHealth('binance', false, () => 0);
      health.failed(NOW, 'rate limited (HTTP 429)', 999_999_000);
      await store.setSourceStatus([health.status()]);
      assert.deepEqual(await readiness({ store, watchList }, now), { ready: true }, 'BTC is fresh');

      now = NOW + 5_000;
      const refused = await readiness({ store, watchList }, now);
      assert.equal(refused.ready, false);
      assert.ok(!refused.ready);
      assert.equal(refused.error.code, 'sources_unavailable');
      assert.match(
        refused.error.message,
        /binance \(rate limited \(HTTP 429\); retrying in 10 min\)/,
      );
      assert.deepEqual(
        refused.sources?.map((source) => source.id),
        ['binance'],
      );

      now = NOW + MAX_RETRY_AFTER_MS;
      assert.deepEqual(await readiness({ store, watchList }, now), { ready: true }, 'may be asked');
    } finally {
      await store.close();
    }
  });

  test('a fake Binance answering 429 with Retry-After: 999999: /v1/sources and /readyz tell it, and nothing asks it again', async () => {
    const market = new FakeMarket();
    const { relay, upstream } = await relayOn('binance', startFakeBinance, market);
    try {
      const btc = async () => (await getQuotes(relay, 'BTC')).quotes.BTC ?? undefined;
      await waitFor(async () => ((await btc())?.stale === false ? true : undefined));
      assert.equal((await fetch(`${relay.url}/readyz`)).status, 200);
      const faultFrom = Date.now();
      upstream.faults = [
        {
          path: '/api/v3/ticker',
          status: 429,
          headers: { 'Retry-After': '999999' },
          body: JSON.stringify({ code: -1003, msg: 'Too much request weight used.' }),
        },
      ];
      const status = await waitFor(async () => {
        const [binance] = (await getSources(relay)).sources;
        return binance?.error?.includes('retrying') ? binance : undefined;
      });
      assert.notEqual(status.state, 'ok');
      assert.match(status.error ?? '', /^rate limited \(HTTP 429\); retrying in 10 min$/);
      assert.ok(status.retryAt! <= Date.now() + MAX_RETRY_AFTER_MS, 'capped at 10 minutes');
      assert.ok(status.retryAt! > Date.now() + MAX_RETRY_AFTER_MS - 60_000);

      const answer = await waitFor(async () => {
        const response = await fetch(`${relay.url}/readyz`);
        return response.status === 503 ? response : undefined;
      }, STALE_WITHIN_MS);
      const body = (await answer.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'sources_unavailable');
      assert.match(body.error.message, /binance/);
      assert.equal(upstream.callsTo('/api/v3/ticker').filter((c) => c.at >= faultFrom).length, 1);
    } finally {
      await relay.stop();
      await upstream.close();
    }
  });
});

describe('an ended stream is never written to', () => {
  test('a frame written after close is dropped, not thrown out of the event loop', async () => {
    const errors: Error[] = [];
    const finished: Promise<unknown>[] = [];
    const server = createServer((req, res) => {
      res.on('error', (error) => errors.push(error));
      finished.push(once(res, 'close'));
      const stream = openEventStream(req, res, {}, 1_000);
      stream.write(': first\n\n');
      stream.close();
      // What a heartbeat or a poll could do before the socket has gone.
      stream.write(': after close\n\n');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const body = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      await Promise.all(finished);
      assert.equal(body, 'retry: 1000\n\n: first\n\n');
      assert.deepEqual(errors, []);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('logs an operator can read', () => {
  test('a refused health probe is logged at debug; a real 500 still at error, a 404 at info', () => {
    const lines: { level: number; path: string; status: number }[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const log = pino({ level: 'debug' }, sink);
    const refuse = (method: string, url: string, status: number) =>
      logRefused(log, { method, url } as IncomingMessage, status, 'req-1', '127.0.0.1');
    refuse('GET', '/readyz', 503);
    refuse('HEAD', '/healthz?probe=lb', 503);
    refuse('GET', '/v1/quotes?symbols=BTC', 500);
    refuse('GET', '/nowhere', 404);
    const levels = Object.fromEntries(
      lines.map((line) => [`${line.path} ${line.status}`, line.level]),
    );
    assert.deepEqual(levels, {
      '/readyz 503': 20,
      '/healthz 503': 20,
      '/v1/quotes 500': 50,
      '/nowhere 404': 30,
    });
  });
});

describe('bounded by construction', () => {
  test('5,000 made-up /v1/quotes queries are all answered right; they push out the least recently read answers, not every answer', async (t) => {
    const relay = await startTestRelay();
    try {
      await waitFor(async () => (await getQuotes(relay, 'BTC,ETH')).quotes.ETH);
      // No news from here on: an answer may be encoded again only because it was pushed out.
      await relay.poller.pause();
      const frozenAt = Date.now();
      t.mock.timers.enable({ apis: ['Date'], now: frozenAt });
      const hot = await getQuotes(relay, 'BTC');
      const cold = await getQuotes(relay, 'ETH');
      t.mock.timers.tick(500);
      assert.equal((await getQuotes(relay, 'ETH')).t, cold.t, 'remembered within its second');

      const made = Array.from({ length: 5_000 }, (_, i) => `BTC,Z${i}`);
      for (let start = 0; start < made.length; start += 20) {
        const answers = await Promise.all(
          made.slice(start, start + 20).map((symbols) => getQuotes(relay, symbols)),
        );
        answers.forEach((answer, i) => {
          assert.equal(answer.quotes.BTC?.price, hot.quotes.BTC?.price);
          assert.deepEqual(answer.unknown, [`Z${start + i}`]);
        });
        // A reader of BTC all along: its answer is never the one pushed out.
        assert.equal((await getQuotes(relay, 'BTC')).t, hot.t, `after ${start + 20} made up`);
      }
      const again = await getQuotes(relay, 'ETH');
      assert.equal(again.t, frozenAt + 500, 'ETH, unread since, was pushed out and encoded again');
    } finally {
      t.mock.timers.reset();
      await relay.stop();
    }
  });
});
