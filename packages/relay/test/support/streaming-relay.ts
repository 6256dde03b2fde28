import { loadConfig, type RelayConfig } from '../../src/config.js';
import type { Relay, RelayTimings } from '../../src/relay.js';
import { createSources } from '../../src/sources/create-sources.js';
import { startFakeBinance } from './fake-binance.js';
import { FakeBinanceStream } from './fake-binance-stream.js';
import { FakeMarket } from './fake-market.js';
import type { FakeUpstream } from './fake-upstream.js';
import { startTestRelay } from './relay.js';

export interface StreamingRelayOptions {
  env?: Record<string, string>;
  config?: Partial<RelayConfig>;
  timings?: Partial<RelayTimings>;
  redisUrl?: string;
  /** Shares the fakes of another streaming relay (a fleet on one Redis). */
  fakes?: StreamingFakes;
}

/** A fake Binance, REST and WebSocket, on one market. */
export interface StreamingFakes {
  market: FakeMarket;
  rest: FakeUpstream;
  socket: FakeBinanceStream;
}

/** Starts a fake Binance, REST and WebSocket alike, over one fake market. */
export async function startStreamingFakes(): Promise<StreamingFakes> {
  const market = new FakeMarket();
  const [rest, socket] = await Promise.all([
    startFakeBinance(market),
    FakeBinanceStream.start(market),
  ]);
  return { market, rest, socket };
}

/**
 * A test relay streaming from the fake Binance (`SOURCES=binance:stream`), through the real
 * ccxt pro client, with REST on the fake's other half; polls every 200 ms by default.
 */
export async function startStreamingRelay(
  options: StreamingRelayOptions = {},
): Promise<StreamingFakes & { relay: Relay; stop: () => Promise<void> }> {
  const own = options.fakes === undefined;
  const fakes = options.fakes ?? (await startStreamingFakes());
  const env = {
    SOURCES: 'binance:stream',
    SOURCE_URL_BINANCE: fakes.rest.url,
    SOURCE_WS_URL_BINANCE: fakes.socket.url,
    SYMBOLS: 'BTC',
    ...options.env,
  };
  const relay = await startTestRelay({
    env,
    config: { POLL_INTERVAL: 200, ...options.config },
    sources: await createSources(loadConfig(env), { timeoutMs: 2_000 }),
    timings: options.timings,
    redisUrl: options.redisUrl,
  });
  return {
    ...fakes,
    relay,
    stop: async () => {
      await relay.stop();
      if (own) {
        await fakes.socket.close();
        await fakes.rest.close();
      }
    },
  };
}
