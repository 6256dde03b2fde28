/** `<market-table>`: importing this module defines the element (once per page, whoever loads it). */
import { MarketTable } from './elements/market-table/market-table.js';
import { defineElement } from './internal/define-element.js';

defineElement('market-table', MarketTable);

export { MarketTable };
