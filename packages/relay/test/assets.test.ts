import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type AssetsAnswer,
  type CandlesAnswer,
  DAY_MS,
  type ErrorAnswer,
  HOUR_MS,
  type QuotesAnswer,
} from '@tickwire/protocol';
import type { Relay } from '../src/relay.js';
import { DemoSource } from '../src/sources/demo.js';
import { startBinanceRelay } from './support/binance-relay.js';
import { startTestRelay } from './support/relay.js';

async function assets(relay: Relay, query: string) {
  const response = await fetch(`${relay.url}/v1/assets?${query}`);
  return { response, body: (await response.json()) as AssetsAnswer & ErrorAnswer };
}

describe('asset facts on the demo market', () => {
  let relay: Relay;
  before(async () => {
    relay = await startTestRelay();
  });
  after(() => relay.stop());

  test('are labelled simulated, named, ranked, with a logo on the relay', async () => {
    const { response, body } = await assets(relay, 'symbols=BTC,ETH');
    assert.equal(response.status, 200);
    assert.equal(body.currency, 'USD');
    assert.deepEqual(body.unknown, []);
    assert.equal(body.pending, undefined);
    const btc = body.assets.BTC!;
    assert.equal(btc.name, 'Bitcoin');
    assert.equal(body.assets.ETH?.name, 'Ethereum');
    assert.equal(btc.logo, '/v1/logos/BTC');
    assert.equal(btc.source, 'demo');
    assert.equal(btc.simulated, true);
    assert.equal(btc.rank, 1);
    for (const field of [
      'marketCap',
      'fullyDilutedValue',
      'circulatingSupply',
      'volume24h',
    ] as const)
      assert.ok((btc[field] ?? 0) > 0, field);
    assert.ok(Number.isFinite(btc.changePct1h) && Number.isFinite(btc.changePct7d));
    // A simulated week, drawn as CoinGecko's is sent: a point every three hours.
    const week = btc.line7d!;
    assert.equal(week.range, '7d');
    assert.equal(week.points.length, 57);
    const [start, end] = [week.points[0]!, week.points.at(-1)!];
    assert.equal(end[0] - start[0], 7 * 86_400_000);
    const change = (end[1] / start[1] - 1) * 100;
    assert.ok(Math.abs(change - btc.changePct7d!) < 0.01, 'the line is the week its 7 d says');
  });

  test('market cap is the circulating supply at the price the stream quotes', async () => {
    const { body } = await assets(relay, 'symbols=ETH');
    const quotes = (await (
      await fetch(`${relay.url}/v1/quotes?symbols=ETH`)
    ).json()) as QuotesAnswer;
    const eth = body.assets.ETH!;
    const price = quotes.quotes.ETH!.price;
    // The price moved between the two reads: a fraction of a percent, not a different figure.
    assert.ok(Math.abs(eth.marketCap! / (eth.circulatingSupply! * price) - 1) < 0.01);
  });

  test('the top by market cap comes in rank order, in the currency asked', async () => {
    const { body } = await assets(relay, 'top=5&currency=eur');
    assert.equal(body.currency, 'EUR');
    const listed = Object.values(body.assets);
    assert.deepEqual(
      listed.map((facts) => facts.rank),
      [1, 2, 3, 4, 5],
    );
    assert.ok(listed.every((facts) => facts.currency === 'EUR' && facts.simulated));
    const usd = (await assets(relay, 'symbols=BTC')).body.assets.BTC!;
    const eur = body.assets.BTC!;
    assert.ok(Math.abs(usd.marketCap! / eur.marketCap! / 1.08 - 1) < 0.01, 'EUR at the demo rate');
  });

  test('an asset the market does not have is named unknown, never given figures', async () => {
    const { body } = await assets(relay, 'symbols=BTC,NOTACOIN');
    assert.deepEqual(body.unknown, ['NOTACOIN']);
    assert.deepEqual(Object.keys(body.assets), ['BTC']);
  });

  test('no symbols: the assets of the default set', async () => {
    const { body } = await assets(relay, '');
    assert.deepEqual(Object.keys(body.assets).sort(), ['ADA', 'BTC', 'DOT', 'ETH', 'SOL']);
  });

  test('the simulation is a function of its seed and the time', async () => {
    const at = Date.parse('2026-03-01T12:00:00Z');
    const read = (seed: number) =>
      new DemoSource({ seed, now: () => at }).fetchFacts({ top: 10 }, 'USD');
    assert.deepEqual(await read(7), await read(7));
    assert.notDeepEqual(await read(7), await read(8));
  });

  test('bad input is a 400 with the error shape, before any work', async () => {
    const cases: [string, string][] = [
      ['symbols=BTC/EUR', 'bad_symbol'],
      ['symbols=B$C', 'bad_symbol'],
      [`symbols=${Array.from({ length: 51 }, (_, i) => `A${i}`).join(',')}`, 'too_many_symbols'],
      ['top=0', 'bad_query'],
      ['top=251', 'bad_query'],
      ['top=ten', 'bad_query'],
      ['top=5&symbols=BTC', 'bad_query'],
      ['currency=JPY', 'unsupported_currency'],
      ['currency=%3Cb%3E', 'unsupported_currency'],
    ];
    for (const [query, code] of cases) {
      const { response, body } = await assets(relay, query);
      assert.equal(response.status, 400, query);
      assert.equal(body.error.code, code, query);
      assert.equal(response.headers.get('cache-control'), null, `${query}: not cached`);
    }
    for (const path of ['b%20c', 'BTC.png', 'A'.repeat(16), '%3Csvg%3E']) {
      const response = await fetch(`${relay.url}/v1/logos/${path}`);
      assert.equal(response.status, 400, path);
      assert.equal(((await response.json()) as ErrorAnswer).error.code, 'bad_symbol');
    }
  });

  test('logos are monograms of the asset on a colour of its own, served as a picture only', async () => {
    const response = await fetch(`${relay.url}/v1/logos/btc`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; sandbox");
    assert.match(response.headers.get('cache-control') ?? '', /^public, max-age=\d+$/);
    const svg = await response.text();
    assert.match(svg, />BTC<\/text>/);
    assert.match(svg, /<title>Bitcoin<\/title>/);
    assert.doesNotMatch(svg, /<script|href|<style|on\w+=/i);
    const eth = await (await fetch(`${relay.url}/v1/logos/ETH`)).text();
    const fill = (text: string) => text.match(/fill="(hsl[^"]+)"/)?.[1];
    assert.notEqual(fill(svg), fill(eth));
  });
});

