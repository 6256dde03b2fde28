import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ourVersions,
  strictTsconfig,
  type ThrowawayApp,
  throwawayApp,
} from './support/throwaway-app.js';

/** Pinned, so this test meets one Svelte and one svelte-check, not whatever is newest that day. */
const SVELTE_VERSION = '5.60.1';
const SVELTE_CHECK_VERSION = '4.7.9';

/** The elements as a Svelte 5 author writes them: attributes, a number, a property, events. */
const GOOD_SVELTE = `<script lang="ts">
  let symbol = $state('BTC');
  const paused: string[] = [];
</script>

<price-card {symbol} announce-every={30} theme="dark" locale="en-US"></price-card>
<live-chart symbols="BTC,ETH" range="7d" type="area" scale="percent"
  ontickwire-range-change={(event) => console.info(event.detail.range)}></live-chart>
<price-ticker symbols="BTC,ETH" layout="tape"></price-ticker>
<market-feed symbols="BTC" limit={20} threshold="0.5"></market-feed>
<stream-controls relay="https://relay.example.com/"
  ontickwire-pause={(event) => paused.push(event.type)}
  ontickwire-refresh-change={(event) => console.info(event.detail.intervalMs)}></stream-controls>
`;

/**
 * Each mistake a reader makes, in a file of its own, and what svelte-check must name. Markup is
 * type-checked in TypeScript components (\`lang="ts"\`); a plain JavaScript one is not checked.
 */
const MISTAKES = {
  'BadRange.svelte': ['<live-chart symbols="BTC" range="bogus"></live-chart>', 'bogus'],
  'Misspelt.svelte': ['<price-card symbl="BTC"></price-card>', 'symbl'],
  'BadLimit.svelte': [
    '<market-feed symbols="BTC" limit="not a number"></market-feed>',
    'not a number',
  ],
} as const;

/**
 * The widgets' Svelte typings (`@tickwire/widgets/svelte`, generated from
 * custom-elements.json) in a fresh Svelte 5 app from the packed tarballs: svelte-check passes
 * a file that uses every element as documented, and fails a wrong range, a misspelt attribute
 * and a limit that is not a number, each in its own file.
 */
describe('the widgets in Svelte 5: svelte-check knows the tags', { timeout: 240_000 }, () => {
  let app: ThrowawayApp;
  /** svelte-check's errors (machine output), by file. */
  let errors: Map<string, string[]>;

  before(async () => {
    app = await throwawayApp({
      name: 'svelte-app',
      packages: ['protocol', 'widgets'],
      devDependencies: {
        ...(await ourVersions('typescript')),
        svelte: SVELTE_VERSION,
        'svelte-check': SVELTE_CHECK_VERSION,
      },
      files: {
        'tsconfig.json': JSON.stringify({
          ...JSON.parse(strictTsconfig({ types: [], verbatimModuleSyntax: true })),
          include: ['src/**/*.ts', 'src/**/*.svelte'],
        }),
        'src/app.d.ts': '/// <reference types="@tickwire/widgets/svelte" />\n',
        'src/Good.svelte': GOOD_SVELTE,
        ...Object.fromEntries(
          Object.entries(MISTAKES).map(([file, [markup]]) => [
            `src/${file}`,
            `<script lang="ts"></script>\n${markup}\n`,
          ]),
        ),
      },
    });
    // svelte-check exits 1 on errors: read its machine output either way.
    const output = await app
      .exec('svelte-check', '--output', 'machine', '--tsconfig', './tsconfig.json')
      .then(({ stdout }) => stdout)
      .catch((error: Error) => error.message);
    errors = new Map();
    for (const line of output.split('\n')) {
      const match = /^\d+ ERROR "([^"]+)" (.*)$/.exec(line);
      if (!match) continue;
      const file = match[1]!.replace(/^src\//, '');
      errors.set(file, [...(errors.get(file) ?? []), match[2]!]);
    }
  });
  after(() => app?.remove());

  test('a file that uses every element as documented passes', () => {
    assert.deepEqual(errors.get('Good.svelte') ?? [], []);
    assert.deepEqual(
      [...errors.keys()].filter((file) => !(file in MISTAKES)),
      [],
      'no errors outside the three mistakes',
    );
  });

  for (const [file, [markup, named]] of Object.entries(MISTAKES)) {
    test(`fails ${markup}`, () => {
      const found = errors.get(file) ?? [];
      assert.equal(found.length, 1, `one error in ${file}: ${found.join(' | ')}`);
      assert.ok(found[0]!.includes(named), `${found[0]} names ${named}`);
    });
  }
});
