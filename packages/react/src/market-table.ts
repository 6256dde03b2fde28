'use client';

/** `<MarketTable>`: the `<market-table>` element alone. */
import type { MarketTable as MarketTableElement } from '@tickwire/widgets/market-table.js';
import '@tickwire/widgets/market-table.js';
import { elementComponent, FEED_EVENTS } from './element-component.js';

/** A sortable table of assets: price, changes, market cap, volume and the 24 h line. */
export const MarketTable = elementComponent<'market-table', MarketTableElement, typeof FEED_EVENTS>(
  'market-table',
  FEED_EVENTS,
  'MarketTable',
);
