import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { machine } from './support.js';

/**
 * `npm run bench` writes docs/benchmarks.md itself: each part's figures, exactly as printed,
 * under the date, commit and machine they were measured on. A run of some parts
 * (`BENCH_ONLY`) replaces those parts' sections and keeps the others, each with its own date,
 * so no figure in the document was ever copied by hand. `BENCH_DOCUMENT` writes elsewhere (a test).
 */
const DOCUMENT =
  process.env.BENCH_DOCUMENT ?? fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));

const INTRO = `# Benchmarks

Written by \`npm run bench\`, which builds, prints these figures and asserts nothing; each
section says when, on which commit and on which machine it was measured, with the load
generator on the same machine. Do not edit the sections by hand: run the bench.

\`BENCH_CLIENTS\` picks the fan-out sizes (\`1000,5000,10000\` by default); \`BENCH_ONLY=faults,render\`
runs only those parts and rewrites only their sections (\`size\`, \`fanout\`, \`capacity\`,
\`upstream\`, \`markets\`, \`redis\`, \`fleet\`, \`forget\`, \`quotes\`, \`render\`, \`heatmap\`, \`first\`, \`faults\`, \`candles\`,
\`streaming\`, \`drawn\`). \`BENCH_DRAWN_READERS\` (\`1000,10000\`) and \`BENCH_DRAWN_SECONDS\` (\`20\`) size the
\`drawn\` part: readers attached while Chromium draws, and seconds measured at each count.
Deliveries are counted over a 10 s window, so a tick on its edge counts in part. The rendering,
first-price, Redis and fleet parts need Chromium, \`redis-server\` and nginx (see
[CONTRIBUTING.md](../CONTRIBUTING.md)). What the code looked like before the changes these
figures justify is in [performance-history.md](performance-history.md).
`;

const begin = (part: string) => `<!-- bench:${part} -->`;
const end = (part: string) => `<!-- /bench:${part} -->`;

/** Runs `measure`, printing as it goes and keeping what it printed as part `part`'s figures. */
export async function recordPart(
  part: string,
  measure: () => Promise<void>,
  sections: Map<string, string>,
): Promise<void> {
  const printed: string[] = [];
  const began = stamp();
  const print = console.log;
  console.log = (...args: unknown[]) => {
    print(...args);
    printed.push(format(...args));
  };
  try {
    await measure();
  } finally {
    console.log = print;
  }
  sections.set(part, `${begin(part)}\n${asMarkdown(printed.join('\n'), began)}\n${end(part)}`);
}

/** Headings the bench printed (`## …`) become the document's; the figures under them stay verbatim. */
function asMarkdown(printed: string, stamped: string): string {
  const blocks = printed
    .split(/^(?=## )/m)
    .map((block) => block.trim())
    .filter(Boolean);
  return blocks
    .map((block, index) => {
      const [first = '', ...rest] = block.split('\n');
      const heading = first.startsWith('## ') ? first.replace(/ \(\d+ cores \(.*\)$/, '') : '';
      const figures = (heading ? rest : [first, ...rest]).join('\n').trim();
      const lines = [
        heading,
        index === 0 ? `_${stamped}_` : '',
        figures && `\`\`\`\n${figures}\n\`\`\``,
      ];
      return lines.filter(Boolean).join('\n\n');
    })
    .join('\n\n');
}

/** Writes the document: the parts measured now, and every other part as it was. */
export function writeDocument(parts: readonly string[], fresh: Map<string, string>): void {
  const before = existsSync(DOCUMENT) ? readFileSync(DOCUMENT, 'utf8') : '';
  const sections = parts
    .map((part) => fresh.get(part) ?? sectionIn(before, part))
    .filter((section): section is string => section !== undefined);
  writeFileSync(DOCUMENT, `${INTRO}\n${sections.join('\n\n')}\n`);
  console.log(`\nwrote ${fresh.size} of ${parts.length} parts into ${DOCUMENT}`);
}

function sectionIn(document: string, part: string): string | undefined {
  const from = document.indexOf(begin(part));
  const to = document.indexOf(end(part));
  return from >= 0 && to > from ? document.slice(from, to + end(part).length) : undefined;
}

function stamp(): string {
  const date = new Date().toISOString().slice(0, 10);
  // Other work on the machine moves every figure: the load when the part began says how much.
  const load = loadavg()[0]!.toFixed(1);
  return `Measured ${date} on commit ${commit()}: ${machine()}, Linux ${release()}, load average ${load} as it began.`;
}

function commit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${hash} with uncommitted changes` : hash;
  } catch {
    return 'unknown (not a git checkout)';
  }
}
