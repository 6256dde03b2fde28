import { ConfigError, type RelayConfig } from '../config.js';
import { createCcxtSource } from './ccxt-source.js';
import { CoinGeckoSource } from './coingecko-source.js';
import { DemoSource } from './demo.js';
import type { PriceSource } from './price-source.js';

/** Per-call timeouts and other knobs that are constants in production and short in tests. */
export interface SourceTuning {
  /** Deadline of each upstream call, headers and body together, ms. */
  timeoutMs?: number;
  /** Bytes an upstream answer to a price or history call may have. */
  maxAnswerBytes?: number;
}

/** The `SOURCE_URL_<ID>` key of a source id: `ccxt:kraken` → `ccxt_kraken`. */
const urlKey = (id: string) => id.replace(':', '_');

/** Builds the sources `SOURCES` names, in its order. ccxt is imported only if one needs it. */
export async function createSources(
  config: Pick<
    RelayConfig,
    | 'SOURCES'
    | 'CURRENCIES'
    | 'COINGECKO_API_KEY'
    | 'sourceUrls'
    | 'sourceWsUrls'
    | 'streamingSources'
  >,
  tuning: SourceTuning = {},
): Promise<PriceSource[]> {
  const sources: PriceSource[] = [];
  for (const id of config.SOURCES) {
    const baseUrl = config.sourceUrls[urlKey(id)];
    const streams = config.streamingSources?.includes(id) ?? false;
    if (id === 'demo') sources.push(new DemoSource());
    else if (id === 'coingecko') {
      sources.push(
        new CoinGeckoSource({
          apiKey: config.COINGECKO_API_KEY,
          currencies: config.CURRENCIES,
          baseUrl,
          ...tuning,
        }),
      );
    } else {
      const exchangeId = id === 'binance' ? 'binance' : id.slice('ccxt:'.length);
      try {
        sources.push(
          await createCcxtSource({
            exchangeId,
            sourceId: id,
            currencies: config.CURRENCIES,
            baseUrl,
            ...tuning,
            ...(streams && { stream: { wsUrl: config.sourceWsUrls?.[urlKey(id)] } }),
            // Spot markets only: futures and options are other instruments.
            exchangeOptions: {
              options: { defaultType: 'spot', fetchMarkets: { types: ['spot'] } },
            },
          }),
        );
      } catch (error) {
        const named = config.SOURCES.map((each) =>
          config.streamingSources?.includes(each) ? `${each}:stream` : each,
        );
        throw new ConfigError(`SOURCES=${named.join(',')}: ${(error as Error).message}`);
      }
    }
  }
  return sources;
}
