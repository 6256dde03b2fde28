import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pino } from 'pino';
import { createMetrics } from '../src/metrics.js';
import { StreamFeed } from '../src/poller/stream-feed.js';
import type { FetchedQuote } from '../src/sources/price-source.js';
import type { QuoteStream, QuoteStreamHandlers } from '../src/sources/quote-stream.js';

/** A stream the test drives by hand: what it was told to follow, and quotes and faults on demand. */
class ScriptedStream implements QuoteStream {
  handlers!: QuoteStreamHandlers;
  followed: string[][] = [];
  stops = 0;
  open(handlers: QuoteStreamHandlers): void {
    this.handlers = handlers;
  }
  follow(pairs: readonly string[]): void {
    this.followed.push([...pairs]);
  }
  async stop(): Promise<void> {
    this.stops++;
  }
  openSockets(): number {
    return 1;
  }
  push(symbol: string, price: number): void {
    this.handlers.quote(quote(symbol, price));
  }
}

const quote = (symbol: string, price: number): FetchedQuote => ({
  symbol,
  price,
  open24h: null,
  change24h: null,
  changePct24h: null,
  volume24h: null,
  source: 'binance',
});

/** A feed on a fake clock (Date and setTimeout mocked), publishing into `published`. */
function setup(
  t: import('node:test').TestContext,
  { maxEventsPerSecond = 4, stallMs = 5_000 } = {},
) {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
  const stream = new ScriptedStream();
  const published: FetchedQuote[][] = [];
  let changes = 0;
  const metrics = createMetrics();
  const feed = new StreamFeed({
    sourceId: 'binance',
    stream,
    publish: async (quotes) => {
      published.push(quotes);
    },
    changed: () => changes++,
    maxEventsPerSecond,
    stallMs,
    metrics,
    log: pino({ level: 'silent' }),
    now: Date.now,
  });
  // Lets the publish promise settle after a timer has fired.
  const tick = async (ms: number) => {
    t.mock.timers.tick(ms);
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { feed, stream, published, metrics, tick, changes: () => changes };
}

describe('a stream feed', () => {
  test('coalesces each pair to its latest and publishes at most MAX_EVENTS_PER_SECOND times a second', async (t) => {
    const { feed, stream, published, tick } = setup(t, { maxEventsPerSecond: 4 });
    feed.sync(true, ['BTC/USD', 'ETH/USD']);
    stream.push('BTC/USD', 100);
    await tick(0);
    assert.deepEqual(
      published.map((batch) => batch.map(({ price }) => price)),
      [[100]],
      'the first at once',
    );
    for (let i = 1; i <= 50; i++) {
      stream.push('BTC/USD', 100 + i);
      stream.push('ETH/USD', 10 + i);
      await tick(10);
    }
    // 500 ms of ticks every 10 ms: a publish each 250 ms, never more.
    assert.ok(published.length <= 3, `${published.length} publishes`);
    await tick(250);
    const last = published.at(-1)!;
    assert.deepEqual(
      last.map(({ symbol, price }) => [symbol, price]),
      [
        ['BTC/USD', 150],
        ['ETH/USD', 60],
      ],
      'one quote per pair, the latest',
    );
    assert.ok(feed.covers('BTC/USD'));
    assert.ok(!feed.covers('SOL/USD'), 'a pair it never priced is polled');
    feed.close();
  });

  test('a quote of a pair not followed, or after the stream stopped, is not published', async (t) => {
    const { feed, stream, published, tick } = setup(t);
    feed.sync(true, ['BTC/USD']);
    stream.push('DOGE/USD', 1);
    feed.sync(false, []);
    stream.push('BTC/USD', 100);
    await tick(1_000);
    assert.deepEqual(published, []);
    assert.equal(stream.stops, 1, 'a relay that does not lead closes its socket');
    feed.close();
  });

  test('a socket silent past its deadline breaks: REST polls its pairs, the stream is tried again after its backoff', async (t) => {
    const { feed, stream, metrics, tick, changes } = setup(t, { stallMs: 5_000 });
    feed.sync(true, ['BTC/USD']);
    stream.push('BTC/USD', 100);
    await tick(4_000);
    feed.sync(true, ['BTC/USD']);
    assert.deepEqual(feed.status(), { transport: 'stream' }, 'within its deadline');
    await tick(2_000);
    assert.ok(!feed.covers('BTC/USD'), 'a pair not priced within the deadline goes back to REST');
    feed.sync(true, ['BTC/USD']);
    assert.deepEqual(feed.status(), {
      transport: 'poll',
      streamError: 'stalled: no message in 6 s',
    });
    assert.equal(stream.stops, 1);
    assert.ok(changes() >= 2, 'the poller hears of it at once');
    const followedBefore = stream.followed.length;
    // The first backoff is at most 1 s; until then syncs do not resubscribe.
    await tick(1_000);
    feed.sync(true, ['BTC/USD']);
    assert.equal(stream.followed.length, followedBefore + 1, 'subscribed again');
    assert.deepEqual(feed.status(), { transport: 'stream' });
    const reconnects = await metrics.registry.getSingleMetricAsString(
      'tickwire_stream_reconnects_total',
    );
    assert.match(reconnects, /tickwire_stream_reconnects_total\{source="binance"\} 1/);
    feed.close();
  });

  test('a fault says why, and a stream that fails again waits longer (the protocol backoff)', async (t) => {
    const { feed, stream, tick } = setup(t);
    feed.sync(true, ['BTC/USD']);
    stream.handlers.fault('socket closed by the exchange');
    assert.deepEqual(feed.status(), {
      transport: 'poll',
      streamError: 'socket closed by the exchange',
    });
    assert.ok(!feed.covers('BTC/USD'));
    let waited = 0;
    for (let failures = 1; failures <= 4; failures++) {
      // Resubscribes at the first sync after its backoff; every failure before any message doubles the ceiling.
      const start = Date.now();
      while (feed.status().transport === 'poll') {
        await tick(100);
        feed.sync(true, ['BTC/USD']);
      }
      waited = Date.now() - start;
      assert.ok(waited <= 1_000 * 2 ** (failures - 1) + 100, `try ${failures}: ${waited} ms`);
      stream.handlers.fault('socket closed by the exchange');
    }
    feed.close();
  });
});
