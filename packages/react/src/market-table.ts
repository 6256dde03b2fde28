'use client';

/** `<MarketTable>`: the `<market-table>` element alone. */
import type { MarketTable as MarketTableElement } from '@tickwire/widgets/market-table.js';
import '@tickwire/widgets/market-table.js';
import { type ElementComponent, elementComponent, FEED_EVENTS } from './element-component.js';

/** A sortable table of assets: price, changes, market cap, volume and the 24 h line. */
export const MarketTable: ElementComponent<'market-table', MarketTableElement, typeof FEED_EVENTS> =
  elementComponent('market-table', FEED_EVENTS, 'MarketTable');
