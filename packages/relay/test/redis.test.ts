import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { Relay } from '../src/relay.js';
import { RedisStore } from '../src/store/redis-store.js';
import { fleetSuite, metric } from './support/fleet.js';
import { RedisServer } from './support/redis-server.js';
import { getQuotes, pollCount, startTestRelay, waitFor } from './support/relay.js';
import { SseReader } from './support/sse-reader.js';

fleetSuite('relays sharing one Redis', async () => {
  const redis = await RedisServer.start();
  return { target: { kind: 'server', url: redis.url }, stop: () => redis.kill() };
});

describe('when the polling relay dies', () => {
  test('the other takes over once the lease expires', async () => {
    const redis = await RedisServer.start();
    const first = await startTestRelay({ redisUrl: redis.url, config: { POLL_INTERVAL: 300 } });
    await waitFor(async () =>
      (await metric(first, 'tickwire_poller_leader')) === 1 ? true : undefined,
    );
    const second = await startTestRelay({ redisUrl: redis.url, config: { POLL_INTERVAL: 300 } });
    try {
      // The first stops polling without giving up its lease, as a killed process would.
      await first.poller.stop({ keepLease: true });
      await waitFor(
        async () => ((await metric(second, 'tickwire_poller_leader')) === 1 ? true : undefined),
        10_000,
      );
      const before = await pollCount(second);
      await waitFor(async () => ((await pollCount(second)) > before + 1 ? true : undefined));
    } finally {
      await first.stop();
      await second.stop();
      await redis.kill();
    }
  });
});

describe('when Redis goes away', () => {
  test('relays keep serving, turn prices stale at the TTL, and recover when it is back', async () => {
    const redis = await RedisServer.start();
    const relay = await startTestRelay({
      redisUrl: redis.url,
      env: { PRICE_TTL: '1' },
      config: { POLL_INTERVAL: 200 },
    });
    const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
    try {
      await reader.until(
        (frames) => frames.filter((frame) => frame.event === 'quotes').length >= 2,
      );
      await redis.kill();
      const stale = await reader.untilStale('BTC', 8_000);
      assert.ok(stale.length > 0);
      const quotes = await getQuotes(relay, 'BTC');
      assert.equal(quotes.quotes.BTC?.stale, true, 'still served, marked stale');
      const framesBefore = reader.frames.length;
      await redis.start();
      await reader.until(
        (frames) => frames.slice(framesBefore).some((frame) => frame.event === 'quotes'),
        15_000,
      );
      const fresh = await getQuotes(relay, 'BTC');
      assert.equal(fresh.quotes.BTC?.stale, false, 'live again, without a restart');
    } finally {
      await reader.close();
      await relay.stop();
      await redis.kill();
    }
  });
});

describe('a fleet forgets what none of its readers watches', () => {
  test('a symbol streamed from one relay is dropped by every relay and by Redis after the grace', async () => {
    const redis = await RedisServer.start();
    const start = () =>
      startTestRelay({
        redisUrl: redis.url,
        env: { SYMBOLS: 'BTC', WATCH_GRACE: '1' },
        config: { POLL_INTERVAL: 200 },
      });
    const [a, b] = [await start(), await start()];
    try {
      const reader = await SseReader.open(`${a.url}/v1/stream?symbols=XRP`);
      await reader.until((frames) => frames.some((frame) => frame.event === 'quotes'));
      await waitFor(async () => ((await b.store.latest(['XRP'])).XRP ? true : undefined));
      await reader.close();
      await waitFor(async () => {
        const held = await Promise.all([a, b].map((relay) => relay.store.latest(['XRP'])));
        return held.every((quotes) => quotes.XRP === undefined) ? true : undefined;
      });
      const client = new Redis(redis.url);
      try {
        assert.equal(await client.hexists('tickwire:latest', 'XRP'), 0);
        assert.equal(await client.exists('tickwire:history:XRP'), 0);
        assert.equal(
          await client.hexists('tickwire:latest', 'BTC'),
          1,
          'the configured symbol stays',
        );
      } finally {
        client.disconnect();
      }
    } finally {
      await a.stop();
      await b.stop();
      await redis.kill();
    }
  });
});

