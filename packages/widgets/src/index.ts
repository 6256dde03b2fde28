/**
 * Every element, defined at once, and what a page sets for all of them: the entry of the
 * npm package (`@tickwire/widgets`), of the classic-script build (`widgets.iife.js`), which
 * cannot load code on demand, and of Storybook.
 */

export type { Quote } from '@tickwire/protocol';
export { type Messages, setMessages, setRelay } from './config.js';
export type {
  QuotesDetail,
  RangeChangeDetail,
  RefreshChangeDetail,
  SourceChangeDetail,
  StateChangeDetail,
  SymbolChangeDetail,
  TickwireEventDetails,
} from './events.js';
export {
  type ElementState,
  pauseQuotes,
  type QuotesUpdate,
  resumeQuotes,
  type WatchOptions,
  watchQuotes,
} from './feed.js';
export { LiveChart } from './live-chart.js';
export { MarketFeed } from './market-feed.js';
export { MarketTable } from './market-table.js';
export { PriceCard } from './price-card.js';
export { PriceConverter } from './price-converter.js';
export { PriceHeatmap } from './price-heatmap.js';
export { PriceTicker } from './price-ticker.js';
export { StreamControls } from './stream-controls.js';
