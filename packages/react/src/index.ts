'use client';

/**
 * The Tickwire elements as React components: props an element takes as attributes are rendered
 * as its attributes (on the server too), the elements' events are `on…` props, refs reach the
 * element. Every component of a page shares one stream per relay, as the elements do.
 *
 * ```tsx
 * import { PriceCard, setRelay } from '@tickwire/react';
 * setRelay('https://relay.example.com/');
 * <PriceCard symbol="BTC" />
 * ```
 *
 * This entry brings every element; `@tickwire/react/price-card` (and `/live-chart`,
 * `/price-ticker`, `/market-feed`, `/stream-controls`, `/price-converter`, `/market-table`,
 * `/price-heatmap`) brings one.
 */
export { setRelay } from '@tickwire/widgets/config.js';
export type { ElementProps } from './element-component.js';
export { LiveChart } from './live-chart.js';
export { MarketFeed } from './market-feed.js';
export { MarketTable } from './market-table.js';
export { PriceCard } from './price-card.js';
export { PriceConverter } from './price-converter.js';
export { PriceHeatmap } from './price-heatmap.js';
export { PriceTicker } from './price-ticker.js';
export { StreamControls } from './stream-controls.js';
