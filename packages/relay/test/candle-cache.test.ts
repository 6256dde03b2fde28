import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CachedCandles, MemoryCandleCache } from '../src/store/candle-cache.js';

const answer = (expiresAt: number): CachedCandles => ({ body: '{}', etag: '"x"', expiresAt });

describe("one relay's candle cache", () => {
  test('holds at most its bound: the least recently read answer goes first', async () => {
    const cache = new MemoryCandleCache(() => 0, 3);
    for (const key of ['a', 'b', 'c']) await cache.put(key, answer(1_000));
    assert.ok(await cache.get('a'), 'read, so recently used');
    await cache.put('d', answer(1_000));
    assert.equal(await cache.get('b'), undefined, 'pushed out');
    for (const key of ['a', 'c', 'd']) assert.ok(await cache.get(key), key);
  });

  test('an answer past its expiry is not served', async () => {
    let now = 0;
    const cache = new MemoryCandleCache(() => now, 3);
    await cache.put('a', answer(1_000));
    now = 1_000;
    assert.equal(await cache.get('a'), undefined);
  });
});
