import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { StatusData } from '@tickwire/protocol';
import { loadConfig } from '../src/config.js';
import type { Relay } from '../src/relay.js';
import { createSources } from '../src/sources/create-sources.js';
import { startFakeBinance } from './support/fake-binance.js';
import { startFakeCoinGecko } from './support/fake-coingecko.js';
import { FakeMarket } from './support/fake-market.js';
import type { FakeUpstream } from './support/fake-upstream.js';
import { getQuotes, getSources, startTestRelay, waitFor } from './support/relay.js';
import { RelayProcess } from './support/relay-process.js';
import { SseReader } from './support/sse-reader.js';

/** Short enough to watch prices go stale in a test. */
const TTL_MS = 2_000;
const INTERVAL_MS = 100;
/** Staleness is checked on a 1 s clock: what a reader sees follows within TTL + interval + that. */
const STALE_WITHIN_MS = TTL_MS + INTERVAL_MS + 1_000;
/** A test waits this much longer before calling a promise broken: CI machines are slow. */
const SLACK_MS = 3_000;
const YEAR_MS = 365 * 24 * 3_600_000;

describe('upstream faults: what a reader sees', () => {
  let market: FakeMarket;
  let binance: FakeUpstream;
  let coingecko: FakeUpstream | undefined;
  let relay: Relay;

  const start = async (env: Record<string, string> = {}, ttlMs = TTL_MS) => {
    const raw = {
      SOURCES: 'binance',
      SOURCE_URL_BINANCE: binance.url,
      SYMBOLS: 'BTC,ETH',
      ...env,
    };
    relay = await startTestRelay({
      env: raw,
      config: { PRICE_TTL: ttlMs, POLL_INTERVAL: INTERVAL_MS },
      sources: await createSources(loadConfig(raw), { timeoutMs: 1_000 }),
      timings: { callTimeoutMs: 1_500 },
    });
  };
  const btc = async () => (await getQuotes(relay, 'BTC')).quotes.BTC;
  const sources = () => getSources(relay);
  const stateOf = async (id: string) => (await sources()).sources.find((s) => s.id === id);
  const untilBtc = (check: (quote: NonNullable<Awaited<ReturnType<typeof btc>>>) => boolean) =>
    waitFor(async () => {
      const quote = await btc();
      return quote && check(quote) ? quote : undefined;
    }, STALE_WITHIN_MS + SLACK_MS);
  /** Waits for a `status` event on `reader` that `check` accepts. */
  const untilStatus = (reader: SseReader, check: (status: StatusData) => boolean) =>
    reader.until(
      (frames) =>
        frames.some(
          (frame) => frame.event === 'status' && check(JSON.parse(frame.data!) as StatusData),
        ),
      STALE_WITHIN_MS + SLACK_MS,
    );

  beforeEach(async () => {
    market = new FakeMarket();
    binance = await startFakeBinance(market);
    coingecko = undefined;
  });
  afterEach(async () => {
    await relay?.stop();
    await binance.close();
    await coingecko?.close();
  });

  test('a body that trickles forever: stale within the TTL on every surface, live again without a restart', async () => {
    await start();
    await untilBtc((quote) => !quote.stale);
    const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
    try {
      await reader.untilEvent('snapshot');
      binance.faults = [{ path: '/api/v3/ticker', trickle: true }];

      await untilBtc((quote) => quote.stale);
      await untilStatus(reader, (status) => status.stale.includes('BTC'));
      const down = await waitFor(async () => {
        const binanceState = await stateOf('binance');
        return binanceState?.state !== 'ok' ? binanceState : undefined;
      });
      assert.match(down.error ?? '', /timeout/);

      binance.faults = [];
      await untilBtc((quote) => !quote.stale);
      await untilStatus(reader, (status) => status.stale.length === 0);
      assert.equal((await stateOf('binance'))?.state, 'ok');
    } finally {
      await reader.close();
    }
  });

  test('a source clock a year ahead: the price is timed at receipt, goes stale when the source fails, and history keeps moving', async () => {
    market.clockAheadMs = YEAR_MS;
    await start();
    const quote = await untilBtc(() => true);
    assert.ok(quote.ts <= Date.now() + 5_000, `timed ${quote.ts - Date.now()} ms ahead`);

    binance.faults = [{ path: '/api/v3/ticker', status: 500, body: 'Internal Server Error' }];
    await untilBtc((stale) => stale.stale);

    binance.faults = [];
    market.clockAheadMs = 0;
    const lastPoint = async () => {
      const { history } = (await (await fetch(`${relay.url}/v1/history?symbols=BTC`)).json()) as {
        history: Record<string, [number, number][]>;
      };
      return history.BTC?.at(-1)?.[0] ?? 0;
    };
    const before = await lastPoint();
    assert.ok(before <= Date.now() + 5_000, 'no point in the future');
    await waitFor(async () => ((await lastPoint()) > before ? true : undefined));
    await untilBtc((fresh) => !fresh.stale);
  });

  test('a 20 MB HTML page instead of prices: refused unread, the relay keeps answering, prices go stale', async () => {
    await start();
    await untilBtc((quote) => !quote.stale);
    binance.faults = [
      {
        path: '/api/v3/ticker',
        status: 200,
        headers: { 'Content-Type': 'text/html' },
        body: `<!doctype html><html>${'<p>maintenance</p>'.repeat((20 * 1024 * 1024) / 18)}</html>`,
      },
    ];
    const refused = await waitFor(async () => {
      const state = await stateOf('binance');
      return state?.error?.includes('not JSON') ? state : undefined;
    });
    assert.notEqual(refused.state, 'ok');
    assert.equal((await fetch(`${relay.url}/healthz`)).status, 200);
    await untilBtc((quote) => quote.stale);
  });

  test('a body over the size cap is refused, even when it is JSON', async () => {
    const raw = { SOURCES: 'binance', SOURCE_URL_BINANCE: binance.url, SYMBOLS: 'BTC' };
    relay = await startTestRelay({
      env: raw,
      config: { PRICE_TTL: TTL_MS, POLL_INTERVAL: INTERVAL_MS },
      sources: await createSources(loadConfig(raw), {
        timeoutMs: 1_000,
        maxAnswerBytes: 64 * 1024,
      }),
    });
    await untilBtc((quote) => !quote.stale);
    binance.faults = [{ path: '/api/v3/ticker', status: 200, body: `[${'0,'.repeat(100_000)}0]` }];
    const refused = await waitFor(async () => {
      const state = await stateOf('binance');
      return state?.error?.includes('too large') ? state : undefined;
    });
    assert.notEqual(refused.state, 'ok');
  });

  test('a ×10 print from one source is never served while another source disagrees', async () => {
    const other = new FakeMarket();
    coingecko = await startFakeCoinGecko(other);
    await start({ SOURCES: 'binance,coingecko', SOURCE_URL_COINGECKO: coingecko.url });
    const normal = (await untilBtc((quote) => quote.source === 'binance')).price;
    market.overrides.set('BTC', normal * 10);

    await untilBtc((quote) => quote.source === 'coingecko');
    const served: number[] = [];
    for (let i = 0; i < 15; i++) {
      const quote = await btc();
      if (quote) served.push(quote.price);
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
    assert.ok(
      served.every((price) => price < normal * 2),
      `served ${served.join(', ')} against a normal ${normal}`,
    );
    const binanceState = await stateOf('binance');
    assert.equal(binanceState?.state, 'degraded');
    assert.match(binanceState?.error ?? '', /implausible/);
  });

  test('klines that hang never delay prices, however many new symbols readers ask for', async () => {
    binance.faults = [{ path: '/api/v3/klines', delayMs: 60_000 }];
    // A longer TTL than the other tests': what is measured is backfills holding prices up, and a
    // machine at a load of 30 held a 100 ms poll past 2 s on its own.
    const ttlMs = 5_000;
    await start({}, ttlMs);
    await untilBtc((quote) => !quote.stale);
    const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=SOL,ADA,DOT,DOGE,BTC`);
    try {
      await reader.untilEvent('snapshot');
      const samples: { stale: boolean; ts: number }[] = [];
      // Longer than the TTL: a price held up by backfills would turn stale meanwhile.
      for (let waited = 0; waited < ttlMs + 1_000; waited += 200) {
        const quote = await btc();
        if (quote) samples.push({ stale: quote.stale, ts: quote.ts });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.ok(
        samples.every((sample) => !sample.stale),
        'BTC stayed fresh',
      );
      assert.ok(samples.at(-1)!.ts > samples[0]!.ts, 'and kept moving');
      const sol = await waitFor(
        async () => (await getQuotes(relay, 'SOL')).quotes.SOL ?? undefined,
      );
      assert.equal(sol.stale, false, 'new symbols are served before their history');
      assert.equal((await stateOf('binance'))?.state, 'ok');
      // Six symbols over ~30 polls: backfills retried on every poll would be well over 100 calls.
      const klines = binance.callsTo('/api/v3/klines').length;
      assert.ok(klines <= 20, `${klines} history calls: a few at a time, with backoff`);
    } finally {
      await reader.close();
    }
  });
});

describe('shutdown while an upstream misbehaves', () => {
  test('SIGTERM with a poll stuck on a trickling body: the process exits 0 within its deadline', async () => {
    const binance = await startFakeBinance(new FakeMarket());
    let relay: RelayProcess | undefined;
    try {
      relay = await RelayProcess.start({
        SOURCES: 'binance',
        SOURCE_URL_BINANCE: binance.url,
        POLL_INTERVAL: '1',
      });
      binance.faults = [{ path: '/api/v3/ticker', trickle: true }];
      await waitFor(() => (binance.callsTo('/api/v3/ticker').length > 0 ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The documented promise: out within 10 s whatever an upstream does.
      const exited = relay.signal('SIGTERM');
      const code = await Promise.race([
        exited,
        new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000).unref()),
      ]);
      assert.equal(code, 0);
    } finally {
      await relay?.signal('SIGKILL');
      await binance.close();
    }
  });
});
