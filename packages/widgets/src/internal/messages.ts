import type { CandleRange } from '@tickwire/protocol';
import { NO_RELAY } from './default-relay.js';
import { pageState } from './page-state.js';

/**
 * Every word an element shows or announces, by what it says. A function takes what the
 * sentence is about, already written (symbols, formatted figures and times): a catalog holds
 * words only, never numbers or currency codes, which `Intl` writes in the reader's locale.
 */
export interface Messages {
  connecting: string;
  live: string;
  stale: string;
  offline: string;
  paused: string;
  error: string;
  simulated: string;
  simulatedTitle: string;
  up: string;
  down: string;
  /** A move that rounds to none, where `up` and `down` name the others. */
  flat: string;
  /** The period after a 24 h change, beside its figures. */
  period24h: string;
  waitingForPrice: string;
  noChange24h: (source: string) => string;
  /** The card's accessible name; `label` is the symbol, or empty when there is none. */
  cardLabel: (label: string) => string;
  market: (market: string) => string;
  notASymbol: (text: string) => string;
  noSymbol: string;
  notSymbols: (texts: string) => string;
  noSymbols: string;
  notListed: (symbols: string) => string;
  /** An unlisted symbol and the listed one a reader most likely meant: `DOGEE`, `DOGE`. */
  didYouMean: (symbol: string, meant: string) => string;
  /**
   * Why the relay will not serve `symbols` (a list, joined by `Intl.ListFormat`), by its
   * refusal's code (`Refusal` in `@tickwire/protocol`): it watches as many symbols as it may,
   * `limit` (in the reader's digits), so try later…
   */
  watchListFull: (symbols: string, limit: string) => string;
  /** …the reader has had as many symbols watched as one reader may, `limit`: close another page first… */
  addressShareFull: (symbols: string, limit: string) => string;
  /** …it does not serve `currency`, only `currencies` (a list)… */
  currencyNotServed: (symbols: string, currency: string, currencies: string) => string;
  /** …`source` is none of its `sources` (a list)… */
  unknownSource: (symbols: string, source: string, sources: string) => string;
  /** …or a reason this page cannot name (a newer relay's): never the relay's English. */
  refusedOther: (symbols: string) => string;
  /** Why an element cannot read its relay, with the fix (`RelayProblem`). */
  noRelay: string;
  noScheme: (relay: string) => string;
  notARelayUrl: (relay: string) => string;
  notARelay: (relay: string, status: number) => string;
  /** A screen reader's sentence of one price: `label price, up 1.10% in 24 hours`. */
  spokenPrice: (label: string, price: string, trend: string) => string;
  /** The trend in the spoken sentence: `up 1.10%`; `size` has no sign. */
  spokenMove: (direction: 'up' | 'down', size: string) => string;
  spokenMore: (count: number) => string;
  spokenOffline: string;
  spokenLiveAgain: string;
  controlsLabel: string;
  pause: string;
  resume: string;
  refresh: string;
  liveEvery: (seconds: string) => string;
  /**
   * The refresh menu's live choice while every source of the page's prices streams over a
   * WebSocket (`SourceStatus.transport`): no interval to name.
   */
  liveStreaming: string;
  every: (seconds: string) => string;
  source: string;
  anySource: string;
  updated: string;
  noUpdate: string;
  sourcesLabel: string;
  /** A source's health as the relay reports it, `unknown` while the stream is not live. */
  sourceStates: Record<'ok' | 'degraded' | 'down' | 'unknown', string>;
  simulatedSource: string;
  /**
   * How a streaming source's prices come (`SourceStatus.transport`): over its WebSocket, or
   * by REST polling while the stream reconnects.
   */
  sourceTransports: Record<'stream' | 'poll', string>;
  gridLabel: string;
  tapeLabel: string;
  marketActivity: string;
  waitingForMoves: string;
  notableMove: string;
  /** The range buttons, `live` being the tick chart. */
  ranges: Record<'live' | CandleRange, string>;
  rangesLabel: string;
  /** The tabs of `<live-chart layout="tabs">`, one per symbol. */
  tabsLabel: string;
  /** A range's length beside a change over it, in the legend and under the axis. */
  periods: Record<CandleRange, string>;
  /** The chart's accessible name: its symbols (maybe none) over its span. */
  chartLabel: (symbols: string, span: string) => string;
  /** The span in the chart's accessible name, `live` being its recent ticks. */
  spans: Record<'live' | CandleRange, string>;
  plotHint: (symbols: string, ticks: boolean) => string;
  loading: string;
  chartFailed: string;
  /** A range's candles could not be had from the relay (network, failing sources): asked again. */
  historyUnavailable: (range: string, symbol: string) => string;
  /** No source of the symbol has the range: `sources` and `choices` are lists (`Intl.ListFormat`). */
  rangeUnavailable: (sources: string, range: string, choices: string) => string;
  percentOver: (range: string) => string;
  /**
   * Under the tick chart (`range="live"`): prices in `currency`, each update the stream
   * delivered a point of its own, over the last `minutes` (written in the reader's digits).
   */
  pricesEveryUpdate: (currency: string, minutes: string) => string;
  /** The same on a percent axis: changes over `period` (the 24 h change, the card's figure). */
  percentEveryUpdate: (period: string, minutes: string) => string;
  /** The price axis of a candle range: `minutes` per bucket. */
  pricesInBuckets: (currency: string, minutes: number) => string;
  candle: (open: string, high: string, low: string, close: string) => string;
  credit: string;
  /** The converter's accessible name: what it converts into what. */
  converterLabel: (from: string, to: string) => string;
  /** The converter's two amounts: the one converted, and what it comes to. */
  convertFrom: string;
  convertTo: string;
  /** The pickers of the asset or currency on each side. */
  fromAsset: string;
  toAsset: string;
  /** The button that turns the conversion round. */
  swap: string;
  /** Beside a cross rate: the third asset it goes through (`via USDT`). */
  via: (asset: string) => string;
  /** Why a cross rate is one: `pairs` are the two prices it is made of. */
  crossTitle: (pairs: string) => string;
  /** Typed text that is not an amount; `example` is 1.5 written in the reader's locale. */
  notAnAmount: (text: string, example: string) => string;
  notAnAsset: (text: string) => string;
  /** No price of the pair, and a cross is not allowed: what to do about it. */
  noPair: (pair: string) => string;
  /** No price of the pair, directly or through a third asset. */
  noRoute: (pair: string) => string;
  /** A screen reader's sentence of a conversion: `1.50 BTC is €93,190.89`. */
  spokenConversion: (amount: string, result: string, stale: boolean) => string;
  /** The market table's accessible name and title. */
  tableLabel: string;
  /**
   * The table's column headers; its 1 h, 24 h and 7 d changes are headed by `periods`, its
   * line by `chart` (the stream's 24 h line) or `chart7d` (the facts' 7-day line).
   */
  columns: Record<
    'rank' | 'asset' | 'price' | 'marketCap' | 'volume' | 'chart' | 'chart7d',
    string
  >;
  /** A table of the top assets on a relay that has no market caps: what it shows instead. */
  topWithoutFacts: string;
  /** The heatmap's accessible name and title. */
  heatmapLabel: string;
  /** A heatmap on a relay that has no market caps: its tiles are all one size. */
  heatmapEqualSizes: string;
  /** `show` asks for what the element cannot show (`tokens`, as written). */
  unknownShow: (tokens: string) => string;
}

