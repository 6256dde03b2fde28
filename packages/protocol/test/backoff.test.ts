import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backoffMs } from '../src/index.js';

describe('backoffMs: the one retry rule', () => {
  const policy = { firstMs: 1_000, maxMs: 30_000, jitter: 0.5 };

  test('doubles from the first wait and stops at the longest', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 20].map((attempt) => backoffMs(attempt, policy, () => 0));
    assert.deepEqual(ceilings, [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  test('leaves the policy’s share of each wait to chance, never more', () => {
    assert.equal(
      backoffMs(3, policy, () => 0.999_999),
      2_000,
    );
    assert.equal(
      backoffMs(3, { ...policy, jitter: 1 }, () => 0.999_999),
      0,
    );
    assert.equal(
      backoffMs(3, { ...policy, jitter: 0 }, () => 0.5),
      4_000,
    );
    for (let i = 0; i < 1_000; i++) {
      const wait = backoffMs(4, policy);
      assert.ok(wait >= 4_000 && wait <= 8_000, `${wait}`);
    }
  });

  test('an attempt below 1 waits as the first', () => {
    assert.equal(
      backoffMs(0, policy, () => 0),
      1_000,
    );
  });
});
