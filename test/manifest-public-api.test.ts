import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { packedFiles } from './support/packed-files.js';
import { run, strictTsconfig } from './support/throwaway-app.js';

/**
 * `custom-elements.json` is what editors, Storybook and framework tools read of the package:
 * it names the files that ship and the public API only — the five elements, each under the
 * entry that defines it — and the types say what the manifest says (`state` is read-only; the
 * state and every event's detail are exported from the root). Needs `npm run build` first.
 */
const WIDGETS = fileURLToPath(new URL('../packages/widgets/', import.meta.url));

interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: { name: string; readonly?: boolean }[];
  events?: { name: string; type?: { text: string } }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const manifest = async (): Promise<Manifest> =>
  JSON.parse(await readFile(join(WIDGETS, 'custom-elements.json'), 'utf8'));

test('every path the manifest names is a shipped file, exported as the entry of its element', async () => {
  const [{ modules }, shipped, pkg] = await Promise.all([
    manifest(),
    packedFiles('widgets'),
    readFile(join(WIDGETS, 'package.json'), 'utf8').then(JSON.parse),
  ]);
  const text = JSON.stringify({ modules });
  const named = [...text.matchAll(/"(?:path|module)":"([^"]+)"/g)].map((match) => match[1]!);
  assert.ok(named.length > 0);
  for (const path of named) assert.ok(shipped.has(path), `${path} is in the packed package`);
  assert.doesNotMatch(text, /src\/|\.ts"/, 'no source path');
  assert.doesNotMatch(text, /inheritedFrom|FeedElement/, 'no internal base class');
  for (const module of modules) {
    assert.equal(module.declarations?.length, 1, `${module.path} declares one thing`);
    const [element] = module.declarations!;
    assert.ok(element?.customElement && element.tagName, `${module.path} declares an element`);
    assert.equal(pkg.exports[`./${element.tagName}.js`].default, `./${module.path}`);
  }
  assert.deepEqual(
    modules.map((module) => module.declarations![0]!.tagName),
    [
      'live-chart',
      'market-feed',
      'market-table',
      'price-card',
      'price-converter',
      'price-heatmap',
      'price-ticker',
      'stream-controls',
    ],
  );
});

test('the manifest marks state read-only and types each event by a detail the root exports', async () => {
  const { modules } = await manifest();
  const rootTypes = await readFile(join(WIDGETS, 'lib/index.d.ts'), 'utf8');
  for (const element of modules.flatMap((module) => module.declarations ?? [])) {
    const state = element.members?.find((member) => member.name === 'state');
    assert.equal(state?.readonly, true, `${element.tagName}'s state is read-only`);
    for (const event of element.events ?? []) {
      const detail = /^CustomEvent<(\w+)>$/.exec(event.type?.text ?? '')?.[1];
      assert.ok(detail, `${element.tagName} types ${event.name}`);
      if (detail !== 'undefined')
        assert.match(rootTypes, new RegExp(`\\b${detail}\\b`), `the root exports ${detail}`);
    }
  }
});

/** An app's code against the built types: what it may read, what it may not write. */
const CONSUMER_TS = `
import {
  type ElementState,
  PriceCard,
  type QuotesDetail,
  type RangeChangeDetail,
  type RefreshChangeDetail,
  type SourceChangeDetail,
  type StateChangeDetail,
  type TickwireEventDetails,
} from '@tickwire/widgets';

const card = new PriceCard();
export const state: ElementState = card.state;
// @ts-expect-error the element sets its state; a page only reads it
card.state = 'live';
export const changed: StateChangeDetail = { state: 'stale' };
export const range: RangeChangeDetail = { range: '7d' };
// @ts-expect-error not a range
export const bogus: RangeChangeDetail = { range: 'bogus' };
export const refresh: RefreshChangeDetail = { intervalMs: 0 };
export const source: SourceChangeDetail = { source: undefined };
export const quotes: QuotesDetail['quotes'] = {};
export const onState = (event: CustomEvent<TickwireEventDetails['tickwire-state-change']>) =>
  event.detail.state;
document.addEventListener('tickwire-range-change', (event) => {
  const picked: RangeChangeDetail = event.detail;
  return picked;
});
`;

test('the built types: state is read-only, the state and every event detail come from the root', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'manifest-types-'));
  try {
    await writeFile(join(dir, 'app.ts'), CONSUMER_TS);
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        ...JSON.parse(
          strictTsconfig({
            types: [],
            // The built package, as an app resolves it once installed.
            paths: { '@tickwire/widgets': [join(WIDGETS, 'lib/index.d.ts')] },
          }),
        ),
        include: undefined,
        files: ['app.ts'],
      }),
    );
    const tsc = fileURLToPath(new URL('../node_modules/.bin/tsc', import.meta.url));
    await run(tsc, ['-p', join(dir, 'tsconfig.json')], { cwd: dir, timeout: 60_000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
