/**
 * The bundle's entry (`widgets.js`): defines every element, nothing else. The price card
 * ships in this file; the others load the first time their tag is on the page, so a page of
 * cards stays small. Loading the bundle twice, even from two URLs, is harmless.
 */
import './price-card.js';
import { loadOnUse } from './internal/load-on-use.js';

loadOnUse({
  'live-chart': async () => (await import('./elements/live-chart/live-chart.js')).LiveChart,
  'price-ticker': async () => (await import('./elements/price-ticker/price-ticker.js')).PriceTicker,
  'stream-controls': async () =>
    (await import('./elements/stream-controls/stream-controls.js')).StreamControls,
  'market-feed': async () => (await import('./elements/market-feed/market-feed.js')).MarketFeed,
});