describe('asset facts without a source that has them (Binance only)', () => {
  let binance: Awaited<ReturnType<typeof startBinanceRelay>>;
  before(async () => {
    binance = await startBinanceRelay();
  });
  after(() => binance.stop());

  test('a listed asset has its name, its logo and a 7-day line from its candles, and no figure', async () => {
    const { response, body } = await assets(binance.relay, 'symbols=BTC,NOTACOIN');
    assert.equal(response.status, 200);
    const { line7d, ...named } = body.assets.BTC!;
    assert.deepEqual(named, {
      asset: 'BTC',
      name: 'Bitcoin',
      logo: '/v1/logos/BTC',
      currency: 'USD',
      source: 'relay',
      t: body.t,
      simulated: false,
    });
    assert.deepEqual(body.unknown, ['NOTACOIN']);
    assert.equal(body.pending, undefined);
    // The week of Binance's hourly candles the relay serves at /v1/candles, a point every
    // three hours as CoinGecko's line is sent, the newest the last candle's close.
    const week = (await (
      await fetch(`${binance.relay.url}/v1/candles?symbol=BTC&range=7d`)
    ).json()) as CandlesAnswer;
    assert.equal(line7d?.range, '7d');
    const times = line7d.points.map(([ms]) => ms);
    for (const ms of times.slice(0, -1)) assert.equal(ms % (3 * HOUR_MS), 0);
    assert.ok(times.at(-1)! - times[0]! > 7 * DAY_MS - 6 * HOUR_MS, 'it spans the week');
    assert.equal(line7d.points.at(-1)![1], week.candles.at(-1)![4]);
    const closes = new Map(week.candles.map(([t, , , , close]) => [t + HOUR_MS, close]));
    for (const [ms, price] of line7d.points.slice(0, -1)) assert.equal(price, closes.get(ms));
  });

  test('in another currency, the line of the asset’s market in it, or none: never another currency’s', async () => {
    const { body } = await assets(binance.relay, 'symbols=BTC,SOL&currency=EUR');
    assert.equal(body.currency, 'EUR');
    const week = (await (
      await fetch(`${binance.relay.url}/v1/candles?symbol=BTC/EUR&range=7d`)
    ).json()) as CandlesAnswer;
    const line = body.assets.BTC?.line7d;
    assert.ok(line, 'BTC/EUR has a week');
    assert.equal(line.points.at(-1)![1], week.candles.at(-1)![4]);
    // Binance has no SOL/EUR market: SOL is named, with no line.
    assert.equal(body.assets.SOL?.name, 'Solana');
    assert.equal(body.assets.SOL?.line7d, undefined);
  });

  test('a top by market cap is refused with the reason, not answered empty', async () => {
    const { response, body } = await assets(binance.relay, 'top=10');
    assert.equal(response.status, 404);
    assert.equal(body.error.code, 'top_unavailable');
    assert.match(body.error.message, /symbols/);
  });

  test('logos are monograms', async () => {
    const response = await fetch(`${binance.relay.url}/v1/logos/ETH`);
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    assert.match(await response.text(), /<title>Ethereum<\/title>/);
  });
});
