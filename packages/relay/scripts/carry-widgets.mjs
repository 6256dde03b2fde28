// Copies the built widget bundles (widgets.js, widgets.iife.js and their chunks) into
// dist/widgets/, so the relay's package serves them without the widgets package installed.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const from = join(dirname(require.resolve('@tickwire/widgets/package.json')), 'dist');
const to = new URL('../dist/widgets/', import.meta.url);
if (!existsSync(join(from, 'widgets.js'))) {
  console.error('carry-widgets: the widgets are not built (npm run build -w @tickwire/widgets)');
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
for (const file of readdirSync(from)) {
  if (file.endsWith('.js')) cpSync(join(from, file), new URL(file, to));
}
