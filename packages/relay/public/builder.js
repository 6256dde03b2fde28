// The embed builder (/builder): keeps the live preview and the snippets in step with the form.
// The preview is the real element from this relay's widgets.js; every value the reader types
// reaches it through setAttribute and the snippets through textContent, never as markup.

const data = JSON.parse(document.getElementById('builder-data')?.textContent ?? '{}');
/** @type {Map<string, {tag: string, label: string, symbolsAttribute?: string, ranges: string[], layouts: string[], types: string[], scales: string[], allowlist: string[]}>} */
const elements = new Map(data.elements.map((element) => [element.tag, element]));
const form = document.getElementById('builder-form');
const preview = document.getElementById('preview');
const field = (name) => form.elements.namedItem(name);

const SYMBOL_LABELS = { symbol: 'Symbol', symbols: 'Symbols', from: 'Convert from' };
const SYMBOL_HINTS = {
  symbol: 'One asset, such as BTC or BTC/EUR.',
  symbols: 'Comma-separated, such as BTC,ETH,SOL.',
  from: 'The asset converted, such as BTC.',
};

/** Escapes text for a double-quoted HTML attribute or element content. */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The symbols typed, tidied: trimmed, no empty entries; one for an element that takes one. */
function symbolsFor(element) {
  const typed = field('symbols')
    .value.split(',')
    .map((symbol) => symbol.trim())
    .filter(Boolean);
  return element.symbolsAttribute === 'symbols' ? typed.join(',') : (typed[0] ?? '');
}

/** Whether the element takes `name` (its CMS allowlist says what it takes). */
const takes = (element, name) => element.allowlist.includes(name);

/** The `top` chosen, where the element takes one; empty for the symbols typed. */
const topFor = (element) => (takes(element, 'top') ? field('top').value : '');

/** The element chosen, its attributes (in the snippet's order) and its width. */
function chosen() {
  const element = elements.get(field('element').value) ?? data.elements[0];
  /** @type {[string, string][]} */
  const attributes = [];
  /** Attributes the preview sets to keep it as chosen, though at their default they are left out of the snippet. */
  const defaults = [];
  const top = topFor(element);
  // `symbols` wins over `top` in the element: a list of the top assets names none.
  if (top) attributes.push(['top', top]);
  else if (element.symbolsAttribute) {
    const symbols = symbolsFor(element);
    if (symbols) attributes.push([element.symbolsAttribute, symbols]);
  }
  for (const name of ['to', 'amount']) {
    const value = takes(element, name) ? field(name).value.trim() : '';
    if (value) attributes.push([name, value]);
  }
  if (element.ranges.length > 0) {
    const range = field('range').value;
    (range === data.defaultRange ? defaults : attributes).push(['range', range]);
  }
  if (element.layouts.length > 0) {
    const layout = field('layout').value || element.layouts[0];
    (layout === element.layouts[0] ? defaults : attributes).push(['layout', layout]);
  }
  for (const [name, values] of [
    ['type', element.types],
    ['scale', element.scales],
  ]) {
    if (values.length === 0) continue;
    const value = field(name).value || values[0];
    (value === values[0] ? defaults : attributes).push([name, value]);
  }
  if (takes(element, 'show')) {
    const show = field('show').value;
    if (show) attributes.push(['show', show]);
  }
  for (const name of ['currency', 'locale']) {
    const value = field(name).value;
    if (value) attributes.push([name, value]);
  }
  const theme = field('theme').value;
  (theme === 'auto' ? defaults : attributes).push(['theme', theme]);
  const widthPx = Number(field('width').value) || undefined;
  return { element, attributes, defaults, widthPx };
}

/**
 * tickwire.css's class of the chosen width: the element carries its width with no `<style>`
 * rule or `style` attribute, which a page under a strict CSP would drop.
 */
const widthClass = ({ widthPx }) => (widthPx ? `tickwire-width-${widthPx}` : '');

/** The element with its attributes, as HTML; `sized` adds its width's class. */
const tagHtml = ({ element, attributes, widthPx }, sized = false) => {
  const all = sized && widthPx ? [...attributes, ['class', widthClass({ widthPx })]] : attributes;
  return `<${element.tag}${all.map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('')}></${element.tag}>`;
};

/** The CSS rule that gives the element its chosen width (never wider than its column). */
const sizeCss = ({ element, widthPx }) =>
  widthPx ? `${element.tag} { width: ${widthPx}px; max-width: 100%; }` : '';

