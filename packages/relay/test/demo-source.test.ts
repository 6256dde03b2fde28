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

  /** The quotes a relay started at `at` reads at once. */
  const readAt = (at: number, symbols: string[], seed = 7) =>
    new DemoSource({ seed, now: () => at }).fetchQuotes(symbols);

  test('the 24 h change is the price now against the price quoted 24 hours ago', async () => {
    const now = start + 5_000;
    const [quote] = await readAt(now, ['ETH/USD']);
    const [dayAgo] = await readAt(now - 86_400_000, ['ETH/USD']);
    const { price, open24h, change24h, changePct24h } = quote!;
    assert.equal(open24h, dayAgo!.price, 'the open is the price of a day ago');
    assert.ok(change24h !== null && changePct24h !== null, 'the demo market reports every figure');
    assert.notEqual(change24h, 0);
    assert.ok(Math.abs(price - dayAgo!.price - change24h) < 0.011);
    assert.ok(Math.abs((price / dayAgo!.price - 1) * 100 - changePct24h) < 0.006);
  });

  test('a restart changes nothing: relays started at different times on one seed quote the same figures', async () => {
    const symbols = ['BTC/USD', 'ETH/EUR', 'SOL/BTC', 'PEPE/USD'];
    let clock = start;
    const earlier = new DemoSource({ now: () => clock });
    await earlier.fetchQuotes(symbols);
    clock += 3 * 3_600_000 + 17_000;
    const restarted = new DemoSource({ now: () => clock });
    assert.deepEqual(await restarted.fetchQuotes(symbols), await earlier.fetchQuotes(symbols));
    const seeded = () => new DemoSource({ seed: 5, now: () => clock });
    assert.deepEqual(await seeded().fetchQuotes(symbols), await seeded().fetchQuotes(symbols));
    assert.notDeepEqual(
      await seeded().fetchQuotes(symbols),
      await earlier.fetchQuotes(symbols),
      'another seed, another market',
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

  test('each asset moves by its own yearly volatility, measured over a month of 5-minute moves', async () => {
    const assets = { BTC: 0.55, DOGE: 1.1 };
    const symbols = Object.keys(assets).map((asset) => `${asset}/USD`);
    const stepMs = 5 * 60_000;
    const squares = { BTC: 0, DOGE: 0 };
    let count = 0;
    let previous = await readAt(start, symbols);
    for (let at = start + stepMs; at <= start + 30 * 86_400_000; at += stepMs) {
      const next = await readAt(at, symbols);
      next.forEach((quote, index) => {
        const asset = quote.symbol.replace('/USD', '') as keyof typeof assets;
        squares[asset] += Math.log(quote.price / previous[index]!.price) ** 2;
      });
      previous = next;
      count++;
    }
    const yearsPerStep = stepMs / (365 * 86_400_000);
    for (const [asset, volatility] of Object.entries(assets)) {
      const measured = Math.sqrt(squares[asset as keyof typeof assets] / count / yearsPerStep);
      assert.ok(
        measured > volatility * 0.8 && measured < volatility * 1.25,
        `${asset}: ${measured.toFixed(2)} a year, listed ${volatility}`,
      );
    }
  });

  test('prices stay plausible for years: never far from the listed level', async () => {
    for (let at = start; at < start + 3 * 365 * 86_400_000; at += 86_400_000) {
      const [btc] = await readAt(at, ['BTC/USD']);
      assert.ok(btc!.price > 67_250 / 5 && btc!.price < 67_250 * 5, `${btc!.price} on ${at}`);
    }
  });

  test('history is a day of minute closes, oldest first, each the price quoted at its minute', async () => {
    const { source, advance } = market();
    advance(30_000);
    const day = await source.fetchHistory('BTC/USD', 5_000);
    assert.equal(day.length, 1_440);
    for (let i = 1; i < day.length; i++) assert.equal(day[i]![0] - day[i - 1]![0], 60_000);
    assert.equal(day.at(-1)![0], start, 'the last minute begun');
    for (const [ms, price] of [day[0]!, day[700]!, day.at(-1)!]) {
      const [quote] = await readAt(ms, ['BTC/USD']);
      assert.equal(price, quote!.price);
    }
    advance(3 * 60_000);
    const later = await source.fetchHistory('BTC/USD', 10);
    assert.equal(later.length, 10);
    assert.equal(later.at(-1)![0], start + 3 * 60_000);
  });

  test('prices are rounded like an exchange tick: cents, or four significant digits when tiny', () => {
    assert.equal(roundToTick(67_123.456_7), 67_123.46);
    assert.equal(roundToTick(0.451_234_5), 0.4512);
    assert.equal(roundToTick(0.000_012_345_6), 0.000_012_35);
  });
});
