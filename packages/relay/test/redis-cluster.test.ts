import { fleetSuite } from './support/fleet.js';
import { RedisClusterNodes } from './support/redis-ha.js';

// The fleet's promises hold on a Cluster as on one server: its keys share one hash slot, so
// the event log, the lease, the mirror's reads and the candle cache work unchanged.
fleetSuite('relays sharing a Redis Cluster of three primaries', async () => {
  const cluster = await RedisClusterNodes.start(3);
  return { target: cluster.target, stop: () => cluster.stop() };
});
