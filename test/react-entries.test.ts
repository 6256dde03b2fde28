import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ELEMENT_ATTRIBUTES } from '../packages/widgets/src/allowlist.js';

/**
 * `@tickwire/react/<tag>` brings one element: an app of cards loads no chart. Each entry is a
 * client component (`'use client'`), and renders on a server (`react-dom/server`, in Node, no
 * DOM) as the element's tag with its attributes — the HTML a page would write — so the element
 * reads them before any script runs. Each entry runs in a fresh Node. Needs `npm run build`.
 */
const ROOT = new URL('../', import.meta.url);
const run = promisify(execFile);

/** A value for each attribute, as a page sets it; the rest of the common ones are strings. */
const SAMPLE: Record<string, string | number | boolean> = {
  symbol: 'BTC',
  symbols: 'BTC,ETH',
  'announce-every': 30,
  range: '7d',
  type: 'area',
  scale: 'percent',
  ranges: '1h,24h',
  layout: 'tape',
  selected: 'ETH',
  limit: 20,
  threshold: 0.5,
  from: 'ETH',
  to: 'EUR',
  amount: 2.5,
  cross: true,
  top: 20,
  show: 'name,logo',
  relay: 'https://relay.example.com/',
  currency: 'EUR',
  source: 'kraken',
  locale: 'de-DE',
  theme: 'dark',
};
const camel = (name: string) => name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
const pascal = (tag: string) =>
  tag.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase());

describe('@tickwire/react: one entry per element, rendered on the server with its attributes', () => {
  for (const [tag, attributes] of Object.entries(ELEMENT_ATTRIBUTES)) {
    test(`@tickwire/react/${tag}`, async () => {
      const props = Object.fromEntries(attributes.map((name) => [camel(name), SAMPLE[name]]));
      const { stdout } = await run(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `
          import { createElement } from 'react';
          import { renderToString } from 'react-dom/server';
          const entry = await import('@tickwire/react/${tag}');
          const html = renderToString(
            createElement(entry.${pascal(tag)}, { ...${JSON.stringify(props)}, className: 'mine', onTickwireQuotes() {} }),
          );
          const defined = ${JSON.stringify(Object.keys(ELEMENT_ATTRIBUTES))}.filter((tag) => customElements.get(tag));
          console.log(JSON.stringify({ html, defined, url: import.meta.resolve('@tickwire/react/${tag}') }));
          `,
        ],
        { cwd: ROOT, timeout: 60_000 },
      );
      const { html, defined, url } = JSON.parse(stdout) as {
        html: string;
        defined: string[];
        url: string;
      };
      // A boolean attribute is written bare, as HTML has it: `cross=""`.
      const value = (name: string) => (SAMPLE[name] === true ? '' : SAMPLE[name]);
      const expected = attributes.map((name) => `${name}="${value(name)}"`).join(' ');
      assert.equal(html, `<${tag} ${expected} class="mine"></${tag}>`);
      // A ticker's grid is made of cards; nothing else brings another element (or the chart).
      const brought = tag === 'price-ticker' ? ['price-card', tag] : [tag];
      assert.deepEqual(defined.sort(), brought, 'the entry defines its own element and no other');
      const code = await readFile(fileURLToPath(url), 'utf8');
      assert.match(code, /^'use client';/, 'a client component');
    });
  }

  test('@tickwire/react (every element) is a client component too', async () => {
    const code = await readFile(new URL('packages/react/lib/index.js', ROOT), 'utf8');
    assert.match(code, /^'use client';/);
  });
});
