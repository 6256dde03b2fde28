'use client';

/** `<PriceCard>`: the `<price-card>` element alone, for an app that shows no chart. */
import type { PriceCard as PriceCardElement } from '@tickwire/widgets/price-card.js';
import '@tickwire/widgets/price-card.js';
import { elementComponent, FEED_EVENTS } from './element-component.js';

/** The live price of one asset. */
export const PriceCard = elementComponent<'price-card', PriceCardElement, typeof FEED_EVENTS>(
  'price-card',
  FEED_EVENTS,
  'PriceCard',
);
