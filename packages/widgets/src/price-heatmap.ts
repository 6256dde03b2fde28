/** `<price-heatmap>`: importing this module defines the element (once per page, whoever loads it). */
import { PriceHeatmap } from './elements/price-heatmap/price-heatmap.js';
import { defineElement } from './internal/define-element.js';

defineElement('price-heatmap', PriceHeatmap);

export { PriceHeatmap };
