/** What the demo page shows: the relay's own symbols, and whether they are simulated. */
export interface DemoPageOptions {
  /** The relay's public base URL as the browser reached it, ending in `/`, for the embed snippets. */
  base: string;
  symbols: readonly string[];
  simulated: boolean;
  /** The relay's quote currencies, the default first. */
  currencies: readonly string[];
  /** Its sources' ids, in order. */
  sources: readonly string[];
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The page at `/`: the widgets on this relay's stream, and snippets to paste elsewhere. Its
 * own links are relative, so it works wherever the relay is mounted (`/`, `/prices/`).
 */
export function renderDemoPage({
  base,
  symbols,
  simulated,
  currencies,
  sources,
}: DemoPageOptions): string {
  const list = symbols.join(',');
  const [first = 'BTC', second = 'ETH'] = symbols;
  const markets = marketsSection(base, currencies, sources);
  const head = scriptTags(base);
  const snippets = [
    {
      id: 'snippet-card',
      title: 'A price card',
      code: `${head}\n<price-card symbol="${first}"></price-card>`,
    },
    {
      id: 'snippet-chart',
      title:
        'A chart over 24 hours, and one symbol in candles over 7 days (the chart code loads only where a chart is)',
      code: `${head}\n<live-chart symbols="${first},${second}" range="24h"></live-chart>\n<live-chart symbols="${first}" range="7d" type="candles"></live-chart>`,
    },
    {
      id: 'snippet-ticker',
      title: 'A ticker tape, controls and an activity feed',
      code: `${head}\n<price-ticker symbols="${list}" layout="tape"></price-ticker>\n<stream-controls></stream-controls>\n<market-feed symbols="${first},${second}"></market-feed>`,
    },
    {
      id: 'snippet-classic',
      title: 'Where modules are not allowed: the classic script',
      code: `<script src="${base}widgets.iife.js"></script>\n<price-card symbol="${first}"></price-card>`,
    },
    {
      id: 'snippet-relay',
      title: 'Widgets served from elsewhere, reading this relay',
      code: `<price-card symbol="${first}" relay="${base}"></price-card>`,
    },
    ...markets.snippets,
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tickwire — live crypto prices</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="demo.css">
<link rel="stylesheet" href="tickwire.css">
<script type="module" src="widgets.js"></script>
<script type="module" src="demo.js"></script>
</head>
<body>
<header>
  <h1>Tickwire</h1>
  <p>Live prices streamed by this relay. Every element below shares one connection.</p>
  ${
    simulated
      ? `<p class="notice" role="note"><strong>Simulated market.</strong> These prices come from the built-in demo market, not from an exchange. Start the relay with <code>SOURCES=binance,coingecko</code> for real ones.</p>`
      : ''
  }
</header>
<main>
  <stream-controls></stream-controls>
  <price-ticker layout="tape" symbols="${escapeHtml(list)}"></price-ticker>
  <section aria-labelledby="cards-title">
    <h2 id="cards-title">Price cards</h2>
    <div class="cards">
      ${symbols.map((symbol) => `<price-card symbol="${escapeHtml(symbol)}"></price-card>`).join('\n      ')}
    </div>
  </section>
  <section aria-labelledby="chart-title">
    <h2 id="chart-title">Charts</h2>
    <div class="chart-and-feed">
      <live-chart symbols="${escapeHtml(list)}"></live-chart>
      <market-feed symbols="${escapeHtml(list)}" limit="12" threshold="0.05"></market-feed>
    </div>
    <live-chart symbols="${escapeHtml(first)}" range="7d" type="candles"></live-chart>
  </section>
  ${markets.html}
  <section aria-labelledby="embed-title">
    <h2 id="embed-title">Embed on your site</h2>
    <p>Paste one of these into any page or CMS. The widgets read the relay that served the script. To choose an element's symbols, currency, theme, language and size and watch it live first, use the <a href="builder">embed builder</a>.</p>
    ${snippets
      .map(
        ({ id, title, code }) => `<figure>
      <figcaption>${escapeHtml(title)}</figcaption>
      <pre><code id="${id}">${escapeHtml(code)}</code></pre>
      <button type="button" data-copy="${id}">Copy</button>
    </figure>`,
      )
      .join('\n    ')}
  </section>
</main>
<footer>
  <p><a href="builder">Embed builder</a> · API: <a href="v1/quotes">/v1/quotes</a> · <a href="v1/symbols">/v1/symbols</a> · <a href="v1/candles?symbol=${escapeHtml(first)}&amp;range=24h">/v1/candles</a> · <a href="v1/stream">/v1/stream</a> · <a href="metrics">/metrics</a></p>
</footer>
</body>
</html>
`;
}

/**
 * Other currencies and sources, where the relay has them: a card in its first other fiat
 * currency, a chart quoted in bitcoin, a card pinned to its last source.
 */
function marketsSection(base: string, currencies: readonly string[], sources: readonly string[]) {
  const fiat = currencies.slice(1).find((currency) => currency !== 'BTC');
  const pinned = sources.at(-1)!;
  const cards = [
    ...(fiat ? [`<price-card symbol="BTC" currency="${fiat}"></price-card>`] : []),
    `<price-card symbol="ETH" source="${pinned}"></price-card>`,
  ];
  const charts = currencies.includes('BTC')
    ? ['<live-chart symbols="ETH/BTC,SOL/BTC" range="24h"></live-chart>']
    : [];
  const elements = [...cards, ...charts];
  return {
    html: `<section aria-labelledby="markets-title">
    <h2 id="markets-title">Currencies and sources</h2>
    <p>This relay serves ${escapeHtml(currencies.join(', '))} from ${escapeHtml(sources.join(', '))}: <code>currency="EUR"</code> prices an element in euros, <code>symbols="ETH/BTC"</code> names a pair, <code>source="${escapeHtml(pinned)}"</code> takes prices from that source alone.</p>
    <div class="cards">
      ${cards.join('\n      ')}
    </div>
    ${charts.join('\n    ')}
  </section>`,
    snippets: [
      {
        id: 'snippet-markets',
        title: 'Other currencies, pairs and a chosen source',
        code: [scriptTags(base), ...elements].join('\n'),
      },
    ],
  };
}

/**
 * What a page puts in its head for the elements: the stylesheet that sizes them before they
 * draw (no layout shift), and the bundle.
 */
function scriptTags(base: string): string {
  return `<link rel="stylesheet" href="${base}tickwire.css">\n<script type="module" src="${base}widgets.js"></script>`;
}
