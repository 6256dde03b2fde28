import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';

/**
 * Every entry of every package imports where apps and server renderers import it: in Node,
 * with no DOM (browser globals are touched only when an element connects). Each import runs
 * in a fresh process, so one entry's globals cannot hide another's.
 */
const run = promisify(execFile);
const ROOT = new URL('../', import.meta.url);

/** Runs `source` as an ES module in a fresh Node (this test's), from the repository's root. */
const node = (source: string) =>
  run(process.execPath, ['--input-type=module', '-e', source], { cwd: ROOT, timeout: 60_000 });

/** The package's exported JavaScript entries, as an app names them. */
function entries(folder: string): string[] {
  const manifest = JSON.parse(
    readFileSync(new URL(`packages/${folder}/package.json`, ROOT), 'utf8'),
  ) as { name: string; exports: Record<string, unknown> };
  // JavaScript only: a stylesheet or JSON entry is for bundlers, not `import`.
  return Object.keys(manifest.exports)
    .filter((key) => !key.endsWith('.json') && !key.endsWith('.css'))
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
}

describe('every package entry imports in Node, with no DOM', () => {
  for (const folder of ['protocol', 'widgets', 'react', 'relay']) {
    for (const entry of entries(folder)) {
      test(`import '${entry}'`, async () => {
        const { stdout } = await node(
          `const module = await import('${entry}'); console.log(Object.keys(module).length);`,
        );
        assert.match(stdout, /^\d+\n$/);
      });
    }
  }
});
