import { loadConfig } from '../../src/config.js';
import type { Relay } from '../../src/relay.js';
import { createSources } from '../../src/sources/create-sources.js';
import { startFakeBinance } from './fake-binance.js';
import { FakeMarket } from './fake-market.js';
import type { FakeUpstream } from './fake-upstream.js';
import { startTestRelay } from './relay.js';

/** A test relay whose one source is the real ccxt client against a fake Binance (which counts its calls). */
export async function startBinanceRelay(): Promise<{
  binance: FakeUpstream;
  relay: Relay;
  stop: () => Promise<void>;
}> {
  const binance = await startFakeBinance(new FakeMarket());
  const config = loadConfig({ SOURCES: 'binance', SOURCE_URL_BINANCE: binance.url });
  const relay = await startTestRelay({
    env: { SOURCES: 'binance' },
    sources: await createSources(config),
  });
  return {
    binance,
    relay,
    stop: async () => {
      await relay.stop();
      await binance.close();
    },
  };
}
