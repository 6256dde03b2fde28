import {
  BUILDER_ELEMENTS,
  BUILDER_LOCALES,
  BUILDER_SHOW,
  BUILDER_THEMES,
  BUILDER_TOPS,
  BUILDER_WIDTHS_PX,
  DEFAULT_RANGE,
} from './builder-catalog.js';
import { escapeHtml } from './demo-page.js';

/** What the builder offers besides the elements: this relay's own symbols and currencies. */
export interface BuilderPageOptions {
  /** The relay's public base URL as the browser reached it, ending in `/`, for the snippets. */
  base: string;
  /** The relay's default symbols (`SYMBOLS`), the first suggestions. */
  symbols: readonly string[];
  /** The relay's quote currencies, the default first. */
  currencies: readonly string[];
}

const THEME_LABELS: Record<(typeof BUILDER_THEMES)[number], string> = {
  auto: 'Auto (as the page)',
  light: 'Light',
  dark: 'Dark',
  transparent: 'Transparent',
};

/** The chart's ranges in words; a range the chart gains later shows as its value. */
const RANGE_LABELS: Record<string, string> = {
  live: 'Live (the stream’s ticks)',
  '1h': 'The last hour (1h)',
  '24h': '24 hours (24h)',
  '7d': '7 days (7d)',
  '30d': '30 days (30d)',
  '90d': '3 months (90d)',
  '1y': 'A year (1y)',
  ytd: 'This year so far (ytd)',
  all: 'All the history there is (all)',
};

/** The chart's types and scales in words; one the chart gains later shows as its value. */
const TYPE_LABELS: Record<string, string> = {
  line: 'Line',
  area: 'Area',
  candles: 'Candles (one symbol)',
};
const SCALE_LABELS: Record<string, string> = {
  auto: 'Auto (percent for several symbols)',
  price: 'Price',
  percent: 'Percent change',
};
const SHOW_LABELS: Record<(typeof BUILDER_SHOW)[number], string> = {
  '': 'The symbol alone',
  name: 'Name',
  logo: 'Logo',
  'name,logo': 'Name and logo',
};

/** The chart's list of `key` (types, scales) from the catalog. */
const chartList = (key: 'types' | 'scales') =>
  BUILDER_ELEMENTS.find((element) => element[key].length > 0)?.[key] ?? [];

