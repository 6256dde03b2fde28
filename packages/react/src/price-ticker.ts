'use client';

/** `<PriceTicker>`: the `<price-ticker>` element alone. */
import type { PriceTicker as PriceTickerElement } from '@tickwire/widgets/price-ticker.js';
import '@tickwire/widgets/price-ticker.js';
import { elementComponent, FEED_EVENTS } from './element-component.js';

/** A grid of cards, or a scrolling tape. */
export const PriceTicker = elementComponent<'price-ticker', PriceTickerElement, typeof FEED_EVENTS>(
  'price-ticker',
  FEED_EVENTS,
  'PriceTicker',
);
