'use client';

/** `<MarketFeed>`: the `<market-feed>` element alone. */
import type { MarketFeed as MarketFeedElement } from '@tickwire/widgets/market-feed.js';
import '@tickwire/widgets/market-feed.js';
import { type ElementComponent, elementComponent, FEED_EVENTS } from './element-component.js';

/** Every update, newest first, notable moves highlighted. */
export const MarketFeed: ElementComponent<'market-feed', MarketFeedElement, typeof FEED_EVENTS> =
  elementComponent('market-feed', FEED_EVENTS, 'MarketFeed');
