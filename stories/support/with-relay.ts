import type { Decorator, StoryContext } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import {
  elementSymbols,
  type SymbolDefaults,
} from '../../packages/widgets/src/internal/symbols.js';
import { type MarketState, scriptedMarket } from './scripted-market.js';

/** The toolbar value for the scripted market; anything else is a relay URL. */
export const SCRIPTED = 'scripted';

/** Story parameters that shape the scripted market. */
export interface MarketParameters {
  state?: MarketState;
  prices?: Record<string, number>;
  /** `none`: the market has no candles, as a relay whose sources have none for the range. */
  candles?: 'none';
  /** Sources beside `demo` the market has every symbol from, for the controls' source picker. */
  sources?: string[];
  /** A stream's pace, ms per tick: its sources stream, its history is the last 5 minutes. */
  tickMs?: number;
}

/**
 * The relay a story's element reads: a fresh scripted market (the default, offline), or the
 * live relay chosen in the toolbar, for every story at once. The market prices `symbols` as
 * the element watches them, with its `currency` and `source`.
 */
export function relayFor(
  context: Pick<StoryContext, 'globals' | 'parameters'>,
  symbols: string,
  defaults: SymbolDefaults = {},
): string {
  const chosen = context.globals.relay as string | undefined;
  if (chosen && chosen !== SCRIPTED) return chosen;
  const market = (context.parameters.market ?? {}) as MarketParameters;
  const watched = elementSymbols(symbols, defaults).symbols;
  return scriptedMarket({
    symbols: [
      ...watched,
      ...(market.sources ?? []).flatMap((id) => watched.map((symbol) => `${symbol}@${id}`)),
    ],
    state: market.state,
    prices: market.prices,
    candles: market.candles,
    tickMs: market.tickMs,
  });
}

/** Wraps a story in a box as wide as its `width` parameter asks: narrow containers. */
export const withRelay: Decorator = (story, context) => {
  const width = context.parameters.width as string | undefined;
  return width ? html`<div style=${styleMap({ width })}>${story()}</div>` : story();
};
