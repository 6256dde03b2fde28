import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pino } from 'pino';
import { Hub } from '../src/hub/hub.js';
import type { StreamClient } from '../src/hub/stream-client.js';
import { createMetrics } from '../src/metrics.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { WatchList } from '../src/watch-list.js';
import { testQuote } from './support/quotes.js';

/**
 * A client whose socket buffer the test controls: a real slow socket needs megabytes of
 * kernel buffer filled first, so the hub's policy is exercised here with the buffer size set.
 */
class StalledClient implements StreamClient {
  readonly frames: string[] = [];
  bufferedBytes = 0;
  closed = false;
  /** Frames the hub tried to write after it closed the stream: a real answer would throw. */
  readonly afterClose: string[] = [];
  write(frame: string | Buffer): void {
    (this.closed ? this.afterClose : this.frames).push(frame.toString());
  }
  close(): void {
    this.closed = true;
  }
}

const quote = (price: number, ts: number) => testQuote('BTC', price, ts);

/** A watch list of `pinned` that drops a symbol as soon as its last stream leaves. */
const watching = (pinned: string[]) => new WatchList(pinned, { graceMs: 0, maxExtra: 500 });

/** A hub on `store` for clients of BTC, skipping those with more than `maxBufferedBytes` unsent. */
const hubOn = (
  store: MemoryStore,
  maxBufferedBytes: number,
  watchList = watching(['BTC']),
  heartbeatMs = 60_000,
) =>
  new Hub({
    store,
    watchList,
    historyLimit: 10,
    currency: 'USD',
    intervalMs: () => 1_000,
    ttlMs: 60_000,
    heartbeatMs,
    maxBufferedBytes,
    metrics: createMetrics(),
    log: pino({ level: 'silent' }),
  });

