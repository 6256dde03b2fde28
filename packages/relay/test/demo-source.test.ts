import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DemoSource, roundToTick } from '../src/sources/demo.js';

describe('the demo market', () => {
  const start = Date.UTC(2026, 10, 27, 12);
  const market = (seed = 7) => {
    let now = start;
    const source = new DemoSource({ seed, now: () => now });
    return { source, advance: (ms: number) => (now += ms) };
  };

  test('lists the common assets and a couple of dozen more', async () => {
    const listed = await market().source.listPairs();
    for (const symbol of ['BTC', 'ETH', 'SOL', 'ADA', 'DOT', 'DOGE', 'XRP', 'SHIB'])
      assert.ok(listed.has(`${symbol}/USD`), symbol);
    assert.ok(listed.size >= 30 * 7, 'each in the fiat currencies and the other assets');
  });

  test('starts from realistic prices and says every quote is from the demo market', async () => {
    const quotes = await market().source.fetchQuotes(['BTC/USD', 'ETH/USD', 'SHIB/USD']);
    const price = Object.fromEntries(
      quotes.map((quote) => [quote.symbol.replace('/USD', ''), quote.price]),
    );
    assert.ok(price.BTC! > 20_000 && price.BTC! < 200_000);
    assert.ok(price.ETH! > 1_000 && price.ETH! < 10_000);
    assert.ok(price.SHIB! > 0 && price.SHIB! < 0.001);
    for (const quote of quotes) {
      assert.equal(quote.source, 'demo');
      assert.equal(quote.ts, start);
    }
  });

  test('never invents a price for a symbol it does not list', async () => {
    const quotes = await market().source.fetchQuotes(['BTC/USD', 'NOTACOIN/USD']);
    assert.deepEqual(
      quotes.map((quote) => quote.symbol),
      ['BTC/USD'],
    );
  });

  test('the 24 h change is a number of the simulation: price minus the open of a day ago', async () => {
    const { source, advance } = market();
    advance(5_000);
    const [btc] = await source.fetchQuotes(['BTC/USD']);
    const { price, open24h, change24h, changePct24h } = btc!;
    assert.ok(
      open24h !== null && change24h !== null && changePct24h !== null,
      'the demo market reports every figure',
    );
    assert.notEqual(change24h, 0);
    assert.ok(Math.abs(price - open24h - change24h) < 0.011);
    assert.ok(Math.abs((change24h / open24h) * 100 - changePct24h) < 0.01);
    const history = await source.fetchHistory('BTC/USD', 2_000);
    assert.equal(
      roundToTick(open24h),
      history[0]![1],
      'the open is the oldest close of the day kept',
    );
  });

  test('moves like a market: every asset by its own volatility, no asset frozen', async () => {
    const { source, advance } = market();
    const symbols = ['BTC/USD', 'DOGE/USD', 'USDT/USD'];
    const first = await source.fetchQuotes(symbols);
    const moves: Record<string, number[]> = { BTC: [], DOGE: [], USDT: [] };
    let previous = first;
    for (let i = 0; i < 200; i++) {
      advance(5_000);
      const next = await source.fetchQuotes(symbols);
      next.forEach((quote, index) => {
        moves[quote.symbol.replace('/USD', '')]!.push(
          Math.log(quote.price / previous[index]!.price),
        );
      });
      previous = next;
    }
    const spread = (values: number[]) =>
      Math.sqrt(values.reduce((sum, value) => sum + value * value, 0) / values.length);
    assert.ok(spread(moves.BTC!) > 0, 'BTC moves');
    assert.ok(spread(moves.DOGE!) > spread(moves.BTC!), 'DOGE is wilder than BTC');
    assert.ok(spread(moves.USDT!) < spread(moves.BTC!) / 10, 'a stablecoin barely moves');
  });

  test('the same seed gives the same market; another seed another', async () => {
    const a = await market(1).source.fetchQuotes(['ETH/USD']);
    const b = await market(1).source.fetchQuotes(['ETH/USD']);
    const c = await market(2).source.fetchQuotes(['ETH/USD']);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a[0]?.open24h, c[0]?.open24h);
  });

  test('history is a day of minute closes, oldest first, continued as time passes', async () => {
    const { source, advance } = market();
    const before = await source.fetchHistory('BTC/USD', 5_000);
    assert.ok(before.length >= 1_439 && before.length <= 1_441, `${before.length} minute closes`);
    advance(3 * 60_000);
    const after = await source.fetchHistory('BTC/USD', 10);
    assert.equal(after.length, 10);
    for (let i = 1; i < after.length; i++) assert.equal(after[i]![0] - after[i - 1]![0], 60_000);
    assert.ok(after.at(-1)![0] > before.at(-1)![0]);
  });

  test('prices are rounded like an exchange tick: cents, or four significant digits when tiny', () => {
    assert.equal(roundToTick(67_123.456_7), 67_123.46);
    assert.equal(roundToTick(0.451_234_5), 0.4512);
    assert.equal(roundToTick(0.000_012_345_6), 0.000_012_35);
  });
});
