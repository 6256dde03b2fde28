'use client';

/** `<PriceConverter>`: the `<price-converter>` element alone. */
import type { PriceConverter as PriceConverterElement } from '@tickwire/widgets/price-converter.js';
import '@tickwire/widgets/price-converter.js';
import { elementComponent, FEED_EVENTS } from './element-component.js';

/** An amount of one asset in another, at live prices of a pair the relay has. */
export const PriceConverter = elementComponent<
  'price-converter',
  PriceConverterElement,
  typeof FEED_EVENTS
>('price-converter', FEED_EVENTS, 'PriceConverter');
