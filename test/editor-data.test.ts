import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { ELEMENT_ATTRIBUTES } from '../packages/widgets/src/allowlist.js';
import { packedFiles } from './support/packed-files.js';

/**
 * Editors learn the tags from the package: VS Code from `html-custom-data.json` (its
 * `html.customData` setting), JetBrains IDEs from `web-types.json` (the package's `web-types`
 * field). Both are generated from `custom-elements.json` at build time and ship in the
 * package; each lists every element with exactly the attributes an author sets.
 */
const WIDGETS = new URL('../packages/widgets/', import.meta.url);
const json = async (path: string) => JSON.parse(await readFile(new URL(path, WIDGETS), 'utf8'));

const expected = Object.fromEntries(
  Object.entries(ELEMENT_ATTRIBUTES).map(([tag, names]) => [tag, [...names].sort()]),
);

interface Named {
  name: string;
  description?: string;
}

test('VS Code custom data: every element, its attributes, the values of closed sets', async () => {
  const data = (await json('lib/html-custom-data.json')) as {
    version: number;
    tags: (Named & { attributes: (Named & { values?: Named[] })[] })[];
  };
  assert.equal(data.version, 1.1);
  assert.deepEqual(
    Object.fromEntries(
      data.tags.map((tag) => [tag.name, tag.attributes.map((attribute) => attribute.name).sort()]),
    ),
    expected,
  );
  for (const tag of data.tags) assert.ok(tag.description, `${tag.name} is described`);
  const chart = data.tags.find((tag) => tag.name === 'live-chart');
  const range = chart?.attributes.find((attribute) => attribute.name === 'range');
  assert.deepEqual(
    range?.values?.map((value) => value.name),
    ['live', '1h', '24h', '7d', '30d', '90d', '1y', 'ytd', 'all'],
  );
  assert.ok(range?.description?.includes("Default: `'24h'`"));
});

test('JetBrains web-types: every element, its attributes, events, parts and custom properties', async () => {
  const pkg = await json('package.json');
  const data = await json(pkg['web-types']);
  assert.equal(data.name, '@tickwire/widgets');
  assert.equal(data.version, pkg.version);
  const elements = data.contributions.html.elements as (Named & {
    source: { module: string; symbol: string };
    attributes: (Named & { value: { type: string } })[];
    js: { events: Named[]; properties: (Named & { 'read-only'?: boolean })[] };
    css: { parts: Named[]; properties: Named[] };
  })[];
  assert.deepEqual(
    Object.fromEntries(
      elements.map((element) => [
        element.name,
        element.attributes.map((attribute) => attribute.name).sort(),
      ]),
    ),
    expected,
  );
  for (const element of elements) {
    assert.ok(pkg.exports[`./${element.source.module.split('/').pop()}`], element.source.module);
    const events = element.js.events.map((event) => event.name);
    assert.ok(events.includes('tickwire-state-change'), `${element.name} fires state changes`);
    assert.ok(element.css.parts.length >= 4, `${element.name} lists its parts`);
    assert.ok(element.css.properties.some((property) => property.name === '--tickwire-bg'));
    const state = element.js.properties.find((property) => property.name === 'state');
    assert.equal(state?.['read-only'], true, `${element.name}'s state is read-only`);
  }
  const limit = elements
    .find((element) => element.name === 'market-feed')
    ?.attributes.find((attribute) => attribute.name === 'limit');
  assert.equal(limit?.value.type, 'number');
});

test('both files ship in the package, and both are exported', async () => {
  const [shipped, pkg] = await Promise.all([packedFiles('widgets'), json('package.json')]);
  for (const file of ['lib/html-custom-data.json', 'lib/web-types.json'])
    assert.ok(shipped.has(file), `${file} is packed`);
  assert.equal(pkg['web-types'], './lib/web-types.json');
  assert.equal(pkg.exports['./html-custom-data.json'], './lib/html-custom-data.json');
  assert.equal(pkg.exports['./web-types.json'], './lib/web-types.json');
});
