import type { Decorator, StoryContext } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { type MarketState, scriptedMarket } from './scripted-market.js';

/** The toolbar value for the scripted market; anything else is a relay URL. */
export const SCRIPTED = 'scripted';

/** Story parameters that shape the scripted market. */
export interface MarketParameters {
  state?: MarketState;
  prices?: Record<string, number>;
  /** `none`: the market has no candles, as a relay whose sources have none for the range. */
  candles?: 'none';
}

/**
 * The relay a story's element reads: a fresh scripted market (the default, offline), or the
 * live relay chosen in the toolbar, for every story at once.
 */
export function relayFor(
  context: Pick<StoryContext, 'globals' | 'parameters'>,
  symbols: string,
): string {
  const chosen = context.globals.relay as string | undefined;
  if (chosen && chosen !== SCRIPTED) return chosen;
  const market = (context.parameters.market ?? {}) as MarketParameters;
  return scriptedMarket({
    symbols: symbols
      .split(',')
      .map((symbol) => symbol.trim().toUpperCase())
      .filter(Boolean),
    state: market.state,
    prices: market.prices,
    candles: market.candles,
  });
}

/** Wraps a story in a box as wide as its `width` parameter asks: narrow containers. */
export const withRelay: Decorator = (story, context) => {
  const width = context.parameters.width as string | undefined;
  return width ? html`<div style=${styleMap({ width })}>${story()}</div>` : story();
};
