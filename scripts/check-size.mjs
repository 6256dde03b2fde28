// Byte budgets of the widget bundle, checked by `npm test` after the build (gzip, as the relay serves it).
// The card path is everything a page with only <price-card> loads: widgets.js and its static imports.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../packages/widgets/dist/', import.meta.url);
// The card path: Lit, the RxJS the feed uses (`Observable`, not `Subject`'s machinery), the
// feed and the card; the page announcer, what only other elements use, the headless feed's
// code, the "is this a relay?" check, symbol suggestions and the page's colour scheme load
// later. Raised from 15 KiB by what every element now does for a page (its state and price
// events, a relay set late, a relay URL without a scheme named as such, following the page's
// theme), then to 16 KiB by the feed's injectable clock (its exact tests: 64 B), the
// converter's lazy entry (33 B) and the elements' read-only state (25 B), while the card's
// sparkline code left for a chunk of its own; then to 16.5 KiB by a relay that cannot be read
// said in the reader's language (the English of those sentences now lives in the card's
// words, 175 B), a converter's and a table's entries in the loader (80 B) and a streaming
// source's transport in the parser; a refused symbol's reason is read by its code (the
// protocol's `Refusal`, 160 B in the parser; the words and the code that says them load
// only when a card has one, 90 B to ask for them); then to 16.6 KiB by one home for two rules
// the card shares with other elements, where it had copies of its own (a reader's text isolated
// in a sentence, slashes joined; which symbols may have a price: 44 B). The figure
// `npm run size` prints is the one to bring back under 15.
const BUDGETS_KIB = { 'card path': 16.6, 'chart chunk': 60 };

const gzipKib = (file) => gzipSync(readFileSync(new URL(file, DIST))).length / 1024;

/** widgets.js and every module it imports statically (not the chunks it loads on demand). */
function staticClosure(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(new URL(entry, DIST), 'utf8');
  for (const [, file] of code.matchAll(
    /(?:^|[;}\s])(?:import|export)[^'"()]*?from\s*["']\.\/([^"']+)["']|(?:^|[;}\s])import\s*["']\.\/([^"']+)["']/g,
  )) {
    if (file) staticClosure(file, seen);
  }
  return seen;
}

const cardFiles = [...staticClosure('widgets.js')];
const chart = readdirSync(DIST).find(
  (name) => name.startsWith('chart-renderer-') && name.endsWith('.js'),
);
const sizes = {
  'card path': cardFiles.reduce((sum, file) => sum + gzipKib(file), 0),
  'chart chunk': chart ? gzipKib(chart) : Number.POSITIVE_INFINITY,
};
let over = false;
for (const [name, kib] of Object.entries(sizes)) {
  const budget = BUDGETS_KIB[name];
  const verdict = kib <= budget ? 'ok' : 'OVER BUDGET';
  if (kib > budget) over = true;
  console.log(
    `${name.padEnd(12)} ${kib.toFixed(1).padStart(6)} KiB gzip  (budget ${budget} KiB)  ${verdict}`,
  );
}
console.log(`card path files: ${cardFiles.join(', ')}`);
process.exit(over ? 1 : 0);
