'use client';

/** `<LiveChart>`: the `<live-chart>` element alone (lightweight-charts loads with it). */
import type { LiveChart as LiveChartElement } from '@tickwire/widgets/live-chart.js';
import '@tickwire/widgets/live-chart.js';
import { elementComponent, FEED_EVENTS } from './element-component.js';

/** The reader's pick of a range (the chart's buttons) carries the range; of a tab, the symbol. */
const CHART_EVENTS = {
  ...FEED_EVENTS,
  onTickwireRangeChange: 'tickwire-range-change',
  onTickwireSymbolChange: 'tickwire-symbol-change',
} as const;

/** One or more assets over a range. */
export const LiveChart = elementComponent<'live-chart', LiveChartElement, typeof CHART_EVENTS>(
  'live-chart',
  CHART_EVENTS,
  'LiveChart',
);
