import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EventSource } from 'eventsource';
import { loadConfig } from '../../src/config.js';
import type { Relay } from '../../src/relay.js';
import { createSources } from '../../src/sources/create-sources.js';
import type { RedisTarget } from '../../src/store/redis-target.js';
import { CountingSource } from './counting-source.js';
import { startFakeBinance } from './fake-binance.js';
import { FakeMarket } from './fake-market.js';
import type { FakeUpstream } from './fake-upstream.js';
import { pollCount, startTestRelay, untilPolls, waitFor } from './relay.js';

/** A Redis a fleet test runs on: one server, a Sentinel group, a Cluster. */
export interface SharedRedis {
  target: RedisTarget;
  stop(): Promise<void>;
}

/** A gauge or counter of the relay's metrics, unlabelled. */
export const metric = async (relay: Relay, name: string) =>
  Number(
    (await (await fetch(`${relay.url}/metrics`)).text()).match(
      new RegExp(`^${name} (\\d+)`, 'm'),
    )?.[1],
  );

/** Records every quotes event a real EventSource client receives. */
export function listen(url: string, headers: Record<string, string> = {}) {
  const ids: string[] = [];
  const symbols: string[] = [];
  let snapshots = 0;
  const source = new EventSource(url, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
  });
  source.addEventListener('snapshot', () => snapshots++);
  source.addEventListener('quotes', (event) => {
    ids.push(event.lastEventId);
    symbols.push(...Object.keys(JSON.parse(event.data).quotes));
  });
  return { source, ids, symbols, snapshots: () => snapshots };
}

/**
 * What a fleet of relays promises on any Redis it shares, run on each kind (one server, a
 * Cluster): one poller, the same events with the same ids on every relay, resuming across
 * relays, the watch list and the candle cache shared.
 */
export function fleetSuite(label: string, startRedis: () => Promise<SharedRedis>): void {
  describe(label, () => {
    let redis: SharedRedis;
    let a: Relay;
    let b: Relay;
    const sourceA = new CountingSource('upstream');
    const sourceB = new CountingSource('upstream');

    before(async () => {
      redis = await startRedis();
      a = await startTestRelay({
        redis: redis.target,
        sources: [sourceA],
        config: { POLL_INTERVAL: 200 },
      });
      b = await startTestRelay({
        redis: redis.target,
        sources: [sourceB],
        config: { POLL_INTERVAL: 200 },
      });
    });
    after(async () => {
      await a?.stop();
      await b?.stop();
      await redis?.stop();
    });

    test('exactly one of them polls upstream, once per interval', async () => {
      await waitFor(async () =>
        (await metric(a, 'tickwire_poller_leader')) +
          (await metric(b, 'tickwire_poller_leader')) ===
        1
          ? true
          : undefined,
      );
      const [leader, follower, leaderSource, followerSource] =
        (await metric(a, 'tickwire_poller_leader')) === 1
          ? [a, b, sourceA, sourceB]
          : [b, a, sourceB, sourceA];
      const [callsBefore, pollsBefore, followerBefore] = [
        leaderSource.calls.length,
        await pollCount(leader),
        followerSource.calls.length,
      ];
      const pollsAfter = await untilPolls(leader, pollsBefore + 3);
      const callsAfter = leaderSource.calls.length;
      assert.ok(pollsAfter > pollsBefore);
      assert.ok(Math.abs(callsAfter - callsBefore - (pollsAfter - pollsBefore)) <= 1);
      assert.equal(
        followerSource.calls.length,
        followerBefore,
        'the other relay made no upstream call',
      );
      assert.equal(await metric(follower, 'tickwire_poller_leader'), 0);
    });

    test('clients of both relays get the same events, with the same ids', async () => {
      const onA = listen(`${a.url}/v1/stream?symbols=BTC`);
      const onB = listen(`${b.url}/v1/stream?symbols=BTC`);
      try {
        await waitFor(() => (onA.ids.length >= 4 && onB.ids.length >= 4 ? true : undefined));
        const common = onA.ids.filter((id) => onB.ids.includes(id));
        assert.ok(common.length >= 3, `shared ids: ${common.join(' ')}`);
      } finally {
        onA.source.close();
        onB.source.close();
      }
    });

    test('a client that reconnects to the other relay resumes without gap or duplicate', async () => {
      const witness = listen(`${a.url}/v1/stream?symbols=BTC,ETH`);
      const leaving = listen(`${a.url}/v1/stream?symbols=BTC,ETH`);
      try {
        await waitFor(() => (leaving.ids.length >= 2 ? true : undefined));
        leaving.source.close();
        const lastSeen = leaving.ids.at(-1)!;
        // Events pass while the client is away.
        await waitFor(() => {
          const at = witness.ids.indexOf(lastSeen);
          return at >= 0 && witness.ids.length - at > 3 ? true : undefined;
        });
        const resumed = listen(`${b.url}/v1/stream?symbols=BTC,ETH`, { 'Last-Event-ID': lastSeen });
        try {
          const start = witness.ids.indexOf(lastSeen) + 1;
          assert.ok(start > 0);
          // Five events on both: each relay delivers them in its own time (on a busy machine
          // the resumed client had its fifth before the witness did, once in CI).
          await waitFor(() =>
            resumed.ids.length >= 5 && witness.ids.length >= start + 5 ? true : undefined,
          );
          assert.equal(resumed.snapshots(), 0, 'resumed, not restarted');
          assert.deepEqual(resumed.ids.slice(0, 5), witness.ids.slice(start, start + 5));
        } finally {
          resumed.source.close();
        }
      } finally {
        witness.source.close();
      }
    });

    test('a symbol asked for on either relay is polled by the one that polls', async () => {
      const [follower] = (await metric(a, 'tickwire_poller_leader')) === 1 ? [b] : [a];
      const client = listen(`${follower.url}/v1/stream?symbols=DOGE`);
      try {
        await waitFor(() => (client.symbols.includes('DOGE') ? true : undefined));
      } finally {
        client.source.close();
      }
    });
  });

  describe(`${label}: candles`, () => {
    let redis: SharedRedis;
    let binance: FakeUpstream;
    let relays: Relay[] = [];

    before(async () => {
      redis = await startRedis();
      binance = await startFakeBinance(new FakeMarket());
      const config = loadConfig({ SOURCES: 'binance', SOURCE_URL_BINANCE: binance.url });
      relays = await Promise.all(
        [0, 1].map(async () =>
          startTestRelay({
            // A thousand readers at once from one address.
            env: { SOURCES: 'binance', MAX_CONNECTIONS_PER_IP: '2000' },
            sources: await createSources(config),
            redis: redis.target,
          }),
        ),
      );
    });
    after(async () => {
      await Promise.all(relays.map((relay) => relay.stop()));
      await binance?.close();
      await redis?.stop();
    });

    test('a thousand readers on two relays cost one upstream call between them', async () => {
      const klines = () =>
        binance
          .callsTo('/api/v3/klines')
          .filter((call) => call.query.has('startTime') && call.query.get('symbol') === 'SOLUSDT')
          .length;
      const before = klines();
      const answers = await Promise.all(
        Array.from({ length: 1_000 }, async (_, i) => {
          const response = await fetch(`${relays[i % 2]!.url}/v1/candles?symbol=SOL&range=24h`);
          return { status: response.status, body: await response.text() };
        }),
      );
      assert.ok(answers.every(({ status }) => status === 200));
      assert.equal(klines() - before, 1);
      assert.equal(
        new Set(answers.map(({ body }) => body)).size,
        1,
        'both relays serve the same answer',
      );
    });
  });
}
