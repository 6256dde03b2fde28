'use client';

/** `<PriceHeatmap>`: the `<price-heatmap>` element alone. */
import type { PriceHeatmap as PriceHeatmapElement } from '@tickwire/widgets/price-heatmap.js';
import '@tickwire/widgets/price-heatmap.js';
import { elementComponent, FEED_EVENTS } from './element-component.js';

/** A market heatmap: tiles sized by market cap, coloured by the change over a range. */
export const PriceHeatmap = elementComponent<
  'price-heatmap',
  PriceHeatmapElement,
  typeof FEED_EVENTS
>('price-heatmap', FEED_EVENTS, 'PriceHeatmap');
