import type { Messages } from '../messages.js';

/** Russian. */
export const messages: Messages = {
  connecting: 'Подключение…',
  live: 'В реальном времени',
  stale: 'Устарело',
  offline: 'Нет связи, переподключение…',
  paused: 'Пауза',
  error: 'Ошибка',
  simulated: 'Симуляция',
  simulatedTitle: 'Смоделированные цены, не с биржи',
  up: 'рост',
  down: 'падение',
  flat: 'без изменений',
  period24h: '24 ч',
  waitingForPrice: 'Ожидание первой цены…',
  noChange24h: (source) => `${source} не сообщает изменение за 24 ч`,
  cardLabel: (label) => (label ? `Цена ${label}` : 'Цена'),
  market: (market) => `Рынок ${market}`,
  notASymbol: (text) =>
    `«${text}» — не символ: используйте буквы и цифры, например BTC или BTC/EUR.`,
  noSymbol: 'Нет символа: укажите, например, symbol="BTC".',
  notSymbols: (texts) => `Не символы: ${texts}.`,
  noSymbols: 'Нет символов: укажите, например, symbols="BTC,ETH".',
  notListed: (symbols) => `Ретранслятор не предлагает ${symbols}.`,
  didYouMean: (symbol, meant) =>
    `Ретранслятор не предлагает ${symbol}; возможно, вы имели в виду ${meant}?`,
  watchListFull: (symbols, limit) =>
    `Ретранслятор сейчас не может отслеживать ${symbols}: он уже отслеживает столько символов, сколько может (${limit}). Попробуйте позже.`,
  addressShareFull: (symbols, limit) =>
    `Ретранслятор сейчас не может отслеживать ${symbols} для вас: вы уже отслеживаете столько символов, сколько положено одному читателю (${limit}). Сначала закройте другую страницу с курсами.`,
  currencyNotServed: (symbols, currency, currencies) =>
    `У ретранслятора нет курсов ${symbols}: он не поддерживает ${currency}, только ${currencies}.`,
  unknownSource: (symbols, source, sources) =>
    `У ретранслятора нет курсов ${symbols}: ${source} не входит в число его источников (${sources}).`,
  refusedOther: (symbols) => `Ретранслятор не может предоставить ${symbols}.`,
  noRelay:
    'Ретранслятор не задан: укажите у элемента атрибут relay, вызовите setRelay(url) или добавьте мета-тег tickwire-relay.',
  noScheme: (relay) => `В relay="${relay}" нет схемы: напишите relay="https://${relay}".`,
  notARelayUrl: (relay) => `«${relay}» — не URL ретранслятора.`,
  notARelay: (relay, status) =>
    `По адресу ${relay} нет ретранслятора Tickwire (HTTP ${status}): проверьте URL ретранслятора.`,
  spokenPrice: (label, price, trend) => `${label} ${price}, ${trend} за 24 часа`,
  spokenMove: (direction, size) => `${direction === 'up' ? 'рост' : 'падение'} на ${size}`,
  spokenMore: (count) => `и ещё ${count}`,
  spokenOffline: 'Нет связи с ценами, переподключение.',
  spokenLiveAgain: 'Цены снова обновляются.',
  controlsLabel: 'Цены в реальном времени',
  pause: 'Пауза',
  resume: 'Продолжить',
  refresh: 'Обновление',
  liveEvery: (seconds) => `в реальном времени (каждые ${seconds} с)`,
  liveStreaming: 'в реальном времени (поток)',
  every: (seconds) => `каждые ${seconds} с`,
  source: 'Источник',
  anySource: 'любой',
  updated: 'Обновлено',
  noUpdate: 'Обновлений пока нет',
  sourcesLabel: 'Источники',
  sourceStates: {
    ok: 'работает',
    degraded: 'с перебоями',
    down: 'недоступен',
    unknown: 'неизвестно',
  },
  simulatedSource: 'симуляция',
  sourceTransports: { stream: 'потоковая передача', poll: 'опрос, поток переподключается' },
  gridLabel: 'Цены',
  tapeLabel: 'Бегущая строка цен',
  marketActivity: 'Активность рынка',
  waitingForMoves: 'Ожидание первых движений…',
  notableMove: 'заметное движение',
  ranges: { live: 'Тики', '1h': '1 ч', '24h': '24 ч', '7d': '7 д', '30d': '30 д', '1y': '1 г' },
  periods: { '1h': '1 ч', '24h': '24 ч', '7d': '7 д', '30d': '30 д', '1y': '1 г' },
  rangesLabel: 'Период',
  tabsLabel: 'Символы',
  chartLabel: (symbols, span) => `График цен: ${symbols || 'нет символов'}, ${span}`,
  spans: {
    live: 'последние тики',
    '1h': 'последний час',
    '24h': 'последние 24 часа',
    '7d': 'последние 7 дней',
    '30d': 'последние 30 дней',
    '1y': 'последний год',
  },
  plotHint: (symbols, ticks) =>
    `${symbols}: читайте ${ticks ? 'каждый тик' : 'каждую свечу'} клавишами со стрелками`,
  loading: 'Загрузка…',
  chartFailed: 'Не удалось загрузить график.',
  historyUnavailable: (range, symbol) => `Не удалось загрузить историю ${symbol} за ${range}.`,
  rangeUnavailable: (sources, range, choices) =>
    `У ${sources} нет графика ${range}; выберите ${choices}.`,
  percentOver: (range) => `Изменение в % за ${range}`,
  pricesEveryUpdate: (currency, minutes) =>
    `Цены в ${currency}, каждое обновление, последние ${minutes} минут`,
  percentEveryUpdate: (period, minutes) =>
    `Изменение в % за ${period}, каждое обновление, последние ${minutes} минут`,
  pricesInBuckets: (currency, minutes) =>
    `Цены в ${currency}, свечи ${minutes < 60 ? `${minutes} мин` : minutes < 1440 ? `${minutes / 60} ч` : '1 день'}`,
  candle: (open, high, low, close) =>
    `открытие ${open}, максимум ${high}, минимум ${low}, закрытие ${close}`,
  credit: 'Графики: TradingView',
  converterLabel: (from, to) => `Пересчёт ${from} в ${to}`,
  convertFrom: 'Из',
  convertTo: 'В',
  fromAsset: 'Актив или валюта, из которой пересчитать',
  toAsset: 'Актив или валюта, в которую пересчитать',
  swap: 'Поменять местами',
  via: (asset) => `через ${asset}`,
  crossTitle: (pairs) => `Прямой цены нет: пересчитано через ${pairs}`,
  notAnAmount: (text, example) => `«${text}» — не сумма: введите число, например ${example}.`,
  notAnAsset: (text) =>
    `«${text}» — не актив и не валюта: используйте буквы и цифры, например BTC или EUR.`,
  noPair: (pair) =>
    `У ретранслятора нет цены ${pair}: выберите другую пару или задайте cross, чтобы пересчитать через третий актив.`,
  noRoute: (pair) => `У ретранслятора нет цены ${pair} ни напрямую, ни через третий актив.`,
  spokenConversion: (amount, result, stale) =>
    `${amount} — это ${result}${stale ? ', цена устарела' : ''}`,
  tableLabel: 'Рынки',
  columns: {
    rank: 'Ранг',
    asset: 'Актив',
    price: 'Цена',
    marketCap: 'Капитализация',
    volume: 'Объём (24 ч)',
    chart: 'За 24 ч',
  },
  topWithoutFacts:
    'У ретранслятора нет капитализаций для сортировки: его собственные активы, в его порядке.',
  heatmapLabel: 'Тепловая карта рынка',
  heatmapEqualSizes: 'У этого ретранслятора нет рыночной капитализации: все плитки одного размера.',
};