/** The script-tag form: the stylesheet and bundle from this relay, the element at its width. */
function htmlSnippet(choice) {
  return [
    `<link rel="stylesheet" href="${escapeHtml(data.base)}tickwire.css">`,
    `<script type="module" src="${escapeHtml(data.base)}widgets.js"></script>`,
    tagHtml(choice, true),
  ].join('\n');
}

/** The npm form: the element's own entry, the relay set once for the page, the element. */
function npmSnippet(choice) {
  const size = sizeCss(choice);
  return [
    '// In your JavaScript (npm install @tickwire/widgets)',
    `import '@tickwire/widgets/${choice.element.tag}.js';`,
    "import { setRelay } from '@tickwire/widgets/config.js';",
    '',
    `setRelay('${data.base.replace(/[\\']/g, '\\$&')}');`,
    '',
    '<!-- In your HTML -->',
    tagHtml(choice),
    ...(size ? ['', '/* In your CSS */', size] : []),
  ].join('\n');
}

/** `items` quoted, as an array literal broken before 80 columns, its later lines at `indent`. */
function quotedList(items, start, indent) {
  const lines = [];
  let line = '[';
  for (const [index, item] of items.entries()) {
    const word = `'${item}'${index < items.length - 1 ? ',' : ']'}`;
    if (line !== '[' && start + line.length + word.length + 1 > 80) {
      lines.push(line.trimEnd());
      line = ' '.repeat(indent);
      start = 0;
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

/** What a CMS's sanitizer must let through for this element (docs/embedding.md, "CMS sanitizers"). */
function cmsSnippet({ element, widthPx }) {
  const tag = `'${element.tag}'`;
  // A width rides in tickwire.css's class: the sanitizer must keep it.
  const allowed = widthPx ? [...element.allowlist, 'class'] : element.allowlist;
  const attributes = (prefix) =>
    quotedList(allowed, prefix.length, prefix.length + 1).replace(/^/, prefix);
  return [
    "// The <script> goes in your site's template; the element in the content.",
    '// DOMPurify',
    'DOMPurify.sanitize(html, {',
    `  ADD_TAGS: [${tag}],`,
    `${attributes('  ADD_ATTR: ')},`,
    '});',
    '',
    '// sanitize-html',
    'sanitizeHtml(html, {',
    `  allowedTags: [...sanitizeHtml.defaults.allowedTags, ${tag}],`,
    '  allowedAttributes: {',
    '    ...sanitizeHtml.defaults.allowedAttributes,',
    `${attributes(`    ${tag}: `)},`,
    '  },',
    '});',
  ].join('\n');
}

/** Shows the chosen element: the same one, its attributes changed, or a new one if it must be. */
function showPreview(choice) {
  const wanted = new Map([...choice.attributes, ...choice.defaults]);
  let shown = preview.firstElementChild;
  // Only what the builder sets counts: elements reflect their own (state, a chart's selected tab).
  const managed = [
    choice.element.symbolsAttribute,
    'top',
    'to',
    'amount',
    'range',
    'layout',
    'type',
    'scale',
    'show',
    'currency',
    'locale',
    'theme',
  ];
  const dropped =
    shown && managed.some((name) => name && shown.hasAttribute(name) && !wanted.has(name));
  if (!shown || shown.localName !== choice.element.tag || dropped) {
    // A new element: an attribute taken away is not always the same as one never set.
    shown = document.createElement(choice.element.tag);
    for (const [name, value] of wanted) shown.setAttribute(name, value);
    preview.replaceChildren(shown);
  } else {
    for (const [name, value] of wanted)
      if (shown.getAttribute(name) !== value) shown.setAttribute(name, value);
  }
  // The snippet's own class from tickwire.css, which this page links: what is seen is what is pasted.
  for (const name of [...shown.classList])
    if (name.startsWith('tickwire-width-')) shown.classList.remove(name);
  if (choice.widthPx) shown.classList.add(widthClass(choice));
  preview.classList.toggle('sized', Boolean(choice.widthPx));
}

/** The last list typed for an element that takes several symbols, restored when one comes back. */
let lastList = field('symbols').value;

/** Shows the fields the chosen element has, labelled for it. */
function fitFields(element) {
  document.getElementById('element-hint').textContent = `The <${element.tag}> element.`;
  const symbolsField = form.querySelector('[data-field="symbols"]');
  symbolsField.hidden = !element.symbolsAttribute || Boolean(topFor(element));
  if (element.symbolsAttribute) {
    document.getElementById('symbols-label').textContent = SYMBOL_LABELS[element.symbolsAttribute];
    const symbols = field('symbols');
    const [first = ''] = lastList.split(',');
    if (element.symbolsAttribute !== 'symbols') symbols.value = symbolsFor(element);
    else if (!symbols.value.trim() || symbols.value.trim() === first.trim())
      symbols.value = lastList;
    if (!symbols.value.trim()) symbols.value = data.symbols[0] ?? 'BTC';
  }
  for (const name of ['top', 'to', 'amount', 'show'])
    form.querySelector(`[data-field="${name}"]`).hidden = !takes(element, name);
  form.querySelector('[data-field="type"]').hidden = element.types.length === 0;
  form.querySelector('[data-field="scale"]').hidden = element.scales.length === 0;
  form.querySelector('[data-field="range"]').hidden = element.ranges.length === 0;
  // The chart's ranges are the select's options; another element offers those it has.
  const range = field('range');
  for (const option of range.options) {
    option.hidden = option.disabled = !element.ranges.includes(option.value);
  }
  if (element.ranges.length > 0 && !element.ranges.includes(range.value)) {
    range.value = data.defaultRange;
  }
  const layoutField = form.querySelector('[data-field="layout"]');
  layoutField.hidden = element.layouts.length === 0;
  const layout = field('layout');
  const keep = element.layouts.includes(layout.value) ? layout.value : element.layouts[0];
  layout.replaceChildren(
    ...element.layouts.map((name) => {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = name[0].toUpperCase() + name.slice(1);
      option.selected = name === keep;
      return option;
    }),
  );
}

/** The assets this relay lists (`/v1/symbols`), once it has answered. */
let listedAssets;

/**
 * The symbols hint: what the field takes, this relay's symbols, and any typed it does not
 * list (a new one waits while `typing`: `setHint`).
 */
function hintSymbols(element, typing = false) {
  if (!element.symbolsAttribute) return;
  const typed = symbolsFor(element).split(',').filter(Boolean);
  // The asset of `ETH/BTC@kraken` is ETH; the element itself names the listed one meant.
  const unlisted = listedAssets
    ? typed.filter((symbol) => !listedAssets.has(symbol.split(/[/@]/)[0].toUpperCase()))
    : [];
  setHint(
    'symbols-hint',
    `${SYMBOL_HINTS[element.symbolsAttribute]} This relay's: ${data.symbols.join(', ')}.`,
    unlisted.length > 0 ? `Not listed by this relay: ${unlisted.join(', ')}.` : '',
    typing,
  );
}

/** The "convert to" hint as the page gives it: what the field takes. */
const TO_HINT = document.getElementById('to-hint').textContent;

/** The "convert to" hint: what the field takes, and an asset or currency typed that this relay has no price in. */
function hintTo(element, typing = false) {
  if (!takes(element, 'to')) return;
  const typed = field('to').value.trim().toUpperCase();
  const unknown =
    typed !== '' &&
    listedAssets !== undefined &&
    !listedAssets.has(typed) &&
    !data.currencies.includes(typed);
  setHint(
    'to-hint',
    TO_HINT,
    unknown
      ? `Not an asset or a currency of this relay: ${typed}. Its currencies: ${data.currencies.join(', ')}.`
      : '',
    typing,
  );
}

/** How long typing pauses before a new warning shows: "E", "ET" would flash past on the way to "ETH". */
const WARN_AFTER_MS = 600;
/** Each hint's warning waiting for typing to pause. */
const pendingWarnings = new Map();

/**
 * Writes hint `id`: what its field takes, then `warning` (if any) in the warning's colour. A
 * warning already shown changes at once, and so does one cleared; a new one, while `typing`,
 * waits until typing pauses or the field is left.
 */
function setHint(id, text, warning, typing) {
  const hint = document.getElementById(id);
  clearTimeout(pendingWarnings.get(id));
  const show = () => {
    const warn = document.createElement('strong');
    warn.className = 'warn';
    warn.textContent = warning;
    hint.replaceChildren(text, ...(warning ? [' ', warn] : []));
  };
  if (!warning || hint.querySelector('.warn')) show();
  else pendingWarnings.set(id, setTimeout(show, typing ? WARN_AFTER_MS : 0));
}

/** Brings hints, preview and snippets in line with the form; `typing`: for a key typed in a field. */
function update({ typing = false } = {}) {
  const choice = chosen();
  // The top by market cap names its own assets: no symbols to type.
  form.querySelector('[data-field="symbols"]').hidden =
    !choice.element.symbolsAttribute || Boolean(topFor(choice.element));
  hintSymbols(choice.element, typing);
  hintTo(choice.element, typing);
  remember();
  showPreview(choice);
  const snippets = {
    'snippet-html': htmlSnippet(choice),
    'snippet-npm': npmSnippet(choice),
    'snippet-cms': cmsSnippet(choice),
  };
  for (const [id, text] of Object.entries(snippets)) {
    const code = document.getElementById(id);
    if (code.textContent !== text) {
      code.textContent = text;
      const copied = document.querySelector(`[data-copied="${id}"]`);
      if (copied) copied.textContent = '';
    }
  }
}

form.addEventListener('input', (event) => {
  const { element } = chosen();
  if (event.target === field('element')) fitFields(element);
  else if (event.target === field('symbols') && element.symbolsAttribute === 'symbols')
    lastList = field('symbols').value;
  update({ typing: event.target instanceof HTMLInputElement });
});
form.addEventListener('change', () => update());
form.addEventListener('submit', (event) => event.preventDefault());

/** Each snippet's pending clearing of its "Copied". */
const copiedTimers = new Map();

for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const id = button.dataset.copy;
    const code = document.getElementById(id);
    const copied = document.querySelector(`[data-copied="${id}"]`);
    if (!code || !copied) return;
    clearTimeout(copiedTimers.get(id));
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      copied.textContent = 'Copied';
      // Cleared after a while, so a second copy says so again.
      copiedTimers.set(
        id,
        setTimeout(() => {
          copied.textContent = '';
        }, 4000),
      );
    } catch {
      // No clipboard (permission refused, an insecure origin): select the text for the reader.
      getSelection()?.selectAllChildren(code);
      copied.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy';
    }
  });
}

