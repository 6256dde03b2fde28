import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { loadConfig } from '../src/config.js';
import type { Relay } from '../src/relay.js';
import { createSources } from '../src/sources/create-sources.js';
import { startFakeBinance } from './support/fake-binance.js';
import { startFakeCoinGecko } from './support/fake-coingecko.js';
import { FakeMarket } from './support/fake-market.js';
import type { FakeUpstream } from './support/fake-upstream.js';
import { getQuotes, getSources, startTestRelay, waitFor as waitUntil } from './support/relay.js';

/**
 * The real ccxt and CoinGecko clients against fake servers, on the real clock: the timeouts,
 * retries and Retry-After windows under test are the clients' own timers (ccxt keeps its own),
 * and a faked clock would fake what these tests are for. Every wait is for an event (a source
 * answering, a call arriving) within a deadline, never a fixed sleep. The retry rule itself
 * (backoff, Retry-After) is tested exactly, without a clock, in the protocol's backoff.test.ts.
 */
describe('failover: binance first, coingecko next', () => {
  let binance: FakeUpstream;
  let coingecko: FakeUpstream;
  let market: FakeMarket;
  let relay: Relay;

  const start = async (env: Record<string, string> = {}) => {
    const config = loadConfig({
      SOURCES: 'binance,coingecko',
      SOURCE_URL_BINANCE: binance.url,
      SOURCE_URL_COINGECKO: coingecko.url,
      SYMBOLS: 'BTC,ETH',
      ...env,
    });
    relay = await startTestRelay({
      env: { SYMBOLS: 'BTC,ETH', ...env },
      // Short enough to keep the timeout test quick, long enough for a cold machine's first calls.
      sources: await createSources(config, { timeoutMs: 1_000 }),
    });
  };
  const quotes = async () => (await getQuotes(relay, 'BTC,ETH')).quotes;
  const sources = () => getSources(relay);
  const statusOf = async (id: string) =>
    (await sources()).sources.find((source) => source.id === id);
  const sourceOf = (symbol: string, wanted: string) => async () =>
    (await quotes())[symbol]?.source === wanted ? true : undefined;
  const tickerCalls = () => binance.callsTo('/api/v3/ticker/24hr');
  /** What a failed wait reports: each source's state, the quotes' sources, the upstream calls. */
  const explain = async () => {
    const since = Date.now() - 15_000;
    const calls = (upstream: FakeUpstream) =>
      upstream.calls
        .filter((call) => call.at > since)
        .map((call) => `${call.path}@${call.at - since}`)
        .join(' ');
    const btc = (await quotes()).BTC;
    return `sources ${JSON.stringify((await sources()).sources)}; BTC from ${btc?.source}; binance calls ${calls(binance)}; coingecko calls ${calls(coingecko)}`;
  };
  const waitFor = <T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs?: number) =>
    waitUntil(check, timeoutMs, explain);
  /** Status is recorded at the end of a poll, a moment after its quotes: wait for it. */
  const statusWhen = (id: string, check: (state: string) => boolean) =>
    waitFor(async () => {
      const status = await statusOf(id);
      return status && check(status.state) ? status : undefined;
    });

  beforeEach(async () => {
    market = new FakeMarket();
    binance = await startFakeBinance(market);
    coingecko = await startFakeCoinGecko(new FakeMarket());
  });
  afterEach(async () => {
    await relay?.stop();
    await binance.close();
    await coingecko.close();
  });

  test('on HTTP 500 the next source answers and says so; when the primary recovers, it answers again', async () => {
    await start();
    await waitFor(sourceOf('BTC', 'binance'));
    binance.faults = [{ path: '/api/v3/ticker', status: 500, body: 'Internal Server Error' }];
    await waitFor(sourceOf('BTC', 'coingecko'));
    const status = await statusWhen('binance', (state) => state !== 'ok');
    assert.equal(status.error, 'unavailable (HTTP 500)');
    assert.equal((await statusOf('coingecko'))?.state, 'ok');

    binance.faults = [];
    await waitFor(sourceOf('BTC', 'binance'), 15_000);
    await statusWhen('binance', (state) => state === 'ok');
  });

  test('a timeout fails over', async () => {
    await start();
    await waitFor(sourceOf('BTC', 'binance'));
    binance.faults = [{ path: '/api/v3/ticker', delayMs: 2_500 }];
    await waitFor(sourceOf('BTC', 'coingecko'));
    assert.equal((await statusWhen('binance', (state) => state !== 'ok')).error, 'timeout');
  });

  for (const [status, name, code] of [
    [429, 'a 429', -1003],
    [418, 'a 418 ban', -1003],
  ] as const) {
    test(`${name} with Retry-After is waited out in full: no call inside the window`, async () => {
      await start();
      await waitFor(sourceOf('BTC', 'binance'));
      const faultFrom = Date.now();
      binance.faults = [
        {
          path: '/api/v3/ticker',
          status,
          headers: { 'Retry-After': '2' },
          body: JSON.stringify({
            code,
            msg: 'Way too much request weight used; IP banned until later.',
          }),
        },
      ];
      const refused = await waitFor(() => tickerCalls().find((call) => call.at >= faultFrom));
      await waitFor(sourceOf('BTC', 'coingecko'));
      binance.faults = [];
      const next = await waitFor(() => tickerCalls().find((call) => call.at > refused.at), 10_000);
      assert.ok(next.at - refused.at >= 2_000, `asked again after ${next.at - refused.at} ms`);
      assert.match((await quotes()).BTC?.source ?? '', /binance|coingecko/);
    });
  }

  test('garbage instead of JSON fails over', async () => {
    await start();
    await waitFor(sourceOf('BTC', 'binance'));
    binance.faults = [{ path: '/api/v3/ticker', status: 200, body: '<html>Gateway</html>' }];
    await waitFor(sourceOf('BTC', 'coingecko'));
    await statusWhen('binance', (state) => state !== 'ok');
  });

  test('a NaN price is never served: the answer is refused and the next source answers', async () => {
    await start();
    await waitFor(sourceOf('BTC', 'binance'));
    market.overrides.set('BTC', Number.NaN);
    await waitFor(sourceOf('BTC', 'coingecko'));
    assert.ok(Number.isFinite((await quotes()).BTC?.price));
    await statusWhen('binance', (state) => state !== 'ok');
  });

  test('a zero price is not served: that symbol comes from the next source, the rest stay on the first', async () => {
    await start();
    await waitFor(sourceOf('BTC', 'binance'));
    market.overrides.set('BTC', 0);
    await waitFor(sourceOf('BTC', 'coingecko'));
    const now = await quotes();
    assert.equal(now.ETH?.source, 'binance');
    assert.ok(now.BTC!.price > 0);
    const status = await statusWhen('binance', (state) => state === 'degraded');
    assert.equal(status.error, 'no usable price for BTC/USD');
  });

  test('an implausible jump is held back until the next poll confirms it', async () => {
    await start({ SOURCES: 'binance' });
    const before = await waitFor(async () => (await quotes()).BTC);
    market.overrides.set('BTC', before.price * 3);
    await waitFor(async () =>
      (await quotes()).BTC?.price === before.price * 3 ? true : undefined,
    );
    assert.equal(
      (await sources()).sources[0]?.state,
      'ok',
      'confirmed: served, and the source is fine again',
    );
  });

  test('a source down at start is no reason to call symbols unknown; its prices arrive once it is back', async () => {
    binance.faults = [{ path: '/', status: 503 }];
    await start({ SOURCES: 'binance' });
    const early = await getQuotes(relay, 'BTC');
    assert.deepEqual(early.unknown, []);
    binance.faults = [];
    await waitFor(sourceOf('BTC', 'binance'), 15_000);
  });

  test('with every source down the relay stays up and its quotes turn stale after the TTL', async () => {
    await start({ PRICE_TTL: '1' });
    await waitFor(sourceOf('BTC', 'binance'));
    binance.faults = [{ path: '/', status: 503 }];
    coingecko.faults = [{ path: '/', status: 503 }];
    const stale = await waitFor(async () =>
      (await sources()).stale.includes('BTC') ? (await sources()).stale : undefined,
    );
    assert.deepEqual(stale, ['BTC', 'ETH']);
    assert.equal((await quotes()).BTC?.stale, true);
    assert.equal((await fetch(`${relay.url}/healthz`)).status, 200);
  });
});
