import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import CleanCSS from 'clean-css';
import type { CSSResult } from 'lit';

// A browser drops a rule it cannot parse without a word, and the build's minifier only warns
// and ships the sheet unminified: a stray brace cost the chart's legend its bold symbols from
// the day it landed. Every element's stylesheet must parse whole.
const SOURCES = new URL('../packages/widgets/src/', import.meta.url);
const sheets = readdirSync(SOURCES, { recursive: true, encoding: 'utf8' }).filter((path) =>
  path.endsWith('.styles.ts'),
);

test('every element stylesheet parses without a dropped rule', async () => {
  assert.ok(sheets.length >= 6, `found the stylesheets: ${sheets.join(', ')}`);
  for (const path of sheets) {
    const module = (await import(new URL(path, SOURCES).href)) as Record<string, CSSResult>;
    for (const [name, sheet] of Object.entries(module)) {
      const { errors, warnings } = new CleanCSS({ level: 1 }).minify(sheet.cssText);
      assert.deepEqual([...errors, ...warnings], [], `${path}: ${name}`);
    }
  }
});
