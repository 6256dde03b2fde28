import type { StoryContext } from '@storybook/web-components-vite';
import { feedFor } from '../../packages/widgets/src/feed/feed-registry.js';
import { sampleAssets } from '../../packages/widgets/src/feed/sample-facts.js';
import type { ScriptedFeed } from '../../packages/widgets/src/feed/scripted-feed.js';
import type { SymbolDefaults } from '../../packages/widgets/src/internal/symbols.js';
import { STORY_PRICES } from './scripted-market.js';
import { relayFor, SCRIPTED } from './with-relay.js';

/** What the scripted market prices when a story asks for its top assets. */
export const MARKET = 'BTC,ETH,SOL,DOGE,ADA,SHIB';

/**
 * The relay of a story of an asset list (`<market-table>`, `<price-heatmap>`) or of names and
 * logos (`show="name,logo"`): the scripted
 * market with the assets' facts (names, ranks, market figures, as a relay's `/v1/assets`
 * answers), or — the `noFacts` parameter — without them, as a relay before `/v1/assets`.
 */
export function factsRelay(
  symbols: string,
  context: Pick<StoryContext, 'globals' | 'parameters'>,
  defaults: SymbolDefaults = {},
): string {
  const relay = relayFor(context, symbols || MARKET, defaults);
  if (((context.globals.relay as string | undefined) ?? SCRIPTED) !== SCRIPTED) return relay;
  if (!context.parameters.noFacts) {
    (feedFor(relay) as ScriptedFeed).assets = async () =>
      sampleAssets(STORY_PRICES, { logos: false });
  }
  return relay;
}
