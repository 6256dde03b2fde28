'use client';

/**
 * The Tickwire elements as React components (`@lit/react`): props are set as element
 * properties, the elements' events are `on…` props, refs reach the element. Every component of
 * a page shares one stream per relay, as the elements do.
 *
 * ```tsx
 * import { PriceCard, setRelay } from '@tickwire/react';
 * setRelay('https://relay.example.com/');
 * <PriceCard symbol="BTC" />
 * ```
 */
import { createComponent, type EventName } from '@lit/react';
import {
  type ElementState,
  LiveChart as LiveChartElement,
  MarketFeed as MarketFeedElement,
  PriceCard as PriceCardElement,
  PriceTicker as PriceTickerElement,
  type Quote,
  StreamControls as StreamControlsElement,
} from '@tickwire/widgets';
import * as React from 'react';

export { setRelay } from '@tickwire/widgets/config.js';

/** Every element's events: its data's state, and new prices of its symbols. */
const FEED_EVENTS = {
  onTickwireStateChange: 'tickwire-state-change' as EventName<CustomEvent<{ state: ElementState }>>,
  onTickwireQuotes: 'tickwire-quotes' as EventName<CustomEvent<{ quotes: Record<string, Quote> }>>,
};

/** An element with only the common events as a React component: props become its properties. */
const component = <E extends HTMLElement>(tagName: string, elementClass: new () => E) =>
  createComponent({ tagName, elementClass, react: React, events: FEED_EVENTS });

export const PriceCard = component('price-card', PriceCardElement);
export const PriceTicker = component('price-ticker', PriceTickerElement);
export const MarketFeed = component('market-feed', MarketFeedElement);

/** The reader's pick of a range (the chart's buttons) carries the range. */
export const LiveChart = createComponent({
  tagName: 'live-chart',
  elementClass: LiveChartElement,
  react: React,
  events: {
    ...FEED_EVENTS,
    onTickwireRangeChange: 'tickwire-range-change' as EventName<
      CustomEvent<{ range: LiveChartElement['range'] }>
    >,
  },
});

/** Pause and resume come from the reader; the refresh and source changes carry the choice. */
export const StreamControls = createComponent({
  tagName: 'stream-controls',
  elementClass: StreamControlsElement,
  react: React,
  events: {
    ...FEED_EVENTS,
    onTickwirePause: 'tickwire-pause' as EventName<CustomEvent<undefined>>,
    onTickwireResume: 'tickwire-resume' as EventName<CustomEvent<undefined>>,
    onTickwireRefreshChange: 'tickwire-refresh-change' as EventName<
      CustomEvent<{ intervalMs: number }>
    >,
    onTickwireSourceChange: 'tickwire-source-change' as EventName<
      CustomEvent<{ source: string | undefined }>
    >,
  },
});