/** The fields the page's address keeps, so a choice can be bookmarked or sent to a colleague. */
const KEPT = [
  'element',
  'symbols',
  'top',
  'to',
  'amount',
  'currency',
  'range',
  'layout',
  'type',
  'scale',
  'show',
  'theme',
  'locale',
  'width',
];

/** Sets the form from the address (`?element=live-chart&theme=dark`); a value not offered is ignored. */
function restore() {
  const params = new URLSearchParams(location.search);
  for (const name of ['element', ...KEPT.filter((kept) => kept !== 'element')]) {
    const value = params.get(name);
    if (value === null) continue;
    const control = field(name);
    if (control instanceof HTMLInputElement) {
      control.value = value;
      if (name === 'symbols') lastList = value;
    } else if ([...control.options].some((option) => option.value === value)) {
      control.value = value;
    }
    // Layouts are filled for the element: fit them before the layout is read.
    if (name === 'element') fitFields(chosen().element);
  }
}

/** Writes the form's choices into the address, in place (no new history entry per keystroke). */
function remember() {
  const params = new URLSearchParams();
  for (const name of KEPT) {
    const control = field(name);
    if (control.value && !control.closest('[hidden]')) params.set(name, control.value);
  }
  history.replaceState(null, '', `?${params}`);
}

fitFields(chosen().element);
restore();
fitFields(chosen().element);
update();

fetch('v1/symbols')
  .then((response) => (response.ok ? response.json() : undefined))
  .then((answer) => {
    if (!Array.isArray(answer?.symbols)) return;
    // Every pair the relay lists, as suggestions while typing (its own symbols until then).
    const listed = answer.symbols.filter((symbol) => typeof symbol === 'string');
    listedAssets = new Set(listed.map((symbol) => symbol.split(/[/@]/)[0].toUpperCase()));
    const options = listed.map((symbol) => {
      const option = document.createElement('option');
      option.value = symbol;
      return option;
    });
    document.getElementById('symbol-list').replaceChildren(...options);
    hintSymbols(chosen().element);
    hintTo(chosen().element);
  })
  .catch(() => {
    // The listing is a courtesy: the relay's own symbols are suggested already.
  });
