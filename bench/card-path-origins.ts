// What the card path's bytes are made of: each origin's share of the minified `widgets.js`
// (from its source map), and what its bytes cost gzipped — the chunk gzipped with them and
// without them — so a change can be weighed by what it adds to every page.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { kib } from './support.js';

const ORIGINS: [name: string, pattern: RegExp][] = [
  ['Lit', /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//],
  ['RxJS', /node_modules\/rxjs\//],
  ['@tickwire/protocol', /\/protocol\//],
  ['the feed', /\/src\/feed\//],
  ['the price card', /\/src\/(elements\/price-card\/|price-card\.ts)/],
  ['shared styles, formatting, symbols', /\/src\/internal\//],
];

export function cardPathOrigins(dist: string): void {
  // The card path is one file: the entry, with Lit, RxJS, the feed and the card in it.
  const core = 'widgets.js';
  if (!existsSync(`${dist}${core}`)) throw new Error('no widgets.js: run the build first');
  const code = readFileSync(`${dist}${core}`, 'utf8');
  const lines = code.split('\n');
  const spans = new Map<string, [line: number, start: number, end: number][]>();
  const mappings: { line: number; column: number; source: string | null }[] = [];
  new SourceMapConsumer(JSON.parse(readFileSync(`${dist}${core}.map`, 'utf8'))).eachMapping((m) =>
    mappings.push({ line: m.generatedLine - 1, column: m.generatedColumn, source: m.source }),
  );
  // Each mapping owns the code up to the next one on its line.
  mappings.forEach(({ line, column, source }, index) => {
    const next = mappings[index + 1];
    const end = next?.line === line ? next.column : (lines[line]?.length ?? column);
    const origin = ORIGINS.find(([, pattern]) => pattern.test(source ?? ''))?.[0] ?? 'other';
    if (!spans.has(origin)) spans.set(origin, []);
    spans.get(origin)!.push([line, column, end]);
  });
  const whole = gzipSync(code).length;
  console.log(
    `card path (widgets.js), ${kib(code.length)} minified, ${kib(whole)} gzip, by origin:`,
  );
  const bytesOf = (owned: [number, number, number][]) =>
    owned.reduce((sum, [, start, end]) => sum + end - start, 0);
  const bySize = [...spans].sort(([, a], [, b]) => bytesOf(b) - bytesOf(a));
  for (const [origin, owned] of bySize) {
    const without = lines.map((text, line) => {
      const cut = owned.filter(([at]) => at === line).sort((a, b) => b[1] - a[1]);
      return cut.reduce((rest, [, start, end]) => rest.slice(0, start) + rest.slice(end), text);
    });
    const minified = bytesOf(owned);
    const gzipCost = whole - gzipSync(without.join('\n')).length;
    console.log(
      `  ${origin.padEnd(36)} ${kib(minified).padStart(9)} minified  ${kib(gzipCost).padStart(9)} gzip`,
    );
  }
}
