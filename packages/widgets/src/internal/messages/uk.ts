import type { Messages } from '../messages.js';

/** Ukrainian. */
export const messages: Messages = {
  connecting: 'Підключення…',
  live: 'Наживо',
  stale: 'Застаріло',
  offline: 'Немає зв’язку, перепідключення…',
  paused: 'Призупинено',
  error: 'Помилка',
  simulated: 'Симуляція',
  simulatedTitle: 'Змодельовані ціни, не з біржі',
  up: 'зростання',
  down: 'падіння',
  flat: 'без змін',
  period24h: '24 год',
  waitingForPrice: 'Очікування першої ціни…',
  noChange24h: (source) => `${source} не повідомляє зміну за 24 год`,
  cardLabel: (label) => (label ? `Ціна ${label}` : 'Ціна'),
  market: (market) => `Ринок ${market}`,
  notASymbol: (text) =>
    `«${text}» — не символ: використовуйте літери й цифри, наприклад BTC або BTC/EUR.`,
  noSymbol: 'Немає символу: вкажіть, наприклад, symbol="BTC".',
  notSymbols: (texts) => `Не символи: ${texts}.`,
  noSymbols: 'Немає символів: вкажіть, наприклад, symbols="BTC,ETH".',
  notListed: (symbols) => `Ретранслятор не пропонує ${symbols}.`,
  didYouMean: (symbol, meant) =>
    `Ретранслятор не пропонує ${symbol}; можливо, ви мали на увазі ${meant}?`,
  watchListFull: (symbols, limit) =>
    `Ретранслятор зараз не може відстежувати ${symbols}: він уже відстежує стільки символів, скільки може (${limit}). Спробуйте пізніше.`,
  addressShareFull: (symbols, limit) =>
    `Ретранслятор зараз не може відстежувати ${symbols} для вас: ви вже відстежуєте стільки символів, скільки дозволено одному читачеві (${limit}). Спершу закрийте іншу сторінку з курсами.`,
  currencyNotServed: (symbols, currency, currencies) =>
    `Ретранслятор не має курсів ${symbols}: він не підтримує ${currency}, лише ${currencies}.`,
  unknownSource: (symbols, source, sources) =>
    `Ретранслятор не має курсів ${symbols}: ${source} не є одним із його джерел (${sources}).`,
  refusedOther: (symbols) => `Ретранслятор не може надати ${symbols}.`,
  noRelay:
    'Ретранслятор не задано: вкажіть в елемента атрибут relay, викличте setRelay(url) або додайте мета-тег tickwire-relay.',
  noScheme: (relay) => `У relay="${relay}" немає схеми: напишіть relay="https://${relay}".`,
  notARelayUrl: (relay) => `«${relay}» — не URL ретранслятора.`,
  notARelay: (relay, status) =>
    `За адресою ${relay} немає ретранслятора Tickwire (HTTP ${status}): перевірте URL ретранслятора.`,
  spokenPrice: (label, price, trend) => `${label} ${price}, ${trend} за 24 години`,
  spokenMove: (direction, size) => `${direction === 'up' ? 'зростання' : 'падіння'} на ${size}`,
  spokenMore: (count) => `і ще ${count}`,
  spokenOffline: 'Немає зв’язку з цінами, перепідключення.',
  spokenLiveAgain: 'Ціни знову наживо.',
  controlsLabel: 'Ціни наживо',
  pause: 'Пауза',
  resume: 'Продовжити',
  refresh: 'Оновлення',
  liveEvery: (seconds) => `наживо (кожні ${seconds} с)`,
  liveStreaming: 'наживо (потік)',
  every: (seconds) => `кожні ${seconds} с`,
  source: 'Джерело',
  anySource: 'будь-яке',
  updated: 'Оновлено',
  noUpdate: 'Оновлень ще немає',
  sourcesLabel: 'Джерела',
  sourceStates: { ok: 'працює', degraded: 'з перебоями', down: 'недоступне', unknown: 'невідомо' },
  simulatedSource: 'симуляція',
  sourceTransports: { stream: 'потокова передача', poll: 'опитування, потік перепідключається' },
  gridLabel: 'Ціни',
  tapeLabel: 'Стрічка цін',
  marketActivity: 'Активність ринку',
  waitingForMoves: 'Очікування перших рухів…',
  notableMove: 'помітний рух',
  ranges: { live: 'Тіки', '1h': '1 год', '24h': '24 год', '7d': '7 д', '30d': '30 д', '1y': '1 р' },
  periods: { '1h': '1 год', '24h': '24 год', '7d': '7 д', '30d': '30 д', '1y': '1 р' },
  rangesLabel: 'Період',
  tabsLabel: 'Символи',
  chartLabel: (symbols, span) => `Графік цін: ${symbols || 'немає символів'}, ${span}`,
  spans: {
    live: 'останні тіки',
    '1h': 'остання година',
    '24h': 'останні 24 години',
    '7d': 'останні 7 днів',
    '30d': 'останні 30 днів',
    '1y': 'останній рік',
  },
  plotHint: (symbols, ticks) =>
    `${symbols}: читайте ${ticks ? 'кожен тік' : 'кожну свічку'} клавішами зі стрілками`,
  loading: 'Завантаження…',
  chartFailed: 'Не вдалося завантажити графік.',
  historyUnavailable: (range, symbol) => `Не вдалося завантажити історію ${symbol} за ${range}.`,
  rangeUnavailable: (sources, range, choices) =>
    `У ${sources} немає графіка ${range}; виберіть ${choices}.`,
  percentOver: (range) => `Зміна у % за ${range}`,
  pricesEveryUpdate: (currency, minutes) =>
    `Ціни в ${currency}, кожне оновлення, останні ${minutes} хвилин`,
  percentEveryUpdate: (period, minutes) =>
    `Зміна у % за ${period}, кожне оновлення, останні ${minutes} хвилин`,
  pricesInBuckets: (currency, minutes) =>
    `Ціни в ${currency}, свічки ${minutes < 60 ? `${minutes} хв` : minutes < 1440 ? `${minutes / 60} год` : '1 день'}`,
  candle: (open, high, low, close) =>
    `відкриття ${open}, максимум ${high}, мінімум ${low}, закриття ${close}`,
  credit: 'Графіки: TradingView',
  converterLabel: (from, to) => `Перерахунок ${from} у ${to}`,
  convertFrom: 'З',
  convertTo: 'У',
  fromAsset: 'Актив або валюта, з якої перерахувати',
  toAsset: 'Актив або валюта, у яку перерахувати',
  swap: 'Поміняти місцями',
  via: (asset) => `через ${asset}`,
  crossTitle: (pairs) => `Прямої ціни немає: перераховано через ${pairs}`,
  notAnAmount: (text, example) => `«${text}» — не сума: введіть число, наприклад ${example}.`,
  notAnAsset: (text) =>
    `«${text}» — не актив і не валюта: використовуйте літери й цифри, наприклад BTC або EUR.`,
  noPair: (pair) =>
    `Ретранслятор не має ціни ${pair}: виберіть іншу пару або задайте cross, щоб перерахувати через третій актив.`,
  noRoute: (pair) => `Ретранслятор не має ціни ${pair} ні напряму, ні через третій актив.`,
  spokenConversion: (amount, result, stale) =>
    `${amount} — це ${result}${stale ? ', ціна застаріла' : ''}`,
  tableLabel: 'Ринки',
  columns: {
    rank: 'Ранг',
    asset: 'Актив',
    price: 'Ціна',
    marketCap: 'Капіталізація',
    volume: 'Обсяг (24 год)',
    chart: 'За 24 год',
  },
  topWithoutFacts:
    'Ретранслятор не має капіталізацій для впорядкування: його власні активи, у його порядку.',
  heatmapLabel: 'Теплова карта ринку',
  heatmapEqualSizes:
    'Цей ретранслятор не має ринкової капіталізації: усі плитки однакового розміру.',
};
