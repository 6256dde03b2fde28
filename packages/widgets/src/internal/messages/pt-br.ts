import type { Messages } from '../messages.js';

/** Portuguese as read in Brazil. */
export const messages: Messages = {
  connecting: 'Conectando…',
  live: 'Ao vivo',
  stale: 'Desatualizado',
  offline: 'Sem conexão, reconectando…',
  paused: 'Pausado',
  error: 'Erro',
  simulated: 'Simulado',
  simulatedTitle: 'Preços simulados, não de uma corretora',
  up: 'em alta',
  down: 'em queda',
  flat: 'estável',
  period24h: '24 h',
  waitingForPrice: 'Aguardando o primeiro preço…',
  noChange24h: (source) => `${source} não informa a variação em 24 h`,
  cardLabel: (label) => (label ? `Preço de ${label}` : 'Preço'),
  market: (market) => `Mercado ${market}`,
  notASymbol: (text) => `“${text}” não é um símbolo: use letras e dígitos, como BTC ou BTC/EUR.`,
  noSymbol: 'Nenhum símbolo: defina, por exemplo, symbol="BTC".',
  notSymbols: (texts) => `Não são símbolos: ${texts}.`,
  noSymbols: 'Nenhum símbolo: defina, por exemplo, symbols="BTC,ETH".',
  notListed: (symbols) => `O relay não oferece ${symbols}.`,
  didYouMean: (symbol, meant) => `O relay não oferece ${symbol}; você quis dizer ${meant}?`,
  watchListFull: (symbols, limit) =>
    `O relay não pode acompanhar ${symbols} agora: já acompanha tantos símbolos quanto pode (${limit}). Tente novamente mais tarde.`,
  addressShareFull: (symbols, limit) =>
    `O relay não pode acompanhar ${symbols} para você agora: você já acompanha tantos símbolos quanto um leitor pode (${limit}). Feche antes outra página de preços.`,
  currencyNotServed: (symbols, currency, currencies) =>
    `O relay não tem preços de ${symbols}: não oferece ${currency}, apenas ${currencies}.`,
  unknownSource: (symbols, source, sources) =>
    `O relay não tem preços de ${symbols}: ${source} não é uma de suas fontes (${sources}).`,
  refusedOther: (symbols) => `O relay não pode fornecer ${symbols}.`,
  noRelay:
    'Nenhum relay definido: dê ao elemento um atributo relay, chame setRelay(url) ou adicione uma meta tag tickwire-relay.',
  noScheme: (relay) => `relay="${relay}" não tem esquema: escreva relay="https://${relay}".`,
  notARelayUrl: (relay) => `“${relay}” não é uma URL de relay.`,
  notARelay: (relay, status) =>
    `Nenhum relay Tickwire em ${relay} (HTTP ${status}): confira a URL do relay.`,
  spokenPrice: (label, price, trend) => `${label} ${price}, ${trend} em 24 horas`,
  spokenMove: (direction, size) => `${direction === 'up' ? 'alta' : 'queda'} de ${size}`,
  spokenMore: (count) => `e mais ${count}`,
  spokenOffline: 'Preços sem conexão, reconectando.',
  spokenLiveAgain: 'Preços ao vivo novamente.',
  controlsLabel: 'Preços ao vivo',
  pause: 'Pausar',
  resume: 'Retomar',
  refresh: 'Atualização',
  liveEvery: (seconds) => `ao vivo (a cada ${seconds} s)`,
  liveStreaming: 'ao vivo (transmissão contínua)',
  every: (seconds) => `a cada ${seconds} s`,
  source: 'Fonte',
  anySource: 'qualquer',
  updated: 'Atualizado',
  noUpdate: 'Nenhuma atualização ainda',
  sourcesLabel: 'Fontes',
  sourceStates: {
    ok: 'operando',
    degraded: 'instável',
    down: 'fora do ar',
    unknown: 'desconhecido',
  },
  simulatedSource: 'simulada',
  sourceTransports: { stream: 'em streaming', poll: 'consultando, stream reconectando' },
  gridLabel: 'Preços',
  tapeLabel: 'Faixa de cotações',
  marketActivity: 'Atividade do mercado',
  waitingForMoves: 'Aguardando os primeiros movimentos…',
  notableMove: 'movimento relevante',
  ranges: { live: 'Ao vivo', '1h': '1 h', '24h': '24 h', '7d': '7 d', '30d': '30 d', '1y': '1 a' },
  periods: { '1h': '1 h', '24h': '24 h', '7d': '7 d', '30d': '30 d', '1y': '1 a' },
  rangesLabel: 'Período',
  tabsLabel: 'Símbolos',
  chartLabel: (symbols, span) => `Gráfico de preços: ${symbols || 'nenhum símbolo'}, ${span}`,
  spans: {
    live: 'preços recentes',
    '1h': 'última hora',
    '24h': 'últimas 24 horas',
    '7d': 'últimos 7 dias',
    '30d': 'últimos 30 dias',
    '1y': 'último ano',
  },
  plotHint: (symbols, ticks) =>
    `${symbols}: use as setas para ler cada ${ticks ? 'preço' : 'vela'}`,
  loading: 'Carregando…',
  chartFailed: 'Não foi possível carregar o gráfico.',
  historyUnavailable: (range, symbol) =>
    `Não foi possível carregar o histórico ${range} de ${symbol}.`,
  rangeUnavailable: (sources, range, choices) =>
    `Sem gráfico ${range} de ${sources}; escolha ${choices}.`,
  percentOver: (range) => `Variação % em ${range}`,
  pricesEveryUpdate: (currency, minutes) =>
    `Preços em ${currency}, cada atualização, últimos ${minutes} minutos`,
  percentEveryUpdate: (period, minutes) =>
    `Variação % em ${period}, cada atualização, últimos ${minutes} minutos`,
  pricesInBuckets: (currency, minutes) =>
    `Preços em ${currency}, velas de ${minutes < 60 ? `${minutes} minutos` : minutes < 1440 ? `${minutes / 60} h` : '1 dia'}`,
  candle: (open, high, low, close) =>
    `abertura ${open}, máxima ${high}, mínima ${low}, fechamento ${close}`,
  credit: 'Gráficos por TradingView',
  converterLabel: (from, to) => `Converter ${from} em ${to}`,
  convertFrom: 'De',
  convertTo: 'Para',
  fromAsset: 'Ativo ou moeda de origem',
  toAsset: 'Ativo ou moeda de destino',
  swap: 'Inverter origem e destino',
  via: (asset) => `por meio de ${asset}`,
  crossTitle: (pairs) => `Sem preço direto: convertido por meio de ${pairs}`,
  notAnAmount: (text, example) => `“${text}” não é um valor: digite um número como ${example}.`,
  notAnAsset: (text) =>
    `“${text}” não é um ativo nem uma moeda: use letras e dígitos, como BTC ou EUR.`,
  noPair: (pair) =>
    `Este relay não tem preço de ${pair}: escolha outro par, ou defina cross para converter por meio de um terceiro ativo.`,
  noRoute: (pair) =>
    `Este relay não tem preço de ${pair}, nem direto nem por meio de um terceiro ativo.`,
  spokenConversion: (amount, result, stale) =>
    `${amount} equivalem a ${result}${stale ? ', preço desatualizado' : ''}`,
  tableLabel: 'Mercados',
  columns: {
    rank: 'Posição',
    asset: 'Ativo',
    price: 'Preço',
    marketCap: 'Capitalização',
    volume: 'Volume (24 h)',
    chart: 'Últimas 24 h',
  },
  topWithoutFacts:
    'O relay não tem capitalizações para ordenar: seus próprios ativos, na ordem dele.',
  heatmapLabel: 'Mapa de calor do mercado',
  heatmapEqualSizes:
    'Este relay não tem capitalizações de mercado: todos os blocos têm o mesmo tamanho.',
};
