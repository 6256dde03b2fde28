/** `<price-card>`: importing this module defines the element (once per page, whoever loads it). */
import { PriceCard } from './elements/price-card/price-card.js';
import { defineElement } from './internal/define-element.js';

defineElement('price-card', PriceCard);

export { PriceCard };
