import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RedisServer } from './support/redis-server.js';
import { waitFor } from './support/relay.js';
import { RelayProcess } from './support/relay-process.js';
import { SseReader } from './support/sse-reader.js';

describe('relay processes', () => {
  test('SIGKILL the polling relay: another process takes over polling', async () => {
    const redis = await RedisServer.start();
    const relays = await Promise.all(
      [1, 2].map(() => RelayProcess.start({ REDIS_URL: redis.url, POLL_INTERVAL: '1' })),
    );
    try {
      const leaders = async () =>
        Promise.all(relays.map((relay) => relay.metric('tickwire_poller_leader')));
      const first = await waitFor(async () => {
        const flags = await leaders();
        return flags.filter((flag) => flag === 1).length === 1 ? flags.indexOf(1) : undefined;
      });
      const survivor = relays[1 - first]!;
      const reader = await SseReader.open(`${survivor.url}/v1/stream?symbols=BTC`);
      try {
        await reader.untilEvent('snapshot');
        assert.equal(await relays[first]!.signal('SIGKILL'), null);
        await waitFor(
          async () => ((await survivor.metric('tickwire_poller_leader')) === 1 ? true : undefined),
          15_000,
        );
        const before = reader.events('quotes').length;
        await reader.until(
          (frames) => frames.filter((frame) => frame.event === 'quotes').length > before + 1,
          10_000,
        );
      } finally {
        await reader.close();
      }
    } finally {
      for (const relay of relays) await relay.signal('SIGKILL');
      await redis.kill();
    }
  });

  // SIGHUP as well: a closed terminal or a supervisor's hangup ended the relay with no
  // stream ended cleanly.
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    test(`${signal} with clients attached: streams end, the process exits 0`, async () => {
      const relay = await RelayProcess.start({ POLL_INTERVAL: '1' });
      const readers = await Promise.all(
        [1, 2, 3].map(() => SseReader.open(`${relay.url}/v1/stream?symbols=BTC`)),
      );
      try {
        await Promise.all(readers.map((reader) => reader.untilEvent('snapshot')));
        assert.equal(await relay.signal(signal), 0);
        for (const reader of readers) await reader.ended;
      } finally {
        for (const reader of readers) await reader.close();
        await relay.signal('SIGKILL');
      }
    });
  }
});
