import { RANGE_NAMES } from '@tickwire/protocol';
import { enCard, type Messages } from '../messages.js';

/**
 * English, whole: the card's words (in the core) and every other element's, which load with
 * those elements.
 */
export const en: Messages = {
  ...enCard,
  notSymbols: (texts) => `Not symbols: ${texts}.`,
  noSymbols: 'No symbols: set symbols="BTC,ETH", for example.',
  didYouMean: (symbol, meant) => `The relay does not list ${symbol}; did you mean ${meant}?`,
  watchListFull: (symbols, limit) =>
    `The relay cannot watch ${symbols} now: it already watches as many symbols as it may (${limit}). Try again later.`,
  addressShareFull: (symbols, limit) =>
    `The relay cannot watch ${symbols} for you now: you already watch as many symbols as one reader may (${limit}). Close another page of prices first.`,
  currencyNotServed: (symbols, currency, currencies) =>
    `The relay has no prices of ${symbols}: it does not serve ${currency}, only ${currencies}.`,
  unknownSource: (symbols, source, sources) =>
    `The relay has no prices of ${symbols}: ${source} is not one of its sources (${sources}).`,
  refusedOther: (symbols) => `The relay cannot serve ${symbols}.`,
  spokenPrice: (label, price, trend) => `${label} ${price}, ${trend} in 24 hours`,
  spokenMove: (direction, size) => `${direction} ${size}`,
  spokenMore: (count) => `and ${count} more`,
  spokenOffline: 'Prices offline, reconnecting.',
  spokenLiveAgain: 'Prices live again.',
  controlsLabel: 'Live prices',
  pause: 'Pause',
  resume: 'Resume',
  refresh: 'Refresh',
  liveEvery: (seconds) => `live (every ${seconds} s)`,
  liveStreaming: 'live (streaming)',
  every: (seconds) => `every ${seconds} s`,
  source: 'Source',
  anySource: 'any',
  updated: 'Updated',
  noUpdate: 'No update yet',
  sourcesLabel: 'Sources',
  sourceStates: { ok: 'ok', degraded: 'degraded', down: 'down', unknown: 'unknown' },
  simulatedSource: 'simulated',
  sourceTransports: { stream: 'streaming', poll: 'polling, stream reconnecting' },
  gridLabel: 'Prices',
  tapeLabel: 'Price ticker',
  marketActivity: 'Market activity',
  waitingForMoves: 'Waiting for the first moves…',
  notableMove: 'notable move',
  ranges: { live: 'Ticks', ...RANGE_NAMES },
  rangesLabel: 'Range',
  tabsLabel: 'Symbols',
  periods: {
    '1h': '1h',
    '24h': '24h',
    '7d': '7d',
    '30d': '30d',
    '90d': '90d',
    '1y': '1y',
    ytd: 'YTD',
    all: 'all time',
  },
  chartLabel: (symbols, span) => `Price chart: ${symbols || 'no symbols'}, ${span}`,
  spans: {
    live: 'recent ticks',
    '1h': 'the last hour',
    '24h': 'the last 24 hours',
    '7d': 'the last 7 days',
    '30d': 'the last 30 days',
    '90d': 'the last 90 days',
    '1y': 'the last year',
    ytd: 'this year so far',
    all: 'all the history there is',
  },
  plotHint: (symbols, ticks) =>
    `${symbols}: use the arrow keys to read each ${ticks ? 'tick' : 'bucket'}`,
  loading: 'Loading…',
  chartFailed: 'The chart could not be loaded.',
  historyUnavailable: (range, symbol) => `The ${range} history of ${symbol} could not be loaded.`,
  rangeUnavailable: (sources, range, choices) =>
    `No ${range} chart from ${sources}; choose ${choices}.`,
  percentOver: (range) => `% change over ${range}`,
  pricesEveryUpdate: (currency, minutes) =>
    `Prices in ${currency}, every update, last ${minutes} minutes`,
  percentEveryUpdate: (period, minutes) =>
    `% change over ${period}, every update, last ${minutes} minutes`,
  pricesInBuckets: (currency, minutes) =>
    `Prices in ${currency}, ${minutes < 60 ? `${minutes}-minute` : minutes < 1440 ? `${minutes / 60}-hour` : '1-day'} buckets`,
  candle: (open, high, low, close) => `open ${open}, high ${high}, low ${low}, close ${close}`,
  credit: 'Charts by TradingView',
  converterLabel: (from, to) => `Convert ${from} to ${to}`,
  convertFrom: 'From',
  convertTo: 'To',
  fromAsset: 'Asset or currency to convert from',
  toAsset: 'Asset or currency to convert to',
  swap: 'Swap from and to',
  via: (asset) => `via ${asset}`,
  crossTitle: (pairs) => `The relay has no price of the pair itself: converted through ${pairs}`,
  notAnAmount: (text, example) => `"${text}" is not an amount: write a number such as ${example}.`,
  notAnAsset: (text) =>
    `"${text}" is not an asset or currency: use letters and digits, such as BTC or EUR.`,
  noPair: (pair) =>
    `This relay has no ${pair} price: choose another pair, or set cross to convert through a third asset.`,
  noRoute: (pair) => `This relay has no ${pair} price, directly or through a third asset.`,
  spokenConversion: (amount, result, stale) =>
    `${amount} is ${result}${stale ? ', stale price' : ''}`,
  tableLabel: 'Markets',
  columns: {
    rank: 'Rank',
    asset: 'Asset',
    price: 'Price',
    marketCap: 'Market cap',
    volume: 'Volume (24h)',
    chart: 'Last 24h',
    chart7d: 'Last 7 days',
  },
  topWithoutFacts: 'This relay has no market caps to rank by: its own assets, in its own order.',
  heatmapLabel: 'Market heatmap',
  heatmapEqualSizes: 'This relay has no market caps: every tile is the same size.',
  unknownShow: (tokens) =>
    `show="${tokens}": this element shows name, logo or both, such as show="name,logo".`,
};
