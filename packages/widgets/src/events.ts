/**
 * The detail of every event the elements fire, by name, for an app's own handlers:
 * `(event: CustomEvent<RangeChangeDetail>) => …`. Each is read from the global event map the
 * element that fires it declares, so the shape has one home.
 */
import type {} from './elements/live-chart/live-chart.js';
import type {} from './elements/stream-controls/stream-controls.js';
import type {} from './internal/feed-element.js';

/** The `detail` of a Tickwire event, as `GlobalEventHandlersEventMap` declares it. */
type DetailOf<Name extends keyof GlobalEventHandlersEventMap> =
  GlobalEventHandlersEventMap[Name] extends CustomEvent<infer Detail> ? Detail : never;

/** `tickwire-state-change` (every element): `state` is the element's new state. */
export type StateChangeDetail = DetailOf<'tickwire-state-change'>;
/** `tickwire-quotes` (every element): each changed quote of its symbols, by symbol. */
export type QuotesDetail = DetailOf<'tickwire-quotes'>;
/** `tickwire-range-change` (`<live-chart>`): the range the reader picked. */
export type RangeChangeDetail = DetailOf<'tickwire-range-change'>;
/** `tickwire-symbol-change` (`<live-chart layout="tabs">`): the symbol whose tab the reader picked. */
export type SymbolChangeDetail = DetailOf<'tickwire-symbol-change'>;
/** `tickwire-refresh-change` (`<stream-controls>`): the chosen interval, 0 for live. */
export type RefreshChangeDetail = DetailOf<'tickwire-refresh-change'>;
/** `tickwire-source-change` (`<stream-controls>`): the chosen source, undefined for any. */
export type SourceChangeDetail = DetailOf<'tickwire-source-change'>;

/** Every event of the elements with its detail (`undefined` for pause and resume). */
export interface TickwireEventDetails {
  'tickwire-state-change': StateChangeDetail;
  'tickwire-quotes': QuotesDetail;
  'tickwire-range-change': RangeChangeDetail;
  'tickwire-symbol-change': SymbolChangeDetail;
  'tickwire-pause': undefined;
  'tickwire-resume': undefined;
  'tickwire-refresh-change': RefreshChangeDetail;
  'tickwire-source-change': SourceChangeDetail;
}
