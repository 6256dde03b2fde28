/**
 * Every element, defined at once: the entry of the classic-script build
 * (`widgets.iife.js`), which cannot load code on demand, and of Storybook.
 */
import { LiveChart } from './elements/live-chart/live-chart.js';
import { MarketFeed } from './elements/market-feed/market-feed.js';
import { PriceCard } from './elements/price-card/price-card.js';
import { PriceTicker } from './elements/price-ticker/price-ticker.js';
import { StreamControls } from './elements/stream-controls/stream-controls.js';
import { defineElement } from './internal/define-element.js';

defineElement('price-card', PriceCard);
defineElement('live-chart', LiveChart);
defineElement('price-ticker', PriceTicker);
defineElement('stream-controls', StreamControls);
defineElement('market-feed', MarketFeed);

export { LiveChart, MarketFeed, PriceCard, PriceTicker, StreamControls };
