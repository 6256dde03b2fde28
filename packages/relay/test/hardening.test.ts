import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
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
      assert.deepEqual(await changed.json(), {
        intervalSeconds: 7,
        paused: false,
        polledBy: 'this relay',
      });
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
        polledBy: 'this relay',
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
      await relay.poller.pause();
      const paused = await pollCount(relay);
      // What the timer runs each interval, run here at once: paused, it calls nobody.
      for (let poll = 0; poll < 3; poll++) await relay.poller.pollOnce();
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

/** Sends `raw` bytes on a fresh socket and reads what the relay answers until it closes. */
async function rawRequest(url: string, raw: string): Promise<string> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  socket.write(raw);
  let answer = '';
  socket.on('data', (chunk) => {
    answer += chunk;
  });
  await once(socket, 'close');
  return answer;
}

/** The JSON error of a raw HTTP answer: its status and code. */
function errorOf(answer: string): { status: number; code: string } {
  const status = Number(answer.match(/^HTTP\/1\.1 (\d{3})/)?.[1]);
  assert.match(answer, /content-type: application\/json/i);
  const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
    error: { code: string };
  };
  return { status, code: body.error.code };
}

describe('HTTP hygiene', () => {
  test('HEAD /v1/stream answers the stream headers and ends, holding no stream slot', async () => {
    const relay = await startTestRelay({ env: { MAX_CLIENTS_PER_IP: '1' } });
    try {
      for (let i = 0; i < 3; i++) {
        const head = await fetch(`${relay.url}/v1/stream?symbols=BTC`, { method: 'HEAD' });
        assert.equal(head.status, 200);
        assert.match(head.headers.get('content-type') ?? '', /text\/event-stream/);
      }
      assert.equal(relay.hub.clientCount, 0);
      const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
      try {
        assert.equal(reader.response.status, 200, 'the one slot is still free');
      } finally {
        await reader.close();
      }
      const bad = await fetch(`${relay.url}/v1/stream?symbols=B-TC`, { method: 'HEAD' });
      assert.equal(bad.status, 400, 'HEAD validates like GET');
    } finally {
      await relay.stop();
    }
  });

  test('CORS preflight only on the routes other origins read; anything else is a 404', async () => {
    const relay = await startTestRelay();
    const preflight = (path: string) =>
      fetch(`${relay.url}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://example.com', 'Access-Control-Request-Method': 'GET' },
      });
    try {
      assert.equal((await preflight('/v1/quotes')).status, 204);
      assert.equal((await preflight('/v1/stream')).status, 204);
      for (const path of ['/admin/polling', '/nowhere']) {
        const answer = await preflight(path);
        assert.equal(answer.status, 404, path);
        assert.equal(
          ((await answer.json()) as { error: { code: string } }).error.code,
          'not_found',
        );
      }
    } finally {
      await relay.stop();
    }
  });

  test('ten wrong admin tokens from one address, then 429 until the minute is over', async () => {
    const relay = await startTestRelay({ env: { ADMIN_TOKEN: TOKEN } });
    const tryToken = (token: string) =>
      fetch(`${relay.url}/admin/polling`, { headers: { Authorization: `Bearer ${token}` } });
    try {
      for (let i = 0; i < 10; i++)
        assert.equal((await tryToken(`guess-number-${i}-xxxxxx`)).status, 401);
      const limited = await tryToken('guess-number-11-xxxxxx');
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.equal((await tryToken(TOKEN)).status, 429, 'even the right token waits: no oracle');
    } finally {
      await relay.stop();
    }
  });

  test("requests Node refuses itself get the relay's JSON errors: malformed, no Host, huge headers, too slow", async () => {
    const relay = await startTestRelay({
      timings: { headersTimeoutMs: 500, requestTimeoutMs: 1_000 },
    });
    try {
      assert.deepEqual(errorOf(await rawRequest(relay.url, 'NOT HTTP AT ALL\r\n\r\n')), {
        status: 400,
        code: 'bad_request',
      });
      // HTTP/1.1 requires Host (Node answered an empty 400); HTTP/1.0 does not.
      const noHost = await rawRequest(relay.url, 'GET /v1/symbols HTTP/1.1\r\n\r\n');
      assert.deepEqual(errorOf(noHost), { status: 400, code: 'bad_request' });
      assert.match(noHost, /no Host header/);
      const old = await rawRequest(relay.url, 'GET /v1/symbols HTTP/1.0\r\n\r\n');
      assert.match(old, /^HTTP\/1\.1 200 /);
      const huge = `GET /v1/quotes HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
      assert.deepEqual(errorOf(await rawRequest(relay.url, huge)), {
        status: 431,
        code: 'headers_too_large',
      });
      const slow = 'GET /v1/quotes HTTP/1.1\r\nHost: x\r\n';
      assert.deepEqual(errorOf(await rawRequest(relay.url, slow)), {
        status: 408,
        code: 'request_timeout',
      });
    } finally {
      await relay.stop();
    }
  });

  test('a stream outlives the request timeouts: they bound the request, not the answer', async () => {
    const relay = await startTestRelay({
      timings: { headersTimeoutMs: 300, requestTimeoutMs: 500, heartbeatMs: 200 },
    });
    const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
    try {
      await reader.untilEvent('snapshot');
      const before = reader.events('quotes').length;
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      assert.ok(reader.events('quotes').length > before + 5, 'quotes still arriving');
    } finally {
      await reader.close();
      await relay.stop();
    }
  });
});
