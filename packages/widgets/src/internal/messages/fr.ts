import type { Messages } from '../messages.js';

/** French. */
export const messages: Messages = {
  connecting: 'Connexion…',
  live: 'En direct',
  stale: 'Obsolète',
  offline: 'Hors ligne, reconnexion…',
  paused: 'En pause',
  error: 'Erreur',
  simulated: 'Simulé',
  simulatedTitle: 'Prix simulés, ne provenant pas d’une plateforme d’échange',
  up: 'en hausse',
  down: 'en baisse',
  flat: 'inchangé',
  period24h: '24 h',
  waitingForPrice: 'En attente du premier prix…',
  noChange24h: (source) => `Variation sur 24 h non fournie par ${source}`,
  cardLabel: (label) => (label ? `Prix ${label}` : 'Prix'),
  market: (market) => `Marché ${market}`,
  notASymbol: (text) =>
    `« ${text} » n’est pas un symbole : utilisez lettres et chiffres, comme BTC ou BTC\u2060/\u2060EUR.`,
  noSymbol: 'Aucun symbole : indiquez par exemple symbol="BTC".',
  notSymbols: (texts) => `Symboles invalides : ${texts}.`,
  noSymbols: 'Aucun symbole : indiquez par exemple symbols="BTC,ETH".',
  notListed: (symbols) => `Le relais ne propose pas ${symbols}.`,
  didYouMean: (symbol, meant) =>
    `Le relais ne propose pas ${symbol} ; vouliez-vous dire ${meant} ?`,
  watchListFull: (symbols, limit) =>
    `Le relais ne peut pas suivre ${symbols} pour l’instant : il suit déjà autant de symboles qu’il le peut (${limit}). Réessayez plus tard.`,
  addressShareFull: (symbols, limit) =>
    `Le relais ne peut pas suivre ${symbols} pour vous pour l’instant : vous suivez déjà autant de symboles qu’un lecteur le peut (${limit}). Fermez d’abord une autre page de cours.`,
  currencyNotServed: (symbols, currency, currencies) =>
    `Le relais n’a pas de cours pour ${symbols} : il ne propose pas ${currency}, seulement ${currencies}.`,
  unknownSource: (symbols, source, sources) =>
    `Le relais n’a pas de cours pour ${symbols} : ${source} n’est pas l’une de ses origines (${sources}).`,
  refusedOther: (symbols) => `Le relais ne peut pas fournir ${symbols}.`,
  noRelay:
    'Aucun relais défini : donnez à l’élément un attribut relay, appelez setRelay(url) ou ajoutez une balise meta tickwire-relay.',
  noScheme: (relay) => `relay="${relay}" n’a pas de schéma : écrivez relay="https://${relay}".`,
  notARelayUrl: (relay) => `« ${relay} » n’est pas une URL de relais.`,
  notARelay: (relay, status) =>
    `Aucun relais Tickwire à ${relay} (HTTP ${status}) : vérifiez l’URL du relais.`,
  spokenPrice: (label, price, trend) => `${label} ${price}, ${trend} sur 24 heures`,
  spokenMove: (direction, size) => `${direction === 'up' ? 'en hausse' : 'en baisse'} de ${size}`,
  spokenMore: (count) => `et ${count} autres`,
  spokenOffline: 'Prix hors ligne, reconnexion.',
  spokenLiveAgain: 'Prix de nouveau en direct.',
  controlsLabel: 'Prix en direct',
  pause: 'Suspendre',
  resume: 'Reprendre',
  refresh: 'Actualisation',
  liveEvery: (seconds) => `en direct (toutes les ${seconds} s)`,
  liveStreaming: 'en direct (flux continu)',
  every: (seconds) => `toutes les ${seconds} s`,
  source: 'Origine',
  anySource: 'toutes',
  updated: 'Mis à jour',
  noUpdate: 'Pas encore de mise à jour',
  sourcesLabel: 'Origines',
  sourceStates: {
    ok: 'opérationnelle',
    degraded: 'dégradée',
    down: 'indisponible',
    unknown: 'inconnu',
  },
  simulatedSource: 'simulée',
  sourceTransports: {
    stream: 'en flux continu',
    poll: 'interrogation périodique, flux en reconnexion',
  },
  gridLabel: 'Prix',
  tapeLabel: 'Bandeau des prix',
  marketActivity: 'Activité du marché',
  waitingForMoves: 'En attente des premiers mouvements…',
  notableMove: 'mouvement notable',
  ranges: {
    live: 'Direct',
    '1h': '1 h',
    '24h': '24 h',
    '7d': '7 j',
    '30d': '30 j',
    '90d': '3 m',
    '1y': '1 an',
    ytd: 'AAJ',
    all: 'Max',
  },
  periods: {
    '1h': '1 h',
    '24h': '24 h',
    '7d': '7 j',
    '30d': '30 j',
    '90d': '90 j',
    '1y': '1 an',
    ytd: 'AAJ',
    all: 'depuis le début',
  },
  rangesLabel: 'Période',
  tabsLabel: 'Symboles',
  chartLabel: (symbols, span) => `Graphique des prix : ${symbols || 'aucun symbole'}, ${span}`,
  spans: {
    live: 'derniers prix reçus',
    '1h': 'dernière heure',
    '24h': 'dernières 24 heures',
    '7d': '7 derniers jours',
    '30d': '30 derniers jours',
    '90d': '90 derniers jours',
    '1y': 'dernière année',
    ytd: 'depuis le début de l’année',
    all: 'tout l’historique disponible',
  },
  plotHint: (symbols, ticks) =>
    `${symbols} : utilisez les flèches pour lire chaque ${ticks ? 'prix' : 'bougie'}`,
  loading: 'Chargement…',
  chartFailed: 'Le graphique n’a pas pu être chargé.',
  historyUnavailable: (range, symbol) =>
    `L’historique ${range} de ${symbol} n’a pas pu être chargé.`,
  rangeUnavailable: (sources, range, choices) =>
    `Pas de graphique ${range} chez ${sources} ; choisissez ${choices}.`,
  percentOver: (range) => `Variation en % sur ${range}`,
  pricesEveryUpdate: (currency, minutes) =>
    `Prix en ${currency}, chaque mise à jour, ${minutes} dernières minutes`,
  percentEveryUpdate: (period, minutes) =>
    `Variation en % sur ${period}, chaque mise à jour, ${minutes} dernières minutes`,
  pricesInBuckets: (currency, minutes) =>
    `Prix en ${currency}, bougies de ${minutes < 60 ? `${minutes} minutes` : minutes < 1440 ? `${minutes / 60} heure${minutes > 60 ? 's' : ''}` : '1 jour'}`,
  candle: (open, high, low, close) =>
    `ouverture ${open}, plus haut ${high}, plus bas ${low}, clôture ${close}`,
  credit: 'Graphiques par TradingView',
  converterLabel: (from, to) => `Convertir ${from} en ${to}`,
  convertFrom: 'De',
  convertTo: 'Vers',
  fromAsset: 'Actif ou devise à convertir',
  toAsset: 'Actif ou devise d’arrivée',
  swap: 'Inverser les deux',
  via: (asset) => `par ${asset}`,
  crossTitle: (pairs) => `Pas de cours direct : converti par ${pairs}`,
  notAnAmount: (text, example) =>
    `« ${text} » n’est pas un montant : saisissez un nombre comme ${example}.`,
  notAnAsset: (text) =>
    `« ${text} » n’est ni un actif ni une devise : utilisez lettres et chiffres, comme BTC ou EUR.`,
  noPair: (pair) =>
    `Ce relais n’a pas de cours ${pair} : choisissez une autre paire, ou ajoutez cross pour convertir par un troisième actif.`,
  noRoute: (pair) => `Ce relais n’a pas de cours ${pair}, ni direct ni par un troisième actif.`,
  spokenConversion: (amount, result, stale) =>
    `${amount} valent ${result}${stale ? ', cours obsolète' : ''}`,
  tableLabel: 'Marchés',
  columns: {
    rank: 'Rang',
    asset: 'Actif',
    price: 'Prix',
    marketCap: 'Capitalisation',
    volume: 'Volume (24 h)',
    chart: 'Dernières 24 h',
    chart7d: '7 derniers jours',
  },
  topWithoutFacts:
    'Le relais n’a pas de capitalisations pour classer : ses propres actifs, dans son ordre.',
  heatmapLabel: 'Carte thermique du marché',
  heatmapEqualSizes: 'Ce relais n’a pas de capitalisations : toutes les tuiles ont la même taille.',
  unknownShow: (tokens) =>
    `show="${tokens}" : cet élément affiche name, logo ou les deux, par exemple show="name,logo".`,
};
