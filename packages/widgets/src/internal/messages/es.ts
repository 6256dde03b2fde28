import type { Messages } from '../messages.js';

/** Spanish. */
export const messages: Messages = {
  connecting: 'Conectando…',
  live: 'En vivo',
  stale: 'Desactualizado',
  offline: 'Sin conexión, reconectando…',
  paused: 'En pausa',
  error: 'Error',
  simulated: 'Simulado',
  simulatedTitle: 'Precios simulados, no de un mercado real',
  up: 'sube',
  down: 'baja',
  flat: 'sin cambios',
  period24h: '24 h',
  waitingForPrice: 'Esperando el primer precio…',
  noChange24h: (source) => `${source} no informa la variación de 24 h`,
  cardLabel: (label) => (label ? `Precio de ${label}` : 'Precio'),
  market: (market) => `Mercado ${market}`,
  notASymbol: (text) => `«${text}» no es un símbolo: usa letras y dígitos, como BTC o BTC/EUR.`,
  noSymbol: 'Sin símbolo: indica, por ejemplo, symbol="BTC".',
  notSymbols: (texts) => `No son símbolos: ${texts}.`,
  noSymbols: 'Sin símbolos: indica, por ejemplo, symbols="BTC,ETH".',
  notListed: (symbols) => `El relay no ofrece ${symbols}.`,
  didYouMean: (symbol, meant) => `El relay no ofrece ${symbol}; ¿quisiste decir ${meant}?`,
  watchListFull: (symbols, limit) =>
    `El relay no puede seguir ${symbols} ahora: ya sigue tantos símbolos como puede (${limit}). Vuelve a intentarlo más tarde.`,
  addressShareFull: (symbols, limit) =>
    `El relay no puede seguir ${symbols} para ti ahora: ya sigues tantos símbolos como puede un lector (${limit}). Cierra primero otra página de precios.`,
  currencyNotServed: (symbols, currency, currencies) =>
    `El relay no tiene precios de ${symbols}: no ofrece ${currency}, solo ${currencies}.`,
  unknownSource: (symbols, source, sources) =>
    `El relay no tiene precios de ${symbols}: ${source} no es una de sus fuentes (${sources}).`,
  refusedOther: (symbols) => `El relay no puede ofrecer ${symbols}.`,
  noRelay:
    'No hay relay definido: da al elemento un atributo relay, llama a setRelay(url) o añade una etiqueta meta tickwire-relay.',
  noScheme: (relay) => `relay="${relay}" no tiene esquema: escribe relay="https://${relay}".`,
  notARelayUrl: (relay) => `«${relay}» no es una URL de relay.`,
  notARelay: (relay, status) =>
    `No hay un relay de Tickwire en ${relay} (HTTP ${status}): comprueba la URL del relay.`,
  spokenPrice: (label, price, trend) => `${label} ${price}, ${trend} en 24 horas`,
  spokenMove: (direction, size) => `${direction === 'up' ? 'sube' : 'baja'} ${size}`,
  spokenMore: (count) => `y ${count} más`,
  spokenOffline: 'Precios sin conexión, reconectando.',
  spokenLiveAgain: 'Precios en vivo de nuevo.',
  controlsLabel: 'Precios en vivo',
  pause: 'Pausar',
  resume: 'Reanudar',
  refresh: 'Actualización',
  liveEvery: (seconds) => `en vivo (cada ${seconds} s)`,
  liveStreaming: 'en vivo (transmisión continua)',
  every: (seconds) => `cada ${seconds} s`,
  source: 'Fuente',
  anySource: 'cualquiera',
  updated: 'Actualizado',
  noUpdate: 'Aún sin actualizar',
  sourcesLabel: 'Fuentes',
  sourceStates: { ok: 'operativa', degraded: 'con fallos', down: 'caída', unknown: 'desconocido' },
  simulatedSource: 'simulada',
  sourceTransports: { stream: 'en streaming', poll: 'consultando, el stream se reconecta' },
  gridLabel: 'Precios',
  tapeLabel: 'Cinta de precios',
  marketActivity: 'Actividad del mercado',
  waitingForMoves: 'Esperando los primeros movimientos…',
  notableMove: 'movimiento destacado',
  ranges: { live: 'Directo', '1h': '1 h', '24h': '24 h', '7d': '7 d', '30d': '30 d', '1y': '1 a' },
  periods: { '1h': '1 h', '24h': '24 h', '7d': '7 d', '30d': '30 d', '1y': '1 a' },
  rangesLabel: 'Periodo',
  tabsLabel: 'Símbolos',
  chartLabel: (symbols, span) => `Gráfico de precios: ${symbols || 'sin símbolos'}, ${span}`,
  spans: {
    live: 'últimos precios',
    '1h': 'última hora',
    '24h': 'últimas 24 horas',
    '7d': 'últimos 7 días',
    '30d': 'últimos 30 días',
    '1y': 'último año',
  },
  plotHint: (symbols, ticks) =>
    `${symbols}: usa las flechas para leer cada ${ticks ? 'precio' : 'vela'}`,
  loading: 'Cargando…',
  chartFailed: 'No se pudo cargar el gráfico.',
  historyUnavailable: (range, symbol) => `No se pudo cargar el historial ${range} de ${symbol}.`,
  rangeUnavailable: (sources, range, choices) =>
    `No hay gráfico ${range} de ${sources}; elige ${choices}.`,
  percentOver: (range) => `Variación % en ${range}`,
  pricesEveryUpdate: (currency, minutes) =>
    `Precios en ${currency}, cada actualización, últimos ${minutes} minutos`,
  percentEveryUpdate: (period, minutes) =>
    `Variación % en ${period}, cada actualización, últimos ${minutes} minutos`,
  pricesInBuckets: (currency, minutes) =>
    `Precios en ${currency}, velas de ${minutes < 60 ? `${minutes} minutos` : minutes < 1440 ? `${minutes / 60} h` : '1 día'}`,
  candle: (open, high, low, close) =>
    `apertura ${open}, máximo ${high}, mínimo ${low}, cierre ${close}`,
  credit: 'Gráficos de TradingView',
  converterLabel: (from, to) => `Convertir ${from} a ${to}`,
  convertFrom: 'De',
  convertTo: 'A',
  fromAsset: 'Activo o divisa de origen',
  toAsset: 'Activo o divisa de destino',
  swap: 'Intercambiar origen y destino',
  via: (asset) => `a través de ${asset}`,
  crossTitle: (pairs) => `Sin precio directo: convertido a través de ${pairs}`,
  notAnAmount: (text, example) => `«${text}» no es un importe: escribe un número como ${example}.`,
  notAnAsset: (text) =>
    `«${text}» no es un activo ni una divisa: usa letras y dígitos, como BTC o EUR.`,
  noPair: (pair) =>
    `Este relay no tiene precio de ${pair}: elige otro par, o añade cross para convertir a través de un tercer activo.`,
  noRoute: (pair) =>
    `Este relay no tiene precio de ${pair}, ni directo ni a través de un tercer activo.`,
  spokenConversion: (amount, result, stale) =>
    `${amount} son ${result}${stale ? ', precio desactualizado' : ''}`,
  tableLabel: 'Mercados',
  columns: {
    rank: 'Puesto',
    asset: 'Activo',
    price: 'Precio',
    marketCap: 'Capitalización',
    volume: 'Volumen (24 h)',
    chart: 'Últimas 24 h',
  },
  topWithoutFacts:
    'El relay no tiene capitalizaciones para ordenar: sus propios activos, en su orden.',
  heatmapLabel: 'Mapa de calor del mercado',
  heatmapEqualSizes:
    'Este relay no tiene capitalizaciones de mercado: todas las casillas tienen el mismo tamaño.',
};
