// Prints the README's configuration table from the relay's config keys (`npm run config-table`),
// or with `--write` replaces the table in README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { configTable } from '../packages/relay/src/config-table.js';

const table = configTable();
if (process.argv.includes('--write')) {
  const readme = new URL('../README.md', import.meta.url);
  const lines = readFileSync(readme, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('| key | default |'));
  if (start < 0) throw new Error('README.md has no configuration table to replace');
  let end = start;
  while (end < lines.length && lines[end]!.startsWith('|')) end++;
  lines.splice(start, end - start, ...table.split('\n'));
  writeFileSync(readme, lines.join('\n'));
} else {
  process.stdout.write(`${table}\n`);
}
