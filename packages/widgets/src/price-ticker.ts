/** `<price-ticker>`: importing this module defines the element (once per page, whoever loads it). */
import { PriceTicker } from './elements/price-ticker/price-ticker.js';
import { defineElement } from './internal/define-element.js';

defineElement('price-ticker', PriceTicker);

export { PriceTicker };
