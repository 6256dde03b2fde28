import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_CLOCK_AHEAD_MS } from '../src/poller/quote-clock.js';
import { QuoteGuard, SUSTAINED_POLLS, usablePoints } from '../src/poller/quote-guard.js';
import type { FetchedQuote, SourceQuote } from '../src/sources/price-source.js';
import { testQuote } from './support/quotes.js';

const NOW = 1_764_200_000_000;
const quote = (price: number, source = 'binance', ts = NOW): SourceQuote => ({
  ...testQuote('BTC', price, ts),
  open24h: null,
  source,
});
const served = (guard: QuoteGuard, q: SourceQuote) => {
  const verdict = guard.check(q, NOW);
  return verdict.ok ? verdict.quote.price : undefined;
};

describe('the quote guard', () => {
  test('refuses prices no element could show: NaN, zero, negative, 1e308', () => {
    const guard = new QuoteGuard();
    for (const price of [Number.NaN, 0, -67_000, 1e308, Number.POSITIVE_INFINITY]) {
      assert.equal(guard.check(quote(price), NOW).ok, false, String(price));
    }
  });

  test('a time ahead of the relay clock is replaced by the time of receipt, and said so', () => {
    const verdict = new QuoteGuard().check(quote(67_000, 'binance', NOW + 365 * 86_400_000), NOW);
    assert.ok(verdict.ok);
    assert.equal(verdict.quote.ts, NOW);
    assert.match(verdict.note ?? '', /future/);
    const slightlyAhead = new QuoteGuard().check(quote(67_000, 'binance', NOW + 1_000), NOW);
    assert.ok(slightlyAhead.ok);
    assert.equal(slightlyAhead.quote.ts, NOW + 1_000, 'small clock differences are kept');
  });

  test('a string, NaN or week-old time is refused', () => {
    for (const ts of ['1764200000000', Number.NaN, NOW - 7 * 86_400_000]) {
      const verdict = new QuoteGuard().check({ ...quote(67_000), ts: ts as number }, NOW);
      assert.equal(verdict.ok, false, String(ts));
    }
  });

  test('a ×10 print is held; the same source must repeat it three times in a row to be believed', () => {
    const guard = new QuoteGuard();
    assert.equal(served(guard, quote(67_000)), 67_000);
    for (let i = 1; i < SUSTAINED_POLLS; i++) {
      assert.equal(served(guard, quote(670_000 * (1 + i / 1000))), undefined, `answer ${i}`);
    }
    assert.equal(served(guard, quote(670_000)), 670_000, 'a sustained run confirms it');
  });

  test('a second source agreeing confirms a jump at once; one disagreeing resets the run', () => {
    const agreeing = new QuoteGuard();
    served(agreeing, quote(67_000));
    assert.equal(served(agreeing, quote(40_000)), undefined);
    assert.equal(served(agreeing, quote(40_500, 'coingecko')), 40_500);

    const contradicted = new QuoteGuard();
    served(contradicted, quote(67_000));
    for (let poll = 0; poll < SUSTAINED_POLLS * 2; poll++) {
      assert.equal(served(contradicted, quote(670_000)), undefined, `poll ${poll}`);
      assert.equal(served(contradicted, quote(67_100, 'coingecko')), 67_100);
    }
  });

  test('forgets what it knows of a pair nobody watches any more, and keeps the watched ones', () => {
    const guard = new QuoteGuard();
    assert.equal(served(guard, quote(67_000)), 67_000);
    guard.forgetExcept(new Set(['BTC']));
    assert.equal(served(guard, quote(670_000)), undefined, 'still watched: still held to 67,000');
    guard.forgetExcept(new Set());
    assert.equal(served(guard, quote(6_700)), 6_700, 'forgotten: nothing left to hold it to');
  });

  test("a price ×10 away from the source's own 24 h open is held even without a last price", () => {
    const guard = new QuoteGuard();
    assert.equal(served(guard, { ...quote(670_000), open24h: 66_000 }), undefined);
    assert.equal(served(guard, { ...quote(67_000), open24h: 66_000 }), 67_000);
  });

  test('history points: bad, future and out-of-order points are dropped, the rest kept in order', () => {
    const points = usablePoints(
      [
        [NOW - 3_000, 1],
        [NOW - 2_000, Number.NaN],
        [NOW - 2_500, 2],
        [NOW - 1_000, -5],
        'junk' as unknown as [number, number],
        [NOW - 500, 3],
        [NOW + MAX_CLOCK_AHEAD_MS + 1, 4],
        [1e20, 5],
      ],
      NOW,
    );
    assert.deepEqual(points, [
      [NOW - 3_000, 1],
      [NOW - 2_500, 2],
      [NOW - 500, 3],
    ]);
  });
});