/** The words the price card shows: the ones every page with an element needs at once. */
export type CardMessages = Pick<
  Messages,
  | 'connecting'
  | 'live'
  | 'stale'
  | 'offline'
  | 'paused'
  | 'error'
  | 'simulated'
  | 'simulatedTitle'
  | 'up'
  | 'down'
  | 'flat'
  | 'period24h'
  | 'waitingForPrice'
  | 'noChange24h'
  | 'cardLabel'
  | 'market'
  | 'notASymbol'
  | 'noSymbol'
  | 'notListed'
  | 'noRelay'
  | 'noScheme'
  | 'notARelayUrl'
  | 'notARelay'
>;

/** The card's words in English, the built-in language: in every element's first paint. */
export const enCard: CardMessages = {
  connecting: 'Connecting…',
  live: 'Live',
  stale: 'Stale',
  offline: 'Offline, reconnecting…',
  paused: 'Paused',
  error: 'Error',
  simulated: 'Simulated',
  simulatedTitle: 'Simulated prices, not from an exchange',
  up: 'up',
  down: 'down',
  flat: 'unchanged',
  period24h: '24h',
  waitingForPrice: 'Waiting for the first price…',
  noChange24h: (source) => `24h change not reported by ${source}`,
  cardLabel: (label) => `${label || 'Price'} price`,
  market: (market) => `Market ${market}`,
  // In every catalog the example's slash is joined to its neighbours (U+2060): Firefox would
  // end a line after it.
  notASymbol: (text) =>
    `"${text}" is not a symbol: use letters and digits, such as BTC or BTC\u2060/\u2060EUR.`,
  noSymbol: 'No symbol: set symbol="BTC", for example.',
  notListed: (symbols) => `The relay does not list ${symbols}.`,
  noRelay: NO_RELAY,
  noScheme: (relay) => `relay="${relay}" has no scheme: write relay="https://${relay}".`,
  notARelayUrl: (relay) => `"${relay}" is not a relay URL.`,
  notARelay: (relay, status) =>
    `No Tickwire relay at ${relay} (HTTP ${status}): check the relay's URL.`,
};

/**
 * How an element finds its words: `words.of(host, english)` is `host`'s language's (its
 * `locale`, else the page's nearest `lang`, else the browser's; `messages/choose.ts`, loaded
 * with the first element), with the page's own on top, `english` until they load. One for the page, whichever copy of the
 * bundle chose them.
 */
export const words = pageState.words;
