/** `<market-feed>`: importing this module defines the element (once per page, whoever loads it). */
import { MarketFeed } from './elements/market-feed/market-feed.js';
import { defineElement } from './internal/define-element.js';

defineElement('market-feed', MarketFeed);

export { MarketFeed };
