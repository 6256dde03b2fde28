import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Relay } from '../src/relay.js';
import { pollCount, startTestRelay, untilPolls, waitFor } from './support/relay.js';

interface QuoteBody {
  t: number;
  quotes: Record<
    string,
    { symbol: string; price: number; change24h: number; open24h: number; stale: boolean }
  >;
  unknown: string[];
}

describe('the JSON API', () => {
  let relay: Relay;
  let widgetsDir: string;
  before(async () => {
    widgetsDir = await mkdtemp(join(tmpdir(), 'tickwire-widgets-'));
    await writeFile(join(widgetsDir, 'widgets.js'), 'export const built = true;\n');
    await writeFile(join(widgetsDir, 'chart-renderer-AbCdEf12.js'), 'export const chunk = true;\n');
    relay = await startTestRelay({ widgetsDir, env: { MAX_HISTORY: '20' } });
    await waitFor(async () => ((await relay.store.hasQuotes()) ? true : undefined));
  });
  after(() => relay.stop());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${relay.url}${path}`, { headers });

  /** fetch() rewrites Host and conditional requests (the Fetch standard says so); node:http sends them as given. */
  const rawGet = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const req = request(`${relay.url}${path}`, { headers }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('error', reject);
        req.end();
      },
    );
  const getPageAs = async (host: string) => {
    const { headers, body } = await rawGet('/', { Host: host });
    return { csp: String(headers['content-security-policy']), html: body };
  };

  test('/v1/quotes answers the latest quote of each symbol, and names the unknown ones', async () => {
    const response = await get('/v1/quotes?symbols=btc,ETH,NOTACOIN');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = (await response.json()) as QuoteBody;
    assert.deepEqual(Object.keys(body.quotes).sort(), ['BTC', 'ETH']);
    assert.deepEqual(body.unknown, ['NOTACOIN']);
    const btc = body.quotes.BTC!;
    assert.equal(btc.symbol, 'BTC');
    assert.equal(btc.stale, false);
    assert.ok(
      Math.abs(btc.price - btc.open24h - btc.change24h) < 0.02,
      'change24h is price minus the 24 h open',
    );
    assert.ok(Math.abs(Date.now() - body.t) < 5_000);
  });

  test('/v1/quotes takes repeated symbols parameters and HEAD, as a browser or curl may send them', async () => {
    const repeated = (await (await get('/v1/quotes?symbols=BTC&symbols=eth')).json()) as QuoteBody;
    assert.deepEqual(Object.keys(repeated.quotes).sort(), ['BTC', 'ETH']);
    const head = await fetch(`${relay.url}/v1/quotes?symbols=BTC`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.match(head.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(await head.text(), '');
  });

  test('/v1/quotes serves the same encoded answer until the next poll, then the news', async () => {
    const url = `${relay.url}/v1/quotes?symbols=BTC,ETH`;
    relay.poller.pause();
    const first = await (await fetch(url)).text();
    const again = await (await fetch(url)).text();
    relay.poller.resume();
    assert.equal(again, first, 'two readers between polls get the same bytes');
    const before = JSON.parse(first!) as { quotes: Record<string, { ts: number }> };
    const after = await waitFor(async () => {
      const answer = (await (await fetch(url)).json()) as {
        quotes: Record<string, { ts: number }>;
      };
      return answer.quotes.BTC!.ts > before.quotes.BTC!.ts ? answer : undefined;
    });
    assert.ok(after.quotes.ETH, 'every symbol of the set is still there');
    const bad = await fetch(`${relay.url}/v1/quotes?symbols=NOT-A-SYMBOL`);
    const badAgain = await fetch(`${relay.url}/v1/quotes?symbols=NOT-A-SYMBOL`);
    assert.deepEqual([bad.status, badAgain.status], [400, 400], 'refusals are never remembered');
  });

  test('/v1/history is oldest first, capped at MAX_HISTORY, and honours limit', async () => {
    const history = async () =>
      (await (await get('/v1/history?symbols=BTC')).json()) as {
        history: Record<string, [number, number][]>;
      };
    // Full, then two polls more: a history that outgrew MAX_HISTORY would show it.
    await waitFor(async () => ((await history()).history.BTC?.length === 20 ? true : undefined));
    await untilPolls(relay, (await pollCount(relay)) + 2);
    const full = await history();
    assert.equal(full.history.BTC?.length, 20, 'capped at MAX_HISTORY');
    const times = full.history.BTC!.map(([ms]) => ms);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    const limited = (await (await get('/v1/history?symbols=BTC&limit=5')).json()) as {
      history: Record<string, [number, number][]>;
    };
    assert.equal(limited.history.BTC?.length, 5);
    assert.ok(
      limited.history.BTC![4]![0] >= full.history.BTC![19]![0],
      'the limit keeps the newest points',
    );
    for (const limit of ['0', '21', 'abc', '-1']) {
      const response = await get(`/v1/history?symbols=BTC&limit=${limit}`);
      assert.equal(response.status, 400, `limit=${limit}`);
      assert.equal(
        ((await response.json()) as { error: { code: string } }).error.code,
        'bad_query',
      );
    }
  });

  test('/v1/symbols lists what the sources list, in the default currency', async () => {
    const body = (await (await get('/v1/symbols')).json()) as {
      currency: string;
      symbols: string[];
      defaults: string[];
    };
    assert.equal(body.currency, 'USD');
    assert.ok(body.symbols.length >= 30);
    for (const symbol of ['BTC', 'ETH', 'SOL', 'ADA', 'DOT', 'DOGE'])
      assert.ok(body.symbols.includes(symbol));
    assert.deepEqual(body.defaults, ['BTC', 'ETH', 'SOL', 'ADA', 'DOT']);
  });

  test('/healthz and /readyz answer 200 once quotes are in', async () => {
    assert.equal((await get('/healthz')).status, 200);
    assert.equal((await get('/readyz')).status, 200);
  });

  test('/metrics speaks Prometheus text with the relay’s own metrics', async () => {
    const response = await get('/metrics');
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    const text = await response.text();
    for (const name of [
      'tickwire_sse_clients',
      'tickwire_events_sent_total',
      'tickwire_upstream_requests_total{source="demo",outcome="ok"}',
      'tickwire_poll_duration_seconds_bucket',
      'tickwire_quotes_served_total{from="upstream"}',
      'process_resident_memory_bytes',
    ]) {
      assert.ok(text.includes(name), `has ${name}`);
    }
  });

  test('an unknown route is a 404 with a JSON error', async () => {
    const response = await get('/v2/anything');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'not_found');
  });

  test('/widgets.js is JavaScript any origin may load, with an ETag that revalidates', async () => {
    const response = await get('/widgets.js', { Origin: 'https://blog.example' });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^(text|application)\/javascript/);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('cache-control') ?? '', /max-age=300/);
    const etag = response.headers.get('etag');
    assert.ok(etag);
    assert.equal((await rawGet('/widgets.js', { 'If-None-Match': etag })).status, 304);
    const chunk = await get('/chart-renderer-AbCdEf12.js');
    assert.match(
      chunk.headers.get('cache-control') ?? '',
      /immutable/,
      'hashed chunks are cached for good',
    );
  });

  test('the demo page is served under a strict Content-Security-Policy, labelled simulated', async () => {
    const { csp, html } = await getPageAs('relay.example:8080');
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(html, /Simulated market/);
    assert.match(html, /<price-card symbol="BTC"><\/price-card>/);
    assert.match(html, /<live-chart symbols="BTC,ETH,SOL,ADA,DOT"><\/live-chart>/);
    assert.match(
      html,
      /&#60;script type=&#34;module&#34; src=&#34;http:\/\/relay\.example:8080\/widgets\.js&#34;&#62;/,
    );
  });

  test('a hostile Host header is escaped in the page, never markup', async () => {
    const { html } = await getPageAs('evil"><img src=x onerror=alert(1)>');
    assert.doesNotMatch(html, /<img src=x/);
    assert.match(html, /evil&#34;&#62;&#60;img src=x onerror=alert\(1\)&#62;/);
  });
});

describe('readiness', () => {
  test('/readyz is 503 with a JSON error until the first quotes arrive', async () => {
    const relay = await startTestRelay({ config: { POLL_INTERVAL: 60_000 }, sources: [] });
    try {
      const response = await fetch(`${relay.url}/readyz`);
      assert.equal(response.status, 503);
      assert.equal(
        ((await response.json()) as { error: { code: string } }).error.code,
        'no_quotes',
      );
      assert.equal((await fetch(`${relay.url}/healthz`)).status, 200);
    } finally {
      await relay.stop();
    }
  });

  test('without a built bundle, /widgets.js says how to build it', async () => {
    const relay = await startTestRelay({ widgetsDir: '/nonexistent/tickwire' });
    try {
      const response = await fetch(`${relay.url}/widgets.js`);
      assert.equal(response.status, 503);
      assert.match(
        ((await response.json()) as { error: { message: string } }).error.message,
        /npm run build/,
      );
    } finally {
      await relay.stop();
    }
  });
});
