/**
 * The bundle's entry: defines every element, nothing else. Loading it twice is harmless.
 */
import { LiveChart } from './elements/live-chart/live-chart.js';
import { PriceCard } from './elements/price-card/price-card.js';
import { defineElement } from './internal/define-element.js';

defineElement('price-card', PriceCard);
defineElement('live-chart', LiveChart);

export { LiveChart, PriceCard };
