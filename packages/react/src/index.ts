/**
 * The Tickwire elements as React components (`@lit/react`): props are set as element
 * properties, the controls' events are `on…` props, refs reach the element. Every component of
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
  LiveChart as LiveChartElement,
  MarketFeed as MarketFeedElement,
  PriceCard as PriceCardElement,
  PriceTicker as PriceTickerElement,
  StreamControls as StreamControlsElement,
} from '@tickwire/widgets';
import * as React from 'react';

export { setRelay } from '@tickwire/widgets';

export const PriceCard = createComponent({
  tagName: 'price-card',
  elementClass: PriceCardElement,
  react: React,
});

export const LiveChart = createComponent({
  tagName: 'live-chart',
  elementClass: LiveChartElement,
  react: React,
});

export const PriceTicker = createComponent({
  tagName: 'price-ticker',
  elementClass: PriceTickerElement,
  react: React,
});

export const MarketFeed = createComponent({
  tagName: 'market-feed',
  elementClass: MarketFeedElement,
  react: React,
});

/** Pause and resume come from the reader; the refresh change carries the new interval. */
export const StreamControls = createComponent({
  tagName: 'stream-controls',
  elementClass: StreamControlsElement,
  react: React,
  events: {
    onTickwirePause: 'tickwire-pause' as EventName<CustomEvent<undefined>>,
    onTickwireResume: 'tickwire-resume' as EventName<CustomEvent<undefined>>,
    onTickwireRefreshChange: 'tickwire-refresh-change' as EventName<
      CustomEvent<{ intervalMs: number }>
    >,
  },
});
