import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { ELEMENT_ATTRIBUTES, ELEMENT_TAGS } from '../../widgets/src/allowlist.js';
import { SHOW_TOKENS } from '../../widgets/src/internal/asset-names.js';
import { CATALOG_CODES } from '../../widgets/src/internal/messages/catalogs.js';
import {
  BUILDER_ELEMENTS,
  BUILDER_LOCALES,
  BUILDER_SHOW,
  BUILDER_THEMES,
  BUILDER_WIDTHS_PX,
  DEFAULT_RANGE,
} from '../src/http/builder-catalog.js';
import type { Relay } from '../src/relay.js';
import { startTestRelay } from './support/relay.js';

/** fetch() rewrites Host; node:http sends it as given. */
const rawGet = (url: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(url, { headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );

describe('the embed builder page (/builder)', () => {
  let relay: Relay;
  before(async () => {
    relay = await startTestRelay({ env: { CURRENCIES: 'USD,EUR' } });
  });
  after(() => relay.stop());

  test('is HTML under the demo page’s strict CSP and the common safety headers', async () => {
    const { status, headers, body } = await rawGet(`${relay.url}/builder`, {
      Host: 'relay.example:8080',
    });
    assert.equal(status, 200);
    assert.match(String(headers['content-type']), /^text\/html/);
    const csp = String(headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['referrer-policy'], 'no-referrer');
    assert.ok(headers['x-request-id']);
    assert.equal(headers['cache-control'], 'no-cache');
    // Relative links (the page works under a mount path), absolute URLs for the snippets.
    assert.match(body, /<script type="module" src="widgets\.js"><\/script>/);
    assert.match(body, /<script type="module" src="builder\.js"><\/script>/);
    assert.match(body, /"base":"http:\/\/relay\.example:8080\/"/);
    for (const { tag } of BUILDER_ELEMENTS) assert.ok(body.includes(`value="${tag}"`), tag);
    assert.match(body, /<option value="EUR">EUR<\/option>/);
    assert.match(body, /<option value="de">German \(de\)<\/option>/);
    for (const id of [
      'element',
      'symbols',
      'currency',
      'range',
      'layout',
      'type',
      'scale',
      'top',
      'to',
      'amount',
      'show',
      'theme',
      'locale',
      'width',
    ])
      assert.match(body, new RegExp(`<label for="${id}"`), `a label for #${id}`);
  });

  test('a hostile Host header is text in the page’s data, never markup', async () => {
    const { status, body } = await rawGet(`${relay.url}/builder`, {
      Host: 'evil"></script><img src=x onerror=alert(1)>',
    });
    assert.equal(status, 200);
    assert.match(body, /evil\\">\\u003c\/script>\\u003cimg/, 'in the data, escaped');
    assert.doesNotMatch(body, /<\/script><img/);
    assert.doesNotMatch(body, /<img src=x/);
  });

  test('its script and styles are served; /builder/ goes to /builder', async () => {
    for (const path of ['builder.js', 'builder.css', 'demo.css']) {
      const response = await fetch(`${relay.url}/${path}`);
      assert.equal(response.status, 200, path);
    }
    const slash = await fetch(`${relay.url}/builder/?x=1`, { redirect: 'manual' });
    assert.equal(slash.status, 308);
    assert.equal(slash.headers.get('location'), '/builder?x=1');
  });

  test('the demo page links to it', async () => {
    const page = await (await fetch(`${relay.url}/`)).text();
    assert.match(page, /<a href="builder">/);
  });
});

describe('the builder’s catalog', () => {
  const manifest = JSON.parse(
    readFileSync(new URL('../../widgets/custom-elements.json', import.meta.url), 'utf8'),
  ) as {
    modules: {
      declarations?: {
        tagName?: string;
        attributes?: { name: string; type?: { text: string }; default?: string }[];
      }[];
    }[];
  };
  const attribute = (tag: string, name: string) =>
    manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === tag)
      ?.attributes?.find((candidate) => candidate.name === name);
  const literals = (text = '') => [...text.matchAll(/'([^']*)'/g)].map(([, value]) => value);

  test('offers every element the bundle defines, with its allowlist', () => {
    assert.deepEqual(BUILDER_ELEMENTS.map(({ tag }) => tag).sort(), [...ELEMENT_TAGS].sort());
    for (const { tag, allowlist, symbolsAttribute } of BUILDER_ELEMENTS) {
      if (symbolsAttribute) assert.ok(allowlist.includes(symbolsAttribute), tag);
      // ELEMENT_ATTRIBUTES' lists are typed per tag; compared here as strings.
      const allowed: readonly string[] = ELEMENT_ATTRIBUTES[tag as keyof typeof ELEMENT_ATTRIBUTES];
      assert.deepEqual(allowlist, allowed, tag);
    }
  });

  test('ranges, layouts and themes are the elements’ own', () => {
    for (const { tag, ranges, layouts } of BUILDER_ELEMENTS) {
      assert.deepEqual(ranges, literals(attribute(tag, 'range')?.type?.text), `${tag} range`);
      const layout = attribute(tag, 'layout');
      assert.deepEqual([...layouts].sort(), literals(layout?.type?.text).sort(), `${tag} layout`);
      if (layout) assert.equal(`'${layouts[0]}'`, layout.default, `${tag}: the default first`);
      assert.deepEqual(literals(attribute(tag, 'theme')?.type?.text), [...BUILDER_THEMES], tag);
    }
    assert.equal(`'${DEFAULT_RANGE}'`, attribute('live-chart', 'range')?.default);
  });

  test('chart types and scales are the chart’s own, the default first', () => {
    for (const { tag, types, scales } of BUILDER_ELEMENTS) {
      for (const [name, values] of [
        ['type', types],
        ['scale', scales],
      ] as const) {
        const declared = attribute(tag, name);
        assert.deepEqual(
          [...values].sort(),
          literals(declared?.type?.text).sort(),
          `${tag} ${name}`,
        );
        if (declared) assert.equal(`'${values[0]}'`, declared.default, `${tag}: the default first`);
      }
    }
  });

  test('show offers none, each token the elements take, and all of them', () => {
    assert.deepEqual(BUILDER_SHOW, ['', ...SHOW_TOKENS, SHOW_TOKENS.join(',')]);
  });

  test('every width is a class of tickwire.css, so a snippet needs no <style> rule', () => {
    const css = readFileSync(new URL('../../widgets/public/tickwire.css', import.meta.url), 'utf8');
    for (const width of BUILDER_WIDTHS_PX)
      assert.match(
        css,
        new RegExp(
          `\\.tickwire-width-${width} \\{\\s*width: ${width}px;\\s*max-width: 100%;\\s*\\}`,
        ),
      );
  });

  test('languages are the message catalogs’, English included', () => {
    assert.deepEqual([...BUILDER_LOCALES].sort(), ['en', ...CATALOG_CODES].sort());
  });
});
