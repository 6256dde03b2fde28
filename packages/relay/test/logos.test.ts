import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkLogo, MAX_LOGO_BYTES, sniffImage } from '../src/assets/image-check.js';
import { escapeXml, monogramSvg } from '../src/assets/monogram.js';
import type { Relay } from '../src/relay.js';
import { CoinGeckoSource } from '../src/sources/coingecko-source.js';
import { startFakeCoinGecko, TINY_PNG } from './support/fake-coingecko.js';
import { FakeMarket } from './support/fake-market.js';
import { type FakeUpstream, RawAnswer } from './support/fake-upstream.js';
import { metricValue, startTestRelay } from './support/relay.js';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const HOSTILE_NAME = '<script>alert(1)</script> & "Co"';

describe('logos served by the relay', () => {
  let coingecko: FakeUpstream;
  let relay: Relay;
  const images = new Map<string, RawAnswer>([
    // A proxy's error page under an image's type.
    [
      'ethereum',
      new RawAnswer('<html><script>alert(1)</script></html>', { 'Content-Type': 'image/png' }),
    ],
    // A PNG's first bytes, then far more than a logo has.
    [
      'solana',
      new RawAnswer(Buffer.concat([TINY_PNG, Buffer.alloc(MAX_LOGO_BYTES + 1)]), {
        'Content-Type': 'image/png',
      }),
    ],
    [
      'cardano',
      new RawAnswer('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', {
        'Content-Type': 'image/svg+xml',
      }),
    ],
    // A JPEG that says it is a PNG.
    ['polkadot', new RawAnswer(JPEG, { 'Content-Type': 'image/png' })],
    ['dogecoin', new RawAnswer('<html></html>', { 'Content-Type': 'text/html' })],
  ]);
  before(async () => {
    coingecko = await startFakeCoinGecko(new FakeMarket(), {
      images,
      names: new Map([['dogecoin', HOSTILE_NAME]]),
    });
    relay = await startTestRelay({
      env: { SOURCES: 'coingecko', SYMBOLS: 'BTC' },
      sources: [
        new CoinGeckoSource({
          apiKey: 'pro:test-key',
          currencies: ['USD', 'EUR', 'BTC'],
          baseUrl: coingecko.url,
        }),
      ],
    });
    // Logos follow facts: a page reads these first.
    await fetch(`${relay.url}/v1/assets?symbols=BTC,ETH,SOL,ADA,DOT,DOGE`);
  });
  after(async () => {
    await relay.stop();
    await coingecko.close();
  });

  const logo = async (asset: string) => {
    const response = await fetch(`${relay.url}/v1/logos/${asset}`);
    return { response, body: Buffer.from(await response.arrayBuffer()) };
  };

  test('an upstream PNG is fetched once, checked and served from the relay with its safety headers', async () => {
    const first = await logo('BTC');
    const second = await logo('BTC');
    assert.equal(first.response.status, 200);
    assert.equal(first.response.headers.get('content-type'), 'image/png');
    assert.deepEqual(first.body, TINY_PNG);
    assert.deepEqual(second.body, TINY_PNG);
    assert.equal(coingecko.callsTo('/coins/images/bitcoin/').length, 1, 'fetched once');
    const headers = first.response.headers;
    assert.equal(headers.get('x-content-type-options'), 'nosniff');
    assert.equal(headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.equal(headers.get('cache-control'), 'public, max-age=86400');
    assert.equal(headers.get('cross-origin-resource-policy'), 'cross-origin');
  });

  for (const [asset, what] of [
    ['ETH', 'HTML sent as image/png'],
    ['SOL', 'an image over the size cap'],
    ['ADA', 'an SVG with a script'],
    ['DOT', 'a JPEG labelled PNG'],
    ['DOGE', 'an HTML page'],
  ] as const) {
    test(`${what} is never passed on: a monogram stands in`, async () => {
      const { response, body } = await logo(asset);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/svg+xml');
      const svg = body.toString();
      // At most three letters fit the circle.
      assert.match(svg, new RegExp(`>${asset.slice(0, 3)}</text>`));
      assert.doesNotMatch(svg, /<script|<html/);
      // Refused once, not fetched on every request.
      const calls = coingecko.calls.filter((call) => call.path.startsWith('/coins/images/')).length;
      await logo(asset);
      assert.equal(
        coingecko.calls.filter((call) => call.path.startsWith('/coins/images/')).length,
        calls,
      );
    });
  }

  test("a name from upstream is text in the monogram's title, escaped", async () => {
    const svg = (await logo('DOGE')).body.toString();
    assert.match(
      svg,
      /<title>&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;Co&quot;<\/title>/,
    );
  });

  test('an asset no facts name gets a monogram, kept briefly while facts may still come', async () => {
    const imageCalls = coingecko.callsTo('/coins/images/').length;
    const { response, body } = await logo('ZZZ');
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
    assert.match(body.toString(), />ZZZ<\/text>/);
    assert.equal(coingecko.callsTo('/coins/images/').length, imageCalls, 'nothing fetched for it');
  });

  test('each image fetched is counted by what became of it', async () => {
    const counted = (outcome: string) =>
      metricValue(relay, 'tickwire_logo_fetches_total', `outcome="${outcome}"`);
    assert.equal(await counted('served'), 1, 'BTC');
    assert.equal(await counted('refused'), 4, 'ETH, ADA, DOT, DOGE');
    assert.equal(await counted('failed'), 1, 'SOL: too large to read');
  });
});

describe('logos of a whole table at once', () => {
  let coingecko: FakeUpstream;
  let relay: Relay;
  before(async () => {
    coingecko = await startFakeCoinGecko(new FakeMarket());
    relay = await startTestRelay({
      env: { SOURCES: 'coingecko', SYMBOLS: 'BTC' },
      sources: [
        new CoinGeckoSource({
          apiKey: 'pro:test-key',
          currencies: ['USD'],
          baseUrl: coingecko.url,
        }),
      ],
    });
  });
  after(async () => {
    await relay.stop();
    await coingecko.close();
  });

  test('are fetched a few at a time, and all served', async () => {
    const { assets } = (await (await fetch(`${relay.url}/v1/assets?top=250`)).json()) as {
      assets: Record<string, unknown>;
    };
    const listed = Object.keys(assets);
    assert.ok(listed.length > 6, `${listed.length} assets`);
    coingecko.faults = [{ path: '/coins/images/', delayMs: 150 }];
    const logos = await Promise.all(
      listed.map(async (asset) =>
        (await fetch(`${relay.url}/v1/logos/${asset}`)).headers.get('content-type'),
      ),
    );
    assert.deepEqual(new Set(logos), new Set(['image/png']));
    assert.equal(coingecko.callsTo('/coins/images/').length, listed.length);
    assert.ok(coingecko.mostAtOnce('/coins/images/') <= 6);
  });
});

describe('logo checks', () => {
  test('magic bytes decide the type; the declared type must agree', () => {
    assert.equal(sniffImage(TINY_PNG), 'image/png');
    assert.equal(sniffImage(JPEG), 'image/jpeg');
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
    assert.equal(sniffImage(webp), 'image/webp');
    assert.equal(sniffImage(Buffer.from('<svg/>')), undefined);
    assert.equal(checkLogo(TINY_PNG, 'image/png; charset=binary'), 'image/png');
    assert.equal(checkLogo(JPEG, 'image/jpg'), 'image/jpeg');
    assert.match(checkLogo(JPEG, 'image/png'), /declared image\/png, but is image\/jpeg/);
    assert.match(checkLogo(TINY_PNG, null), /declared no type/);
    assert.match(checkLogo(Buffer.alloc(0), 'image/png'), /empty/);
  });

  test('a monogram escapes every markup character it is given', () => {
    assert.equal(
      escapeXml(`<a href="x">'&'</a>`),
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
    const svg = monogramSvg('<B>', '"><script>x</script>');
    assert.doesNotMatch(svg, /<script|<B>/);
    assert.match(svg, /&lt;B&gt;<\/text>/);
  });
});
