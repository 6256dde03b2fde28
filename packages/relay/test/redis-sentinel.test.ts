import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Relay } from '../src/relay.js';
import { listen, metric } from './support/fleet.js';
import { SentinelGroup } from './support/redis-ha.js';
import { getQuotes, startTestRelay, waitFor } from './support/relay.js';
import { SseReader } from './support/sse-reader.js';

/** True when `ids` only ever increase: no event twice, none out of order. */
const increasing = (ids: readonly string[]) =>
  ids.every((id, i) => {
    if (i === 0) return true;
    const [ms, seq] = id.split('-').map(Number);
    const [prevMs, prevSeq] = ids[i - 1]!.split('-').map(Number);
    return ms! > prevMs! || (ms === prevMs && seq! > prevSeq!);
  });

describe('relays on a primary watched by three Sentinels', () => {
  let group: SentinelGroup;
  let relays: Relay[] = [];

  before(async () => {
    group = await SentinelGroup.start({ sentinels: 3, quorum: 2 });
    relays = await Promise.all(
      [0, 1].map(() =>
        startTestRelay({
          redis: group.target,
          // Stale well before a replica can be promoted (about 2 s here), on either relay.
          config: { POLL_INTERVAL: 200, PRICE_TTL: 500 },
        }),
      ),
    );
  });
  after(async () => {
    try {
      // Bounded, so the Redis processes are stopped whatever a relay's shutdown does.
      await Promise.race([
        Promise.all(relays.map((relay) => relay.stop())),
        new Promise((resolve) => setTimeout(resolve, 15_000).unref()),
      ]);
    } finally {
      await group?.stop();
    }
  });

  test('follow the promoted replica when the primary dies: stale during the gap, live after, a resumed reader misses nothing', async (t) => {
    const [a, b] = relays as [Relay, Relay];
    await waitFor(async () =>
      (await metric(a, 'tickwire_poller_leader')) + (await metric(b, 'tickwire_poller_leader')) ===
      1
        ? true
        : undefined,
    );
    const witness = listen(`${a.url}/v1/stream?symbols=BTC`);
    const leaving = listen(`${b.url}/v1/stream?symbols=BTC`);
    const watcher = await SseReader.open(`${a.url}/v1/stream?symbols=BTC`);
    try {
      await waitFor(() => (leaving.ids.length >= 3 && witness.ids.length >= 3 ? true : undefined));
      const replicaPort = group.replica.port;
      await group.primary.kill();
      const killedAt = Date.now();
      // The reader goes away while there is no primary, and comes back after the failover.
      leaving.source.close();
      const lastSeen = leaving.ids.at(-1)!;

      const stale = await watcher.untilStale('BTC', 8_000);
      assert.ok(stale.length > 0, 'prices turn stale while no primary takes writes');
      const staleAt = Date.now();
      // Each relay marks its own mirror stale, on its own one-second check.
      await waitFor(async () => ((await getQuotes(b, 'BTC')).quotes.BTC?.stale ? true : undefined));

      await waitFor(
        async () => ((await group.primaryPort()) === replicaPort ? true : undefined),
        20_000,
        async () => `Sentinels name port ${await group.primaryPort()}`,
      );
      const promotedAt = Date.now();
      const seenBefore = witness.ids.length;
      const resumed = listen(`${b.url}/v1/stream?symbols=BTC`, { 'Last-Event-ID': lastSeen });
      try {
        await waitFor(
          () =>
            resumed.ids.length >= 3 && witness.ids.length >= seenBefore + 3 ? true : undefined,
          20_000,
          async () =>
            `resumed ${resumed.ids.length}, witness ${witness.ids.length - seenBefore} new`,
        );
        t.diagnostic(
          `primary killed → stale ${staleAt - killedAt} ms, replica promoted ${promotedAt - killedAt} ms, 3 new events on both relays ${Date.now() - killedAt} ms`,
        );
        assert.equal(resumed.snapshots(), 0, 'resumed, not restarted');
        assert.ok(increasing(witness.ids), `witness ids: ${witness.ids.join(' ')}`);
        assert.ok(increasing(resumed.ids), `resumed ids: ${resumed.ids.join(' ')}`);
        const start = witness.ids.indexOf(lastSeen) + 1;
        assert.ok(start > 0, 'the witness saw what the leaving reader saw');
        assert.deepEqual(resumed.ids.slice(0, 3), witness.ids.slice(start, start + 3));
        // Live again on each relay: waited for, not read once, since with a 500 ms TTL a loaded
        // machine can hold a fresh price past it between the poll and the read.
        for (const relay of relays)
          await waitFor(async () =>
            (await getQuotes(relay, 'BTC')).quotes.BTC?.stale === false ? true : undefined,
          );
        assert.equal(
          (await metric(a, 'tickwire_poller_leader')) + (await metric(b, 'tickwire_poller_leader')),
          1,
          'still one poller',
        );
      } finally {
        resumed.source.close();
      }
    } finally {
      witness.source.close();
      leaving.source.close();
      await watcher.close();
    }
  });
});
