'use client';

/** `<PriceTicker>`: the `<price-ticker>` element alone. */
import type { PriceTicker as PriceTickerElement } from '@tickwire/widgets/price-ticker.js';
import '@tickwire/widgets/price-ticker.js';
import { type ElementComponent, elementComponent, FEED_EVENTS } from './element-component.js';

/** A grid of cards, or a scrolling tape. */
export const PriceTicker: ElementComponent<'price-ticker', PriceTickerElement, typeof FEED_EVENTS> =
  elementComponent('price-ticker', FEED_EVENTS, 'PriceTicker');
