import type { Messages } from '../messages.js';

/** German. */
export const messages: Messages = {
  connecting: 'Verbinde…',
  live: 'Echtzeit',
  stale: 'Veraltet',
  offline: 'Getrennt, verbinde neu…',
  paused: 'Pausiert',
  error: 'Fehler',
  simulated: 'Simuliert',
  simulatedTitle: 'Simulierte Kurse, nicht von einer Börse',
  up: 'gestiegen',
  down: 'gefallen',
  flat: 'unverändert',
  period24h: '24 Std.',
  waitingForPrice: 'Warte auf den ersten Kurs…',
  noChange24h: (source) => `24-Std.-Änderung von ${source} nicht gemeldet`,
  cardLabel: (label) => (label ? `Kurs ${label}` : 'Kurs'),
  market: (market) => `Markt ${market}`,
  notASymbol: (text) =>
    `„${text}“ ist kein Symbol: Buchstaben und Ziffern verwenden, etwa BTC oder BTC/EUR.`,
  noSymbol: 'Kein Symbol: z. B. symbol="BTC" setzen.',
  notSymbols: (texts) => `Keine Symbole: ${texts}.`,
  noSymbols: 'Keine Symbole: z. B. symbols="BTC,ETH" setzen.',
  notListed: (symbols) => `Das Relay führt ${symbols} nicht.`,
  didYouMean: (symbol, meant) => `Das Relay führt ${symbol} nicht; vielleicht ${meant}?`,
  watchListFull: (symbols, limit) =>
    `Das Relay kann ${symbols} jetzt nicht beobachten: Es beobachtet schon so viele Symbole, wie es darf (${limit}). Später erneut versuchen.`,
  addressShareFull: (symbols, limit) =>
    `Das Relay kann ${symbols} jetzt nicht für Sie beobachten: Sie beobachten schon so viele Symbole, wie ein Leser darf (${limit}). Zuerst eine andere Seite mit Kursen schließen.`,
  currencyNotServed: (symbols, currency, currencies) =>
    `Das Relay hat keine Kurse für ${symbols}: Es bietet ${currency} nicht an, nur ${currencies}.`,
  unknownSource: (symbols, source, sources) =>
    `Das Relay hat keine Kurse für ${symbols}: ${source} ist keine seiner Quellen (${sources}).`,
  refusedOther: (symbols) => `Das Relay kann ${symbols} nicht liefern.`,
  noRelay:
    'Kein Relay gesetzt: dem Element ein relay-Attribut geben, setRelay(url) aufrufen oder ein tickwire-relay-Meta-Tag einfügen.',
  noScheme: (relay) => `relay="${relay}" hat kein Schema: relay="https://${relay}" schreiben.`,
  notARelayUrl: (relay) => `„${relay}“ ist keine Relay-URL.`,
  notARelay: (relay, status) =>
    `Kein Tickwire-Relay unter ${relay} (HTTP ${status}): die URL des Relays prüfen.`,
  spokenPrice: (label, price, trend) => `${label} ${price}, ${trend} in 24 Stunden`,
  spokenMove: (direction, size) => `${direction === 'up' ? 'plus' : 'minus'} ${size}`,
  spokenMore: (count) => `und ${count} weitere`,
  spokenOffline: 'Kurse getrennt, verbinde neu.',
  spokenLiveAgain: 'Kurse wieder aktuell.',
  controlsLabel: 'Echtzeitkurse',
  pause: 'Anhalten',
  resume: 'Fortsetzen',
  refresh: 'Aktualisierung',
  liveEvery: (seconds) => `Echtzeit (alle ${seconds} s)`,
  liveStreaming: 'Echtzeit (Stream)',
  every: (seconds) => `alle ${seconds} s`,
  source: 'Quelle',
  anySource: 'beliebig',
  updated: 'Aktualisiert',
  noUpdate: 'Noch keine Aktualisierung',
  sourcesLabel: 'Quellen',
  sourceStates: {
    ok: 'in Ordnung',
    degraded: 'eingeschränkt',
    down: 'ausgefallen',
    unknown: 'unbekannt',
  },
  simulatedSource: 'simuliert',
  sourceTransports: { stream: 'Streaming', poll: 'Abfrage, Stream verbindet neu' },
  gridLabel: 'Kurse',
  tapeLabel: 'Kursband',
  marketActivity: 'Marktgeschehen',
  waitingForMoves: 'Warte auf die ersten Bewegungen…',
  notableMove: 'auffällige Bewegung',
  ranges: {
    live: 'Echtzeit',
    '1h': '1 Std.',
    '24h': '24 Std.',
    '7d': '7 T.',
    '30d': '30 T.',
    '1y': '1 J.',
  },
  periods: { '1h': '1 Std.', '24h': '24 Std.', '7d': '7 T.', '30d': '30 T.', '1y': '1 J.' },
  rangesLabel: 'Zeitraum',
  tabsLabel: 'Symbole',
  chartLabel: (symbols, span) => `Kursdiagramm: ${symbols || 'keine Symbole'}, ${span}`,
  spans: {
    live: 'jüngste Kurse',
    '1h': 'letzte Stunde',
    '24h': 'letzte 24 Stunden',
    '7d': 'letzte 7 Tage',
    '30d': 'letzte 30 Tage',
    '1y': 'letztes Jahr',
  },
  plotHint: (symbols, ticks) =>
    `${symbols}: mit den Pfeiltasten jede${ticks ? 'n Kurs' : ' Kerze'} lesen`,
  loading: 'Lädt…',
  chartFailed: 'Das Diagramm konnte nicht geladen werden.',
  historyUnavailable: (range, symbol) =>
    `Der ${range}-Verlauf von ${symbol} konnte nicht geladen werden.`,
  rangeUnavailable: (sources, range, choices) =>
    `Kein ${range}-Diagramm von ${sources}; ${choices} wählen.`,
  percentOver: (range) => `Änderung in % über ${range}`,
  pricesEveryUpdate: (currency, minutes) =>
    `Kurse in ${currency}, jede Änderung, letzte ${minutes} Minuten`,
  percentEveryUpdate: (period, minutes) =>
    `Änderung in % über ${period}, jede Änderung, letzte ${minutes} Minuten`,
  pricesInBuckets: (currency, minutes) =>
    `Kurse in ${currency}, ${minutes < 60 ? `${minutes}-Minuten` : minutes < 1440 ? `${minutes / 60}-Stunden` : 'Tages'}-Kerzen`,
  candle: (open, high, low, close) =>
    `Eröffnung ${open}, Hoch ${high}, Tief ${low}, Schluss ${close}`,
  credit: 'Diagramme von TradingView',
  converterLabel: (from, to) => `${from} in ${to} umrechnen`,
  convertFrom: 'Von',
  convertTo: 'Nach',
  fromAsset: 'Asset oder Währung, aus der umgerechnet wird',
  toAsset: 'Asset oder Währung, in die umgerechnet wird',
  swap: 'Von und Nach tauschen',
  via: (asset) => `über ${asset}`,
  crossTitle: (pairs) => `Kein direkter Kurs: umgerechnet über ${pairs}`,
  notAnAmount: (text, example) => `„${text}“ ist kein Betrag: eine Zahl wie ${example} eingeben.`,
  notAnAsset: (text) =>
    `„${text}“ ist weder Asset noch Währung: Buchstaben und Ziffern verwenden, etwa BTC oder EUR.`,
  noPair: (pair) =>
    `Das Relay hat keinen Kurs für ${pair}: ein anderes Paar wählen oder cross setzen, um über ein drittes Asset umzurechnen.`,
  noRoute: (pair) =>
    `Das Relay hat keinen Kurs für ${pair}, weder direkt noch über ein drittes Asset.`,
  spokenConversion: (amount, result, stale) =>
    `${amount} sind ${result}${stale ? ', veralteter Kurs' : ''}`,
  tableLabel: 'Märkte',
  columns: {
    rank: 'Rang',
    asset: 'Asset',
    price: 'Kurs',
    marketCap: 'Marktkapitalisierung',
    volume: 'Volumen (24 Std.)',
    chart: 'Letzte 24 Std.',
  },
  topWithoutFacts:
    'Das Relay hat keine Marktkapitalisierung zum Ordnen: seine eigenen Assets, in seiner Reihenfolge.',
  heatmapLabel: 'Markt-Heatmap',
  heatmapEqualSizes: 'Das Relay hat keine Marktkapitalisierung: jede Kachel ist gleich groß.',
};
