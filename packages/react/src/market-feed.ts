'use client';

/** `<MarketFeed>`: the `<market-feed>` element alone. */
import type { MarketFeed as MarketFeedElement } from '@tickwire/widgets/market-feed.js';
import '@tickwire/widgets/market-feed.js';
import { elementComponent, FEED_EVENTS } from './element-component.js';

/** Every update, newest first, notable moves highlighted. */
export const MarketFeed = elementComponent<'market-feed', MarketFeedElement, typeof FEED_EVENTS>(
  'market-feed',
  FEED_EVENTS,
  'MarketFeed',
);
