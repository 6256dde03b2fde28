import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ELEMENT_ATTRIBUTES } from '../packages/widgets/src/allowlist.js';

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  events?: { name: string }[];
}

/** The elements `custom-elements.json` describes, by tag. */
function manifestElements(): Map<string | undefined, Declaration> {
  const manifest = JSON.parse(
    readFileSync(new URL('../packages/widgets/custom-elements.json', import.meta.url), 'utf8'),
  ) as { modules: { declarations?: Declaration[] }[] };
  return new Map(
    manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((declaration) => [declaration.tagName, declaration]),
  );
}

test('custom-elements.json documents every element: attributes, parts, custom properties, events', () => {
  const elements = manifestElements();
  assert.deepEqual([...elements.keys()].sort(), [
    'live-chart',
    'market-feed',
    'market-table',
    'price-card',
    'price-converter',
    'price-heatmap',
    'price-ticker',
    'stream-controls',
  ]);
  for (const [tag, element] of elements) {
    const attributes = element.attributes?.map((attribute) => attribute.name) ?? [];
    for (const common of ['relay', 'currency', 'source', 'locale', 'theme', 'state'])
      assert.ok(attributes.includes(common), `${tag} documents ${common}`);
    assert.ok((element.cssParts?.length ?? 0) >= 4, `${tag} documents its parts`);
    assert.ok(
      element.cssProperties?.some((property) => property.name === '--tickwire-bg'),
      `${tag} documents its custom properties`,
    );
    const events = element.events?.map((event) => event.name) ?? [];
    for (const common of ['tickwire-state-change', 'tickwire-quotes'])
      assert.ok(events.includes(common), `${tag} documents ${common}`);
  }
  assert.deepEqual(
    elements
      .get('stream-controls')
      ?.events?.map((event) => event.name)
      .sort(),
    [
      'tickwire-pause',
      'tickwire-quotes',
      'tickwire-refresh-change',
      'tickwire-resume',
      'tickwire-source-change',
      'tickwire-state-change',
    ],
  );
});

test('the CMS sanitizer allowlist names every attribute an author sets, and nothing else', () => {
  const fromManifest = Object.fromEntries(
    [...manifestElements()].map(([tag, element]) => [
      tag,
      (element.attributes ?? [])
        .map((attribute) => attribute.name)
        .filter((name) => name !== 'state')
        .sort(),
    ]),
  );
  const allowed = Object.fromEntries(
    Object.entries(ELEMENT_ATTRIBUTES).map(([tag, names]) => [tag, [...names].sort()]),
  );
  assert.deepEqual(allowed, fromManifest);
});