describe('the hub', () => {
  test('sends a heartbeat only to streams that carry nothing, at least once an interval', async (t) => {
    // Fake time: on a busy machine a real 200 ms stall would give the busy stream a heartbeat.
    t.mock.timers.enable({ apis: ['setInterval', 'setTimeout', 'Date'], now: 1_000_000 });
    const store = new MemoryStore({ ttlMs: 60_000, maxHistory: 10, eventLogSize: 100 });
    const hub = hubOn(store, 64 * 1024, watching(['BTC']), 400);
    const [busy, quiet] = [new StalledClient(), new StalledClient()];
    try {
      await hub.connect(busy, { symbols: ['BTC'], unknown: [], address: '127.0.0.1' });
      await hub.connect(quiet, { symbols: ['ETH'], unknown: [], address: '127.0.0.1' });
      // News for BTC every 20 ms for 1.2 s.
      for (let tick = 1; tick <= 60; tick++) {
        await store.appendQuotes([quote(100 + tick, tick)], Date.now());
        t.mock.timers.tick(20);
      }
      const heartbeats = (client: StalledClient) =>
        client.frames.filter((frame) => frame === ': heartbeat\n\n').length;
      assert.equal(heartbeats(busy), 0, 'news every 20 ms, no heartbeat');
      // Every half interval (200 ms) once quiet that long, from its snapshot on: five in 1.2 s,
      // so never an interval (400 ms) without a byte.
      assert.equal(heartbeats(quiet), 5);
    } finally {
      hub.close();
    }
  });

  test('polls a symbol while any client watches it, in whatever set, and drops it with the last', async () => {
    const watchList = watching(['BTC']);
    const hub = hubOn(
      new MemoryStore({ ttlMs: 60_000, maxHistory: 10, eventLogSize: 10 }),
      64 * 1024,
      watchList,
    );
    const [page, samePage, other] = [new StalledClient(), new StalledClient(), new StalledClient()];
    try {
      await hub.connect(page, { symbols: ['ETH', 'SOL'], unknown: [], address: '127.0.0.1' });
      await hub.connect(samePage, { symbols: ['SOL', 'ETH'], unknown: [], address: '127.0.0.1' });
      await hub.connect(other, { symbols: ['ETH'], unknown: [], address: '127.0.0.1' });
      assert.deepEqual(watchList.symbols().sort(), ['BTC', 'ETH', 'SOL']);
      hub.disconnect(page);
      hub.disconnect(page);
      assert.deepEqual(
        watchList.symbols().sort(),
        ['BTC', 'ETH', 'SOL'],
        'the same set is still watched',
      );
      hub.disconnect(samePage);
      assert.deepEqual(watchList.symbols().sort(), ['BTC', 'ETH'], 'ETH still has a client');
      hub.disconnect(other);
      assert.deepEqual(watchList.symbols(), ['BTC'], 'only what the relay itself watches');
      assert.equal(hub.clientCount, 0);
    } finally {
      hub.close();
    }
  });

  test('skips a client that stops reading, and catches it up with a snapshot, not the backlog', async () => {
    const store = new MemoryStore({ ttlMs: 60_000, maxHistory: 10, eventLogSize: 100 });
    const hub = hubOn(store, 64 * 1024);
    const slow = new StalledClient();
    const fast = new StalledClient();
    await hub.connect(slow, { symbols: ['BTC'], unknown: [], address: '127.0.0.1' });
    await hub.connect(fast, { symbols: ['BTC'], unknown: [], address: '127.0.0.1' });
    try {
      slow.bufferedBytes = 65 * 1024;
      for (let i = 1; i <= 50; i++) await store.appendQuotes([quote(100 + i, i)], i);
      const quotesTo = (client: StalledClient) =>
        client.frames.filter((frame) => frame.includes('event: quotes')).length;
      assert.equal(quotesTo(fast), 50, 'everyone else stays on time');
      assert.equal(quotesTo(slow), 0, 'nothing more is queued for the stalled client');

      slow.bufferedBytes = 0;
      await store.appendQuotes([quote(999, 51)], 51);
      await new Promise((resolve) => setImmediate(resolve));
      const snapshots = slow.frames.filter((frame) => frame.includes('event: snapshot'));
      assert.equal(snapshots.length, 2, 'the opening snapshot, then one to catch up');
      assert.match(snapshots[1]!, /"price":999/, 'with the latest values');
    } finally {
      hub.close();
    }
  });

  test('a resuming client whose missed events would pass the buffer limit gets a snapshot instead', async () => {
    const store = new MemoryStore({ ttlMs: 60_000, maxHistory: 10, eventLogSize: 1_000 });
    const hub = hubOn(store, 16 * 1024);
    try {
      const first = await store.appendQuotes([quote(100, 1)], 1);
      for (let i = 2; i <= 500; i++) await store.appendQuotes([quote(100 + i, i)], i);
      const fromOld = new StalledClient();
      await hub.connect(fromOld, {
        symbols: ['BTC'],
        unknown: [],
        address: '127.0.0.1',
        lastEventId: first!.id,
      });
      const written = fromOld.frames.join('');
      assert.ok(written.length < 16 * 1024, `${written.length} bytes written`);
      assert.equal(fromOld.frames.filter((f) => f.includes('event: quotes')).length, 0);
      assert.match(fromOld.frames[0]!, /event: snapshot[\s\S]*"price":600/, 'the latest values');

      const recent = new StalledClient();
      const lastButTwo = (await store.eventsAfter(first!.id))!.at(-3)!.id;
      await hub.connect(recent, {
        symbols: ['BTC'],
        unknown: [],
        address: '127.0.0.1',
        lastEventId: lastButTwo,
      });
      assert.equal(
        recent.frames.filter((f) => f.includes('event: quotes')).length,
        2,
        'a short gap is still replayed event by event',
      );
    } finally {
      hub.close();
      await store.close();
    }
  });

  test('a drain writes nothing to a stream it has closed: not quotes, not a status, not a heartbeat', async (t) => {
    t.mock.timers.enable({ apis: ['setInterval', 'setTimeout', 'Date'], now: 1_000_000 });
    const store = new MemoryStore({ ttlMs: 60_000, maxHistory: 10, eventLogSize: 100 });
    const hub = hubOn(store, 64 * 1024, watching(['BTC']), 400);
    const clients = [new StalledClient(), new StalledClient(), new StalledClient()];
    try {
      for (const client of clients)
        await hub.connect(client, { symbols: ['BTC'], unknown: [], address: '127.0.0.1' });
      const drained = hub.drain(1_000);
      // Each stream is closed at its own moment in the window; the store goes on meanwhile.
      for (let tick = 1; tick <= 12; tick++) {
        t.mock.timers.tick(100);
        await store.appendQuotes([quote(100 + tick, tick)], Date.now());
        await store.setSourceStatus([
          { id: 'test', state: tick % 2 ? 'ok' : 'down', simulated: false },
        ]);
      }
      await drained;
      for (const client of clients) {
        assert.ok(client.closed);
        assert.deepEqual(client.afterClose, []);
      }
      assert.equal(hub.clientCount, 0, 'a closed stream is no longer a client of the hub');
    } finally {
      hub.close();
      await store.close();
    }
  });

  test('shared snapshots are bounded: sets made up between two polls push out the oldest, and a set leaves with its last client', async (t) => {
    const store = new MemoryStore({ ttlMs: 60_000, maxHistory: 10, eventLogSize: 100 });
    const reads = t.mock.method(store, 'snapshot');
    const hub = hubOn(store, 64 * 1024, new WatchList([], { graceMs: 0, maxExtra: 1_000 }));
    const connect = async (symbols: string[]) => {
      const client = new StalledClient();
      await hub.connect(client, { symbols, unknown: [], address: '127.0.0.1' });
      return client;
    };
    try {
      await store.appendQuotes([quote(100, 1)], 1);
      const first = await connect(['BTC']);
      await connect(['BTC']);
      assert.equal(reads.mock.callCount(), 1, 'a second client of the set shares its snapshot');
      for (let i = 0; i < 300; i++) await connect([`X${i}`]);
      assert.equal(reads.mock.callCount(), 301);
      await connect(['BTC']);
      assert.equal(reads.mock.callCount(), 302, "BTC's snapshot was pushed out, not kept");

      const lone = await connect(['ETH']);
      hub.disconnect(lone);
      await connect(['ETH']);
      assert.equal(reads.mock.callCount(), 304, 'a set forgotten with its last client');
      assert.ok(first.frames.some((frame) => frame.includes('event: snapshot')));
    } finally {
      hub.close();
      await store.close();
    }
  });
});
