'use client';

/** `<PriceHeatmap>`: the `<price-heatmap>` element alone. */
import type { PriceHeatmap as PriceHeatmapElement } from '@tickwire/widgets/price-heatmap.js';
import '@tickwire/widgets/price-heatmap.js';
import { type ElementComponent, elementComponent, FEED_EVENTS } from './element-component.js';

/** A market heatmap: tiles sized by market cap, coloured by the change over a range. */
export const PriceHeatmap: ElementComponent<
  'price-heatmap',
  PriceHeatmapElement,
  typeof FEED_EVENTS
> = elementComponent('price-heatmap', FEED_EVENTS, 'PriceHeatmap');
