import type { RelayConfig } from '../config.js';
import { DemoSource } from './demo.js';
import type { PriceSource } from './price-source.js';

/** Builds the sources `SOURCES` names, in its order. */
export async function createSources(config: Pick<RelayConfig, 'SOURCES'>): Promise<PriceSource[]> {
  return config.SOURCES.map((id): PriceSource => {
    switch (id) {
      case 'demo':
        return new DemoSource();
      default:
        throw new Error(`no adapter for source '${id satisfies never}'`);
    }
  });
}