describe('quote times: a halted feed never stays live', () => {
  const SECOND = 1_000;
  /** The time the guard serves `q` with when it answers at `at`. */
  const timeOf = (guard: QuoteGuard, q: FetchedQuote, at: number) => {
    const verdict = guard.check(q, at);
    assert.ok(verdict.ok, verdict.ok ? '' : verdict.reason);
    return verdict.quote.ts;
  };

  test('a source time repeated keeps the time it was first seen; a new one is taken', () => {
    const guard = new QuoteGuard();
    const halted = quote(67_000, 'binance', NOW - 5);
    assert.equal(timeOf(guard, halted, NOW), NOW - 5);
    assert.equal(timeOf(guard, halted, NOW + 30 * SECOND), NOW - 5);
    assert.equal(
      timeOf(guard, quote(67_000, 'binance', NOW + 31 * SECOND), NOW + 32 * SECOND),
      NOW + 31 * SECOND,
    );
  });

  test('a future time is timed at receipt once; its repeats do not refresh it, a newer one does', () => {
    const guard = new QuoteGuard();
    const ahead = quote(67_000, 'binance', NOW + 365 * 86_400_000);
    assert.equal(timeOf(guard, ahead, NOW), NOW);
    const repeated = guard.check(ahead, NOW + 60 * SECOND);
    assert.ok(repeated.ok);
    assert.equal(repeated.quote.ts, NOW, 'the same future time is no news');
    assert.equal(repeated.note, undefined, 'and no new warning each poll');
    const advanced = { ...ahead, ts: ahead.ts + SECOND };
    assert.equal(timeOf(guard, advanced, NOW + 61 * SECOND), NOW + 61 * SECOND);
  });

  test('a source without times is timed at receipt only when its price or volume moves', () => {
    const guard = new QuoteGuard();
    const { ts: _, ...untimed } = quote(67_000);
    assert.equal(timeOf(guard, untimed, NOW), NOW);
    assert.equal(timeOf(guard, untimed, NOW + 10 * SECOND), NOW, 'same values: same time');
    assert.equal(timeOf(guard, { ...untimed, volume24h: 2 }, NOW + 20 * SECOND), NOW + 20 * SECOND);
    assert.equal(timeOf(guard, { ...untimed, volume24h: 2 }, NOW + 30 * SECOND), NOW + 20 * SECOND);
    assert.equal(
      timeOf(guard, { ...untimed, volume24h: 2, price: 67_001 }, NOW + 40 * SECOND),
      NOW + 40 * SECOND,
    );
  });

  test('each source and pair has its own clock', () => {
    const guard = new QuoteGuard();
    const { ts: _, ...untimed } = quote(67_000);
    assert.equal(timeOf(guard, untimed, NOW), NOW);
    assert.equal(timeOf(guard, { ...untimed, source: 'coingecko' }, NOW + SECOND), NOW + SECOND);
    assert.equal(
      timeOf(guard, { ...untimed, symbol: 'BTC/EUR' }, NOW + 2 * SECOND),
      NOW + 2 * SECOND,
    );
    assert.equal(timeOf(guard, untimed, NOW + 3 * SECOND), NOW);
  });
});
