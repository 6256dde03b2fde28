// Prints the configuration table from the relay's config keys (`npm run config-table`), or
// with `--write` replaces the table in docs/operating.md, the operators' document.
import { readFileSync, writeFileSync } from 'node:fs';
import { configTable } from '../packages/relay/src/config-table.js';

const table = configTable();
if (process.argv.includes('--write')) {
  const doc = new URL('../docs/operating.md', import.meta.url);
  const lines = readFileSync(doc, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('| key | default |'));
  if (start < 0) throw new Error('docs/operating.md has no configuration table to replace');
  let end = start;
  while (end < lines.length && lines[end]!.startsWith('|')) end++;
  lines.splice(start, end - start, ...table.split('\n'));
  writeFileSync(doc, lines.join('\n'));
} else {
  process.stdout.write(`${table}\n`);
}
