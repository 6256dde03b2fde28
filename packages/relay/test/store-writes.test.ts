import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { Relay } from '../src/relay.js';
import { StoreWrites } from '../src/store/store-writes.js';
import { RedisServer } from './support/redis-server.js';
import { getSources, metricValue, startTestRelay, waitFor } from './support/relay.js';

const readyz = async (relay: Relay) => {
  const response = await fetch(`${relay.url}/readyz`);
  return {
    status: response.status,
    body: (await response.json()) as { ready: boolean; error?: { code: string; message: string } },
  };
};

describe('a Redis that refuses writes', () => {
  let redis: RedisServer;
  let admin: Redis;
  let relay: Relay;

  before(async () => {
    redis = await RedisServer.start();
    admin = new Redis(redis.url);
    relay = await startTestRelay({ redisUrl: redis.url, config: { POLL_INTERVAL: 100 } });
  });
  after(async () => {
    await relay?.stop();
    admin?.disconnect();
    await redis?.kill();
  });

  test('turns /readyz 503 with the reason, /v1/sources and the metrics say so, until writes succeed again', async () => {
    await waitFor(async () => ((await readyz(relay)).status === 200 ? true : undefined));
    assert.equal(await metricValue(relay, 'tickwire_store_writable'), 1);
    assert.equal(
      (await getSources(relay)).storeUnwritable,
      undefined,
      'absent while writes succeed',
    );

    // Full: 2 MB held, 1 MB allowed, nothing may be evicted.
    await admin.set('filler', 'x'.repeat(2 * 1024 * 1024));
    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    await admin.config('SET', 'maxmemory', '1mb');
    const refused = await waitFor(async () => {
      const answer = await readyz(relay);
      return answer.status === 503 ? answer.body : undefined;
    });
    assert.equal(refused.error?.code, 'store_unwritable');
    assert.match(refused.error?.message ?? '', /OOM command not allowed/);
    assert.equal(await metricValue(relay, 'tickwire_store_writable'), 0);
    assert.ok((await metricValue(relay, 'tickwire_store_write_failures_total')) > 0);
    const sources = await getSources(relay);
    assert.match(sources.storeUnwritable?.error ?? '', /OOM command not allowed/);
    assert.ok(
      (sources.storeUnwritable?.sinceTs ?? 0) <= Date.now(),
      'since the first refused write',
    );
    assert.ok(
      (refused.error?.message ?? '').includes(
        new Date(sources.storeUnwritable?.sinceTs ?? 0).toISOString(),
      ),
      `/readyz and /v1/sources name the same failure: ${refused.error?.message} vs ${JSON.stringify(sources.storeUnwritable)}`,
    );

    await admin.del('filler');
    await admin.config('SET', 'maxmemory', '0');
    await waitFor(async () => ((await readyz(relay)).status === 200 ? true : undefined));
    assert.equal(await metricValue(relay, 'tickwire_store_writable'), 1);
    assert.equal(
      (await getSources(relay)).storeUnwritable,
      undefined,
      'gone at the first write that succeeds',
    );
  });
});

describe('StoreWrites', () => {
  test('a write the store skipped as nothing new does not end a failure; one that reached it does', async () => {
    const writes = new StoreWrites(pino({ level: 'silent' }));
    const refused = new Error("OOM command not allowed when used memory > 'maxmemory'.");
    await assert.rejects(writes.record(Promise.reject(refused)));
    const since = writes.current()?.sinceMs;
    assert.ok(since !== undefined);
    // No quote changed: appendQuotes resolves with no event, without asking Redis.
    await writes.record(Promise.resolve(undefined), (event) => event !== undefined);
    assert.equal(writes.current()?.sinceMs, since, 'still failing since the first refusal');
    await writes.record(Promise.resolve({ id: '1-0' }), (event) => event !== undefined);
    assert.equal(writes.current(), undefined);
  });
});
