// Upstream calls per minute with 1, 2 and 3 relays on one Redis: the lease keeps it flat.
import { startFakeBinance } from '../packages/relay/test/support/fake-binance.js';
import { FakeMarket } from '../packages/relay/test/support/fake-market.js';
import { RedisServer } from '../packages/relay/test/support/redis-server.js';
import { machine, spawnRelay } from './support.js';

export async function redisInstances(seconds = 10): Promise<void> {
  console.log(
    `\n## Upstream calls per minute with several relays on one Redis, POLL_INTERVAL=1 (${machine()})`,
  );
  const redis = await RedisServer.start();
  const binance = await startFakeBinance(new FakeMarket());
  const relays: Awaited<ReturnType<typeof spawnRelay>>[] = [];
  try {
    for (const count of [1, 2, 3]) {
      while (relays.length < count) {
        relays.push(
          await spawnRelay({
            SOURCES: 'binance',
            SOURCE_URL_BINANCE: binance.url,
            REDIS_URL: redis.url,
            POLL_INTERVAL: '1',
          }),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const before = binance.callsTo('/api/v3/ticker/24hr').length;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      const perMinute = ((binance.callsTo('/api/v3/ticker/24hr').length - before) * 60) / seconds;
      console.log(
        `${count} relay${count > 1 ? 's' : ' '}  ${perMinute.toFixed(0).padStart(4)} ticker calls/min`,
      );
    }
  } finally {
    for (const relay of relays) await relay.stop();
    await binance.close();
    await redis.kill();
  }
}
