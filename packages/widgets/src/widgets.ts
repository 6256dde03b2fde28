/**
 * The bundle's entry (`widgets.js`): defines every element, and exports what a page without
 * a build step may call (`import { watchQuotes, setRelay } from 'https://relay/widgets.js'`).
 * The price card ships in this file; the others load the first time their tag is on the
 * page, so a page of cards stays small. Loading the bundle twice, even from two URLs, is
 * harmless.
 */
import './price-card.js';
import { Observable, type Subscription } from 'rxjs';
import type { watchQuotes as WatchQuotes } from './feed.js';
import { loadOnUse } from './internal/load-on-use.js';

export { setRelay } from './config.js';
export { pauseQuotes, resumeQuotes } from './feed/pause-quotes.js';

loadOnUse({
  'live-chart': async () => (await import('./elements/live-chart/live-chart.js')).LiveChart,
  'price-ticker': async () => (await import('./elements/price-ticker/price-ticker.js')).PriceTicker,
  'stream-controls': async () =>
    (await import('./elements/stream-controls/stream-controls.js')).StreamControls,
  'market-feed': async () => (await import('./elements/market-feed/market-feed.js')).MarketFeed,
  'price-converter': async () =>
    (await import('./elements/price-converter/price-converter.js')).PriceConverter,
  'market-table': async () => (await import('./elements/market-table/market-table.js')).MarketTable,
  'price-heatmap': async () =>
    (await import('./elements/price-heatmap/price-heatmap.js')).PriceHeatmap,
});

/**
 * `watchQuotes` of `@tickwire/widgets/feed.js`, its code loaded on the first subscription:
 * a page of cards carries none of it.
 */
export const watchQuotes: typeof WatchQuotes = (symbols, options) =>
  new Observable((subscriber) => {
    let inner: Subscription | undefined;
    let closed = false;
    void import('./feed.js').then((headless) => {
      if (!closed) inner = headless.watchQuotes(symbols, options).subscribe(subscriber);
    });
    return () => {
      closed = true;
      inner?.unsubscribe();
    };
  });
