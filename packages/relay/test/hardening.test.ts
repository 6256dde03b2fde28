import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pollCount, startTestRelay, waitFor } from './support/relay.js';
import { SseReader } from './support/sse-reader.js';

const TOKEN = 'a-long-enough-admin-token';

describe('admin routes', () => {
  test('are off without ADMIN_TOKEN: 404 like any unknown route', async () => {
    const relay = await startTestRelay();
    try {
      assert.equal(
        (
          await fetch(`${relay.url}/admin/polling`, {
            headers: { Authorization: `Bearer ${TOKEN}` },
          })
        ).status,
        404,
      );
    } finally {
      await relay.stop();
    }
  });

  test('with a token: 401 without it, and the poll interval and pause change at runtime', async () => {
    const relay = await startTestRelay({ env: { ADMIN_TOKEN: TOKEN } });
    const admin = (body?: object, token = TOKEN) =>
      fetch(`${relay.url}/admin/polling`, {
        method: body ? 'POST' : 'GET',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
    try {
      const refused = await admin(undefined, 'wrong-token-of-some-length');
      assert.equal(refused.status, 401);
      assert.equal(
        ((await refused.json()) as { error: { code: string } }).error.code,
        'unauthorized',
      );
      assert.equal((await fetch(`${relay.url}/admin/polling`)).status, 401);

      const changed = await admin({ intervalSeconds: 7 });
      assert.deepEqual(await changed.json(), { intervalSeconds: 7, paused: false });
      const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
      try {
        await reader.untilEvent('snapshot');
        assert.equal(
          JSON.parse(reader.events('snapshot')[0]!.data!).interval,
          7_000,
          'clients are told the new interval',
        );
      } finally {
        await reader.close();
      }

      assert.deepEqual(await (await admin({ paused: true })).json(), {
        intervalSeconds: 7,
        paused: true,
      });
      for (const bad of [
        { intervalSeconds: 0 },
        { intervalSeconds: 31 },
        { paused: 'yes' },
        { other: 1 },
      ]) {
        assert.equal((await admin(bad)).status, 400, JSON.stringify(bad));
      }
    } finally {
      await relay.stop();
    }
  });

  test('paused polling makes no upstream calls', async () => {
    const relay = await startTestRelay({ env: { ADMIN_TOKEN: TOKEN } });
    try {
      await waitFor(async () => ((await pollCount(relay)) > 1 ? true : undefined));
      relay.poller.pause();
      await new Promise((resolve) => setTimeout(resolve, 150));
      const paused = await pollCount(relay);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(await pollCount(relay), paused);
      relay.poller.resume();
      await waitFor(async () => ((await pollCount(relay)) > paused ? true : undefined));
    } finally {
      await relay.stop();
    }
  });
});

describe('hostile or odd requests', () => {
  test('an oversized or malformed Last-Event-ID is ignored: a fresh snapshot, no error', async () => {
    const relay = await startTestRelay();
    try {
      for (const id of ['x'.repeat(5_000), '1-2\r\nevent: quotes', '../../etc/passwd', '-1--1']) {
        const reader = await SseReader.open(
          `${relay.url}/v1/stream?symbols=BTC&lastEventId=${encodeURIComponent(id)}`,
        );
        try {
          assert.equal(reader.response.status, 200);
          const frames = await reader.until((all) =>
            all.some((frame) => frame.event !== undefined),
          );
          assert.equal(frames.find((frame) => frame.event)?.event, 'snapshot');
        } finally {
          await reader.close();
        }
      }
    } finally {
      await relay.stop();
    }
  });

  test('CORS_ORIGINS allows the listed origins only', async () => {
    const relay = await startTestRelay({
      env: { CORS_ORIGINS: 'https://blog.example,https://shop.example' },
    });
    try {
      const allowed = await fetch(`${relay.url}/v1/quotes`, {
        headers: { Origin: 'https://shop.example' },
      });
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');
      assert.match(allowed.headers.get('vary') ?? '', /Origin/);
      const other = await fetch(`${relay.url}/v1/quotes`, {
        headers: { Origin: 'https://evil.example' },
      });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    } finally {
      await relay.stop();
    }
  });

  test('every answer carries a request id, and security headers: hot routes, Express routes and errors alike', async () => {
    const relay = await startTestRelay();
    try {
      for (const path of [
        '/v1/quotes',
        '/v1/stream',
        '/v1/symbols',
        '/v1/quotes?symbols=<b>',
        '/nowhere',
      ]) {
        const stopped = new AbortController();
        const answer = (headers: Record<string, string> = {}) =>
          fetch(`${relay.url}${path}`, { headers, signal: stopped.signal });
        const fresh = await answer();
        assert.match(fresh.headers.get('x-request-id') ?? '', /^[\w-]{36}$/, path);
        assert.equal(fresh.headers.get('x-content-type-options'), 'nosniff', path);
        assert.equal(fresh.headers.get('access-control-allow-origin'), '*', path);
        assert.equal(
          (await answer({ 'X-Request-Id': 'edge-42' })).headers.get('x-request-id'),
          'edge-42',
        );
        const replaced = await answer({ 'X-Request-Id': '<script>' });
        assert.notEqual(replaced.headers.get('x-request-id'), '<script>');
        stopped.abort();
      }
    } finally {
      await relay.stop();
    }
  });
});
