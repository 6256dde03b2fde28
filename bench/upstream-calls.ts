// Upstream calls per minute against connected clients: one poll per interval, whatever the load.
import { startFakeBinance } from '../packages/relay/test/support/fake-binance.js';
import { FakeMarket } from '../packages/relay/test/support/fake-market.js';
import { machine, openStream, spawnRelay } from './support.js';

export async function upstreamCalls(clientCounts: readonly number[], seconds = 10): Promise<void> {
  console.log(
    `\n## Upstream calls per minute, POLL_INTERVAL=1, fake Binance on loopback (${machine()})`,
  );
  const binance = await startFakeBinance(new FakeMarket());
  const relay = await spawnRelay({
    SOURCES: 'binance',
    SOURCE_URL_BINANCE: binance.url,
    POLL_INTERVAL: '1',
    MAX_CLIENTS: '100000',
    MAX_CLIENTS_PER_IP: '100000',
  });
  try {
    for (const clients of clientCounts) {
      const closers = await Promise.all(
        Array.from({ length: clients }, (_, i) =>
          openStream(`${relay.url}/v1/stream?symbols=${['BTC', 'ETH,SOL', 'DOGE'][i % 3]}`),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const before = binance.callsTo('/api/v3/ticker/24hr').length;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      const perMinute = ((binance.callsTo('/api/v3/ticker/24hr').length - before) * 60) / seconds;
      console.log(
        `${String(clients).padStart(6)} clients  ${perMinute.toFixed(0).padStart(4)} ticker calls/min`,
      );
      for (const close of closers) close();
    }
  } finally {
    await relay.stop();
    await binance.close();
  }
}
