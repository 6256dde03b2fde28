/**
 * What issue 21's hostile probes found, each closed by a check of its own where no other test
 * covered it: a hangup gives up the poll lease, a drain survives a pipelined stream request, a
 * cache key is never a query's before it is validated, and a relay with no quote says which
 * source fails.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { describe, test } from 'node:test';
import { Redis } from 'ioredis';
import type { PriceSource } from '../src/sources/price-source.js';
import { RedisServer } from './support/redis-server.js';
import { startTestRelay, waitFor } from './support/relay.js';
import { RelayProcess } from './support/relay-process.js';
import { SseReader } from './support/sse-reader.js';

describe('SIGHUP is handled as SIGTERM', () => {
  test('the polling relay of a fleet ends its streams, gives up its lease at once and exits 0', async () => {
    const redis = await RedisServer.start();
    const admin = new Redis(redis.url);
    // A 30 s interval: a lease left to expire would stay 31 s.
    const relay = await RelayProcess.start({ REDIS_URL: redis.url, POLL_INTERVAL: '30' });
    try {
      await waitFor(async () =>
        (await relay.metric('tickwire_poller_leader')) === 1 ? true : undefined,
      );
      assert.ok((await admin.pttl('tickwire:poller')) > 0, 'the lease is held');
      const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
      try {
        await reader.untilEvent('snapshot');
        assert.equal(await relay.signal('SIGHUP'), 0);
        await reader.ended;
      } finally {
        await reader.close();
      }
      assert.equal(await admin.exists('tickwire:poller'), 0, 'released, not left to expire');
    } finally {
      await relay.signal('SIGKILL');
      admin.disconnect();
      await redis.kill();
    }
  });
});

describe('the drain never writes to an ended answer', () => {
  test('SIGTERM on a follower of a fleet, with a client that pipelined a second stream request: exit 0', async () => {
    const redis = await RedisServer.start();
    const relays = await Promise.all(
      [1, 2].map(() => RelayProcess.start({ REDIS_URL: redis.url, POLL_INTERVAL: '1' })),
    );
    try {
      const leader = await waitFor(async () => {
        const flags = await Promise.all(relays.map((r) => r.metric('tickwire_poller_leader')));
        return flags.filter((flag) => flag === 1).length === 1 ? flags.indexOf(1) : undefined;
      });
      // The follower writes every event it reads from Redis, drain or not.
      const follower = relays[1 - leader]!;
      const readers = await Promise.all(
        [1, 2, 3].map(() => SseReader.open(`${follower.url}/v1/stream?symbols=BTC`)),
      );
      // Clients that pipeline a second stream request behind their first: an ended answer's
      // socket then stays open, and a hub that forgot nothing kept writing to the answer.
      const { port } = new URL(follower.url);
      const request = 'GET /v1/stream?symbols=BTC HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
      const pipelined = await Promise.all(
        Array.from({ length: 10 }, async () => {
          const socket = connect({ host: '127.0.0.1', port: Number(port) });
          await once(socket, 'connect');
          const client = { socket, received: '' };
          socket.on('data', (chunk: Buffer) => {
            client.received += chunk;
          });
          socket.on('error', () => undefined);
          socket.write(request + request);
          return client;
        }),
      );
      try {
        await Promise.all(readers.map((reader) => reader.untilEvent('snapshot')));
        // Events keep coming from the leader through Redis while the follower drains.
        await waitFor(() =>
          pipelined.every(({ received }) => received.includes('event: quotes')) ? true : undefined,
        );
        assert.equal(await follower.signal('SIGTERM'), 0);
        for (const reader of readers) await reader.ended;
      } finally {
        for (const { socket } of pipelined) socket.destroy();
        for (const reader of readers) await reader.close();
      }
    } finally {
      for (const relay of relays) await relay.signal('SIGKILL');
      await redis.kill();
    }
  });
});

describe('cache keys come after validation', () => {
  test('symbols=BTC%26SOL is a 400 right after symbols=BTC&symbols=SOL was answered, on every route', async () => {
    const relay = await startTestRelay();
    try {
      await waitFor(async () => {
        const answer = await fetch(`${relay.url}/v1/quotes?symbols=BTC&symbols=SOL`);
        const { quotes } = (await answer.json()) as { quotes: Record<string, unknown> };
        return quotes.BTC && quotes.SOL ? true : undefined;
      });
      for (const [good, malformed] of [
        ['/v1/quotes?symbols=BTC&symbols=SOL', '/v1/quotes?symbols=BTC%26SOL'],
        ['/v1/history?symbols=BTC&symbols=SOL', '/v1/history?symbols=BTC%26SOL'],
        ['/v1/candles?symbol=BTC&range=24h', '/v1/candles?symbol=BTC%26SOL&range=24h'],
      ] as const) {
        assert.equal((await fetch(`${relay.url}${good}`)).status, 200, good);
        const refused = await fetch(`${relay.url}${malformed}`);
        assert.equal(refused.status, 400, malformed);
        const { error } = (await refused.json()) as { error: { code: string } };
        assert.equal(error.code, 'bad_symbol', malformed);
      }
    } finally {
      await relay.stop();
    }
  });
});

describe('a relay whose sources cannot be reached', () => {
  test('/readyz names the failing source and its error before the first quote, not only "no quotes"', async () => {
    // As `SOURCES=binance` in a container with no route out.
    const unreachable: PriceSource = {
      id: 'binance',
      name: 'Binance',
      simulated: false,
      listPairs: async () => new Set(['BTC/USD']),
      fetchQuotes: async () => {
        throw new Error('getaddrinfo ENOTFOUND api.binance.com');
      },
    };
    const relay = await startTestRelay({
      env: { SOURCES: 'binance', SYMBOLS: 'BTC' },
      sources: [unreachable],
    });
    try {
      const answer = await waitFor(async () => {
        const response = await fetch(`${relay.url}/readyz`);
        const body = (await response.json()) as {
          error?: { code: string; message: string };
          sources?: { id: string; error?: string }[];
        };
        assert.equal(response.status, 503);
        return body.sources ? body : undefined;
      });
      assert.equal(answer.error?.code, 'no_quotes');
      assert.match(answer.error?.message ?? '', /binance \(.*ENOTFOUND api\.binance\.com/);
      assert.deepEqual(
        answer.sources?.map((source) => source.id),
        ['binance'],
      );
    } finally {
      await relay.stop();
    }
  });
});
