'use client';

/** `<PriceConverter>`: the `<price-converter>` element alone. */
import type { PriceConverter as PriceConverterElement } from '@tickwire/widgets/price-converter.js';
import '@tickwire/widgets/price-converter.js';
import { type ElementComponent, elementComponent, FEED_EVENTS } from './element-component.js';

/** An amount of one asset in another, at live prices of a pair the relay has. */
export const PriceConverter: ElementComponent<
  'price-converter',
  PriceConverterElement,
  typeof FEED_EVENTS
> = elementComponent('price-converter', FEED_EVENTS, 'PriceConverter');