describe('what a relay reads back from Redis', () => {
  test('is checked like upstream data: damaged or foreign values are dropped, never served', async () => {
    const redis = await RedisServer.start();
    const client = new Redis(redis.url);
    const now = Date.now();
    const good = {
      symbol: 'BTC',
      price: 67_000,
      open24h: 66_000,
      change24h: 1_000,
      changePct24h: 1.5,
      volume24h: 10,
      ts: now - 1_000,
      source: 'demo',
      currency: 'USD',
    };
    try {
      await client.hset('tickwire:latest', {
        BTC: JSON.stringify(good),
        ETH: '{"symbol":"ETH","price":"lots"',
        SOL: JSON.stringify({ ...good, symbol: 'SOL', price: -5 }),
      });
      await client.rpush(
        'tickwire:history:BTC',
        JSON.stringify([now - 60_000, 66_900]),
        'garbage',
        JSON.stringify([now - 30_000, 66_950]),
      );
      await client.set('tickwire:status', '{"sources": "none"}');
      await client.xadd(
        'tickwire:events',
        '*',
        'type',
        'quotes',
        'data',
        '{"t": 1, "quotes": {"XRP": {"symbol": "XRP", "price": 1e99}}}',
      );
      // A new relay's store as it loads what the fleet shares (no poller to add its own).
      const store = await RedisStore.connect({
        target: { kind: 'server', url: redis.url },
        ttlMs: 60_000,
        maxHistory: 100,
        eventLogSize: 100,
        log: pino({ level: 'silent' }),
      });
      try {
        const held = await store.latest(['BTC', 'ETH', 'SOL', 'XRP']);
        assert.deepEqual(Object.keys(held), ['BTC']);
        assert.equal(held.BTC?.price, 67_000);
        assert.deepEqual((await store.history(['BTC'], 10)).BTC, [
          [now - 60_000, 66_900],
          [now - 30_000, 66_950],
        ]);
        assert.deepEqual((await store.status()).sources, []);
      } finally {
        await store.close();
      }
    } finally {
      client.disconnect();
      await redis.kill();
    }
  });

  test('a backfill keeps the points a poll pushed meanwhile', async () => {
    const redis = await RedisServer.start();
    const client = new Redis(redis.url);
    try {
      // The store alone: a relay's poller would forget ETH, which none of its readers watches.
      const store = await RedisStore.connect({
        target: { kind: 'server', url: redis.url },
        ttlMs: 60_000,
        maxHistory: 100,
        eventLogSize: 100,
        log: pino({ level: 'silent' }),
      });
      try {
        const now = Date.now();
        await client.del('tickwire:history:ETH');
        await client.rpush(
          'tickwire:history:ETH',
          JSON.stringify([now - 5_000, 3_500]),
          JSON.stringify([now, 3_501]),
        );
        await store.backfill('ETH', [
          [now - 120_000, 3_400],
          [now - 60_000, 3_450],
          [now - 5_000, 3_499],
        ]);
        const stored = (await client.lrange('tickwire:history:ETH', 0, -1)).map((raw) =>
          JSON.parse(raw),
        );
        assert.deepEqual(stored, [
          [now - 120_000, 3_400],
          [now - 60_000, 3_450],
          [now - 5_000, 3_500],
          [now, 3_501],
        ]);
      } finally {
        await store.close();
      }
    } finally {
      client.disconnect();
      await redis.kill();
    }
  });
});

describe('admin settings are the fleet’s', () => {
  test('a pause or an interval set on any relay applies to whichever polls, and both say so', async () => {
    const redis = await RedisServer.start();
    const TOKEN = 'a-long-enough-admin-token';
    const start = () =>
      startTestRelay({
        redisUrl: redis.url,
        env: { SYMBOLS: 'BTC', ADMIN_TOKEN: TOKEN },
        config: { POLL_INTERVAL: 200 },
      });
    const [a, b] = [await start(), await start()];
    const admin = async (relay: Relay, body?: unknown) =>
      (await (
        await fetch(`${relay.url}/admin/polling`, {
          method: body ? 'POST' : 'GET',
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        })
      ).json()) as { paused: boolean; intervalSeconds: number; polledBy: string };
    try {
      const polledBy = await waitFor(async () => {
        const said = [(await admin(a)).polledBy, (await admin(b)).polledBy].sort();
        return said[0] === 'another relay' && said[1] === 'this relay' ? said : undefined;
      });
      assert.deepEqual(polledBy, ['another relay', 'this relay']);
      const [leader, follower] = (await admin(a)).polledBy === 'this relay' ? [a, b] : [b, a];
      // Paused on the relay that does not poll: the one that does stops.
      await admin(follower, { paused: true, intervalSeconds: 7 });
      await waitFor(async () => ((await admin(leader)).paused ? true : undefined));
      assert.equal((await admin(leader)).intervalSeconds, 7);
      const polls = await pollCount(leader);
      for (let poll = 0; poll < 3; poll++) await leader.poller.pollOnce();
      assert.equal(await pollCount(leader), polls, 'no upstream call while the fleet is paused');
      await admin(leader, { paused: false });
      await waitFor(async () => ((await admin(follower)).paused === false ? true : undefined));
    } finally {
      await a.stop();
      await b.stop();
      await redis.kill();
    }
  });
});
