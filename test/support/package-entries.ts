import { readFileSync } from 'node:fs';

/**
 * A package's exported JavaScript entries, as an app names them (`@tickwire/widgets/feed.js`):
 * a stylesheet, a JSON file or a types-only entry is for bundlers and editors, not `import`.
 */
export function packageEntries(folder: string): string[] {
  const manifest = JSON.parse(
    readFileSync(new URL(`../../packages/${folder}/package.json`, import.meta.url), 'utf8'),
  ) as { name: string; exports: Record<string, unknown> };
  return Object.keys(manifest.exports)
    .filter((key) => !/\.(json|css)$/.test(key))
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
}
