import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isTimeout, withDeadline } from '../src/deadline.js';

/** Work that never settles and ignores its signal: the worst an upstream client can do. */
const stuck = () => new Promise<never>(() => {});

describe('withDeadline', () => {
  test('settles as the work does when it is on time', async () => {
    assert.equal(await withDeadline(async () => 42, { timeoutMs: 1_000 }), 42);
    await assert.rejects(
      withDeadline(async () => Promise.reject(new Error('refused')), { timeoutMs: 1_000 }),
      /refused/,
    );
  });

  test('rejects with a TimeoutError at the deadline, even when the work ignores its signal', async () => {
    let seen: AbortSignal | undefined;
    const error = await withDeadline(
      (signal) => {
        seen = signal;
        return stuck();
      },
      { timeoutMs: 20 },
    ).catch((reason: unknown) => reason);
    assert.ok(isTimeout(error));
    assert.equal(seen?.aborted, true, 'the work was told');
  });

  test('rejects with the reason of an outer signal, already aborted or aborted later', async () => {
    const shutdown = new AbortController();
    const pending = withDeadline(stuck, { timeoutMs: 60_000, signals: [shutdown.signal, null] });
    shutdown.abort(new Error('shutting down'));
    await assert.rejects(pending, /shutting down/);
    await assert.rejects(withDeadline(stuck, { signals: [shutdown.signal] }), /shutting down/);
  });
});
