import assert from 'node:assert/strict';
import { Agent, get } from 'node:http';
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

  test('a log nobody reads is dropped past 1 MiB, counted and said once stdout moves, and the relay keeps answering', async () => {
    // stdout is a pipe this test does not read: a stalled log collector.
    const relay = await RelayProcess.start({ LOG_LEVEL: 'info' }, { stdout: 'pipe' });
    try {
      const agent = new Agent({ keepAlive: true, maxSockets: 20 });
      // Each bad request is a ~250 B "request refused" line: 10,000 are ~2.5 MB of log.
      const refused = async () => {
        for (let i = 0; i < 500; i++) {
          await new Promise<void>((resolve, reject) =>
            get(`${relay.url}/v1/quotes?symbols=%25%25`, { agent }, (res) => {
              res.resume().on('end', resolve);
            }).on('error', reject),
          );
        }
      };
      await Promise.all(Array.from({ length: 20 }, refused));
      agent.destroy();
      const dropped = await relay.metric('tickwire_log_lines_dropped_total');
      assert.ok(dropped > 2_000, `${dropped} lines dropped`);
      assert.ok((await fetch(`${relay.url}/healthz`)).ok, 'still answering');
      let logged = '';
      relay.child.stdout!.on('data', (chunk: Buffer) => {
        logged += chunk;
      });
      // Once stdout moves, what was held is written, and the loss is said.
      const said = await waitFor(async () => {
        await fetch(`${relay.url}/v1/quotes?symbols=%25%25`);
        return logged.match(/"droppedLines":(\d+)/)?.[1];
      });
      assert.match(logged, /"msg":"Tickwire relay on/, 'the held lines come first');
      assert.ok(Number(said) > 0);
    } finally {
      await relay.signal('SIGKILL');
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
