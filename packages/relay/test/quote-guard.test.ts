import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  MAX_CLOCK_AHEAD_MS,
  QuoteGuard,
  SUSTAINED_POLLS,
  usablePoints,
} from '../src/poller/quote-guard.js';
import type { SourceQuote } from '../src/sources/price-source.js';
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

  test('a missing, string or week-old time is refused', () => {
    for (const ts of [undefined, '1764200000000', Number.NaN, NOW - 7 * 86_400_000]) {
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
