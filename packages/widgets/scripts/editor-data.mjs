// Writes the editors' data from custom-elements.json, so HTML files get the tags, their
// attributes (with their values where they are a closed set) and descriptions:
// lib/html-custom-data.json for VS Code (its `html.customData` setting) and lib/web-types.json
// for JetBrains IDEs (the package's `web-types` field). Run by the build after the manifest.
import { readFileSync, writeFileSync } from 'node:fs';

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const manifest = read('../custom-elements.json');
const { name, version } = read('../package.json');
const out = (file, data) =>
  writeFileSync(new URL(`../lib/${file}`, import.meta.url), `${JSON.stringify(data, null, 2)}\n`);

const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName);

/** The attributes an author writes (`state` is the element's to set, so it is left out). */
const attributesOf = (element) =>
  (element.attributes ?? []).filter((attribute) => attribute.name !== 'state');

/** The values of a closed set of string literals (`'line' | 'area'`), else none. */
function valuesOf(typeText = '') {
  const parts = typeText.split('|').map((part) => part.trim());
  const literals = parts.filter((part) => /^'[^']*'$/.test(part)).map((part) => part.slice(1, -1));
  return literals.length > 0 && literals.length === parts.length ? literals : undefined;
}

/** A description with its default, as an editor shows it in a hover. */
const described = (item) =>
  [item.description, item.default === undefined ? '' : `Default: \`${item.default}\`.`]
    .filter(Boolean)
    .join('\n\n');

out('html-custom-data.json', {
  version: 1.1,
  tags: elements.map((element) => ({
    name: element.tagName,
    description: [element.summary, element.description].filter(Boolean).join('\n\n'),
    attributes: attributesOf(element).map((attribute) => {
      const values = valuesOf(attribute.type?.text);
      return {
        name: attribute.name,
        description: described(attribute),
        ...(values ? { values: values.map((value) => ({ name: value })) } : {}),
      };
    }),
  })),
});

out('web-types.json', {
  $schema: 'https://json.schemastore.org/web-types',
  name,
  version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((element) => ({
        name: element.tagName,
        description: [element.summary, element.description].filter(Boolean).join('\n\n'),
        source: { module: `${name}/${element.tagName}.js`, symbol: element.name },
        attributes: attributesOf(element).map((attribute) => ({
          name: attribute.name,
          description: attribute.description,
          ...(attribute.default === undefined ? {} : { default: attribute.default }),
          value: { type: (attribute.type?.text ?? 'string').replace(/\s*\|\s*undefined$/, '') },
        })),
        js: {
          properties: (element.members ?? [])
            .filter((member) => member.kind === 'field')
            .map((member) => ({
              name: member.name,
              description: member.description,
              type: member.type?.text,
              ...(member.readonly ? { 'read-only': true } : {}),
            })),
          events: (element.events ?? []).map((event) => ({
            name: event.name,
            description: event.description,
          })),
        },
        css: {
          parts: (element.cssParts ?? []).map((part) => ({
            name: part.name,
            description: part.description,
          })),
          properties: (element.cssProperties ?? []).map((property) => ({
            name: property.name,
            description: described(property),
          })),
        },
      })),
    },
  },
});
