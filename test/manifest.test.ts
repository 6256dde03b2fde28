import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  events?: { name: string }[];
}

test('custom-elements.json documents every element: attributes, parts, custom properties, events', () => {
  const manifest = JSON.parse(
    readFileSync(new URL('../packages/widgets/custom-elements.json', import.meta.url), 'utf8'),
  ) as { modules: { declarations?: Declaration[] }[] };
  const elements = new Map(
    manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((declaration) => [declaration.tagName, declaration]),
  );
  assert.deepEqual([...elements.keys()].sort(), [
    'live-chart',
    'market-feed',
    'price-card',
    'price-ticker',
    'stream-controls',
  ]);
  for (const [tag, element] of elements) {
    const attributes = element.attributes?.map((attribute) => attribute.name) ?? [];
    for (const common of ['relay', 'locale', 'theme', 'state'])
      assert.ok(attributes.includes(common), `${tag} documents ${common}`);
    assert.ok((element.cssParts?.length ?? 0) >= 4, `${tag} documents its parts`);
    assert.ok(
      element.cssProperties?.some((property) => property.name === '--tickwire-bg'),
      `${tag} documents its custom properties`,
    );
  }
  assert.deepEqual(
    elements
      .get('stream-controls')
      ?.events?.map((event) => event.name)
      .sort(),
    ['tickwire-pause', 'tickwire-refresh-change', 'tickwire-resume'],
  );
});
