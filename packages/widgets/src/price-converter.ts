/** `<price-converter>`: importing this module defines the element (once per page, whoever loads it). */
import { PriceConverter } from './elements/price-converter/price-converter.js';
import { defineElement } from './internal/define-element.js';

defineElement('price-converter', PriceConverter);

export { PriceConverter };