const option = (value: string, label: string, selected = false) =>
  `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;

/**
 * A labelled select of `options` (already HTML), in a field `dataField` names (builder.js
 * hides it for elements without it), with a `hint` (HTML) below where given.
 */
const selectField = (
  id: string,
  label: string,
  options: readonly string[],
  { dataField = '', hint = '' } = {},
) =>
  `<div class="field"${dataField ? ` data-field="${dataField}"` : ''}>
      <label for="${id}">${label}</label>
      <select id="${id}" name="${id}"${hint ? ` aria-describedby="${id}-hint"` : ''}>
        ${options.join('\n        ')}
      </select>${hint ? `\n      <p class="hint" id="${id}-hint">${hint}</p>` : ''}
    </div>`;

/**
 * The page at `/builder`: pick an element and its attributes, see it live from this relay, copy
 * the snippet. The form is written here; `public/builder.js` keeps the preview and the
 * snippets in step with it. Its links are relative, so it works wherever the relay is mounted.
 */
export function renderBuilderPage({ base, symbols, currencies }: BuilderPageOptions): string {
  const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
  const [defaultCurrency = 'USD', ...otherCurrencies] = currencies;
  // Read by builder.js as data (a JSON block is never run, so the page's CSP allows it); `<`
  // is escaped so no value can close the script element.
  const data = JSON.stringify({
    base,
    symbols,
    currencies,
    elements: BUILDER_ELEMENTS,
    defaultRange: DEFAULT_RANGE,
  }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tickwire — embed builder</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="demo.css">
<link rel="stylesheet" href="builder.css">
<link rel="stylesheet" href="tickwire.css">
<script type="application/json" id="builder-data">${data}</script>
<script type="module" src="widgets.js"></script>
<script type="module" src="builder.js"></script>
</head>
<body>
<header>
  <p class="crumb"><a href="./">Tickwire</a></p>
  <h1>Embed builder</h1>
  <p>Choose an element and how it looks, watch it live from this relay, and copy the code for your page or CMS.</p>
</header>
<main class="builder">
  <form id="builder-form" class="controls" aria-labelledby="controls-title">
    <h2 id="controls-title">Options</h2>
    ${selectField(
      'element',
      'Element',
      BUILDER_ELEMENTS.map(({ tag, label }, index) => option(tag, label, index === 0)),
      { hint: `The &#60;${BUILDER_ELEMENTS[0]?.tag}&#62; element.` },
    )}
    <div class="field" data-field="symbols">
      <label for="symbols" id="symbols-label">Symbols</label>
      <input id="symbols" name="symbols" type="text" list="symbol-list" autocomplete="off" spellcheck="false" aria-describedby="symbols-hint" value="${escapeHtml(symbols.slice(0, 3).join(','))}">
      <datalist id="symbol-list">
        ${symbols.map((symbol) => option(symbol, symbol)).join('\n        ')}
      </datalist>
      <p class="hint" id="symbols-hint">Comma-separated, such as BTC,ETH,SOL. This relay's: ${escapeHtml(symbols.join(', '))}.</p>
    </div>
    ${selectField('currency', 'Currency', [
      option('', `${defaultCurrency} (the relay’s default)`, true),
      ...otherCurrencies.map((currency) => option(currency, currency)),
    ])}
    ${selectField(
      'range',
      'Range',
      (BUILDER_ELEMENTS.find(({ ranges }) => ranges.length > 0)?.ranges ?? []).map((range) =>
        option(range, RANGE_LABELS[range] ?? range, range === DEFAULT_RANGE),
      ),
      { dataField: 'range' },
    )}
    ${selectField('layout', 'Layout', [], { dataField: 'layout' })}
    ${selectField(
      'type',
      'Chart type',
      chartList('types').map((type, index) => option(type, TYPE_LABELS[type] ?? type, index === 0)),
      { dataField: 'type' },
    )}
    ${selectField(
      'scale',
      'Scale',
      chartList('scales').map((scale, index) =>
        option(scale, SCALE_LABELS[scale] ?? scale, index === 0),
      ),
      { dataField: 'scale' },
    )}
    ${selectField(
      'top',
      'Assets',
      [
        option('', 'The symbols above', true),
        ...BUILDER_TOPS.map((top) => option(String(top), `The top ${top} by market cap`)),
      ],
      { dataField: 'top' },
    )}
    <div class="field" data-field="to">
      <label for="to">Convert to</label>
      <input id="to" name="to" type="text" list="currency-list" autocomplete="off" spellcheck="false" aria-describedby="to-hint" value="">
      <datalist id="currency-list">
        ${currencies.map((currency) => option(currency, currency)).join('\n        ')}
      </datalist>
      <p class="hint" id="to-hint">An asset or currency, such as EUR or ETH; empty: the currency chosen.</p>
    </div>
    <div class="field" data-field="amount">
      <label for="amount">Amount</label>
      <input id="amount" name="amount" type="text" inputmode="decimal" autocomplete="off" aria-describedby="amount-hint" value="">
      <p class="hint" id="amount-hint">The amount converted at first, such as 1.5; empty: 1.</p>
    </div>
    ${selectField(
      'show',
      'Beside the symbol',
      BUILDER_SHOW.map((show, index) => option(show, SHOW_LABELS[show], index === 0)),
      { dataField: 'show' },
    )}
    ${selectField(
      'theme',
      'Theme',
      BUILDER_THEMES.map((theme, index) => option(theme, THEME_LABELS[theme], index === 0)),
    )}
    ${selectField('locale', 'Language', [
      option('', 'The page’s language', true),
      ...BUILDER_LOCALES.map((locale) =>
        option(locale, `${languageNames.of(locale) ?? locale} (${locale})`),
      ),
    ])}
    ${selectField('width', 'Width', [
      option('', 'Free (fills its column)', true),
      ...BUILDER_WIDTHS_PX.map((width) =>
        option(String(width), `${width.toLocaleString('en')} px`),
      ),
    ])}
  </form>
  <div class="output">
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      <div id="preview" class="stage" tabindex="0" role="region" aria-label="Live preview"></div>
    </section>
    <section aria-labelledby="code-title">
      <h2 id="code-title">Code</h2>
      <figure>
        <figcaption id="caption-html">Any page: the script tag and the element</figcaption>
        <pre class="wraps" tabindex="0" aria-labelledby="caption-html"><code id="snippet-html"></code></pre>
        <button type="button" data-copy="snippet-html" aria-describedby="caption-html">Copy</button>
        <span class="copied" role="status" data-copied="snippet-html"></span>
      </figure>
      <figure>
        <figcaption id="caption-npm">With a build step: the npm package</figcaption>
        <pre class="wraps" tabindex="0" aria-labelledby="caption-npm"><code id="snippet-npm"></code></pre>
        <button type="button" data-copy="snippet-npm" aria-describedby="caption-npm">Copy</button>
        <span class="copied" role="status" data-copied="snippet-npm"></span>
      </figure>
      <figure>
        <figcaption id="caption-cms">In a CMS: the sanitizer’s allowlist (DOMPurify, sanitize-html)</figcaption>
        <pre tabindex="0" aria-labelledby="caption-cms"><code id="snippet-cms"></code></pre>
        <button type="button" data-copy="snippet-cms" aria-describedby="caption-cms">Copy</button>
        <span class="copied" role="status" data-copied="snippet-cms"></span>
      </figure>
    </section>
  </div>
</main>
<footer>
  <p><a href="./">The demo page</a> · <a href="v1/symbols">/v1/symbols</a></p>
</footer>
</body>
</html>
`;
}
