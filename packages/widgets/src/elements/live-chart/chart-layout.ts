import type { ChartRange } from './candle-history.js';

export type ChartScale = 'price' | 'percent';
export type ChartType = 'line' | 'area' | 'candles';

/** What the chart draws: set as a whole, redrawn from scratch when it changes. */
export interface ChartLayout {
  symbols: readonly string[];
  /** Each symbol as the price axis's gutter writes it (`symbolLabel`: short), in the same order. */
  labels: readonly string[];
  /** `candles` only ever for one symbol: the element decides. */
  type: ChartType;
  scale: ChartScale;
  range: ChartRange;
  /** Currency of the prices drawn (on a price scale, the one symbol's). */
  currency: string;
}

/** One bucket (or, in the live range, one price), `time` in ms. */
export interface Bar {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
}

/** The values under the crosshair, as text. */
export interface Readout {
  time: string;
  /** Each symbol's value, by symbol (the element says it as readers know it: `label`). */
  values: { symbol: string; text: string }[];
  /**
   * Where the crosshair's point is, px from the top of the plot, when known; `below`: the
   * height of the time axis under the plot. The readout keeps clear of the point.
   */
  place?: { y: number; below: number };
}
