import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { Quote } from '@tickwire/protocol';
import type { Relay } from '../src/relay.js';
import { createCcxtSource } from '../src/sources/ccxt-source.js';
import { startFakeBinance } from './support/fake-binance.js';
import { startFakeKraken } from './support/fake-kraken.js';
import { FakeMarket } from './support/fake-market.js';
import type { FakeUpstream } from './support/fake-upstream.js';
import { getQuotes, getSources, startTestRelay, waitFor } from './support/relay.js';

const TTL_MS = 1_000;
const INTERVAL_MS = 100;
/** Staleness is checked on a 1 s clock; a busy CI machine gets a few seconds more. */
const STALE_WITHIN_MS = TTL_MS + INTERVAL_MS + 1_000 + 3_000;
const YEAR_MS = 365 * 24 * 3_600_000;

/**
 * A relay of one real ccxt source against its fake, polling BTC every 100 ms; ccxt's own
 * pacing (Kraken's is 3 s a call) is shortened to match.
 */
async function relayOn(
  exchangeId: 'binance' | 'kraken',
  start: (market: FakeMarket) => Promise<FakeUpstream>,
  market: FakeMarket,
) {
  const upstream = await start(market);
  const sourceId = exchangeId === 'binance' ? 'binance' : `ccxt:${exchangeId}`;
  const source = await createCcxtSource({
    exchangeId,
    sourceId,
    currencies: ['USD'],
    baseUrl: upstream.url,
    timeoutMs: 1_000,
    exchangeOptions: {
      rateLimit: 10,
      options: { defaultType: 'spot', fetchMarkets: { types: ['spot'] } },
    },
  });
  const relay = await startTestRelay({
    env: { SOURCES: sourceId, SYMBOLS: 'BTC' },
    config: { PRICE_TTL: TTL_MS, POLL_INTERVAL: INTERVAL_MS },
    sources: [source],
  });
  return { relay, upstream };
}

describe('a halted feed never stays live', () => {
  let relay: Relay | undefined;
  let upstream: FakeUpstream | undefined;
  afterEach(async () => {
    await relay?.stop();
    await upstream?.close();
  });

  const btc = async () => (await getQuotes(relay!, 'BTC')).quotes.BTC ?? undefined;
  /** Waits until BTC has been served, then until it is served stale; returns both. */
  const untilStale = async () => {
    const first = await waitFor(btc);
    const stale = await waitFor(
      async () => {
        const quote = await btc();
        return quote?.stale ? quote : undefined;
      },
      STALE_WITHIN_MS,
      async () => JSON.stringify(await btc()),
    );
    return { first, stale };
  };
  /** The stale price is no outage: the source is still asked, answers well, and says so. */
  const assertStillPolled = async (path: string) => {
    const before = upstream!.callsTo(path).length;
    await waitFor(() => (upstream!.callsTo(path).length > before + 2 ? true : undefined));
    const [status] = (await getSources(relay!)).sources;
    assert.equal(status?.state, 'ok');
    assert.equal((await btc())?.stale, true, 'and the price stays stale');
  };
  const sameQuote = (a: Quote, b: Quote) => {
    assert.equal(b.price, a.price);
    assert.equal(b.ts, a.ts, 'its time never moved');
  };

  test('Binance repeating one price and one closeTime: stale at the TTL', async () => {
    const market = new FakeMarket();
    market.halt();
    ({ relay, upstream } = await relayOn('binance', startFakeBinance, market));
    const { first, stale } = await untilStale();
    sameQuote(first, stale);
    await assertStillPolled('/api/v3/ticker');
  });

  test('Binance repeating a closeTime a year ahead: timed at receipt once, then stale at the TTL', async () => {
    const market = new FakeMarket();
    market.halt(Date.now() + YEAR_MS);
    ({ relay, upstream } = await relayOn('binance', startFakeBinance, market));
    const { first, stale } = await untilStale();
    assert.ok(first.ts <= Date.now(), 'not timed in the future');
    sameQuote(first, stale);
    await assertStillPolled('/api/v3/ticker');
  });

  test('Kraken, whose tickers carry no time, repeating its values: stale at the TTL; live again when they move', async () => {
    const market = new FakeMarket();
    ({ relay, upstream } = await relayOn('kraken', startFakeKraken, market));
    await waitFor(async () => ((await btc())?.stale === false ? true : undefined));
    market.halt();
    const { stale } = await untilStale();
    await assertStillPolled('/0/public/Ticker');

    market.resume();
    const live = await waitFor(async () => {
      const quote = await btc();
      return quote && !quote.stale ? quote : undefined;
    });
    assert.notEqual(live.price, stale.price);
  });
});
