import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { AssetFactsService } from '../src/assets/facts-service.js';
import type { SourceCatalog } from '../src/sources/catalog.js';
import type { FactsQuery, FetchedFacts, PriceSource } from '../src/sources/price-source.js';
import { MemoryCandleCache } from '../src/store/candle-cache.js';

const INTERVAL_MS = 1_000;

/** A facts service on a source that records what it is asked, on a clock the test moves. */
function factsService(watched: (symbol: string) => boolean) {
  const clock = { now: 0 };
  const asked: string[][] = [];
  const source = {
    id: 'fake',
    simulated: false,
    fetchFacts: async (query: FactsQuery, currency: string): Promise<FetchedFacts[]> => {
      const assets = 'assets' in query ? [...query.assets] : [];
      asked.push(assets);
      return assets.map((asset) => ({ asset, name: asset, currency, t: clock.now }));
    },
  } as unknown as PriceSource;
  const service = new AssetFactsService({
    catalog: { sources: [source] } as unknown as SourceCatalog,
    cache: new MemoryCandleCache(() => clock.now),
    watchList: { has: watched },
    intervalMs: INTERVAL_MS,
    callTimeoutMs: 1_000,
    metrics: { assetFactsRequests: { inc: () => {} } } as never,
    log: pino({ level: 'silent' }),
    now: () => clock.now,
  });
  return { service, asked, clock };
}

test('a watched asset stays refreshed however late a refresh runs; one nobody asks for is let go', async () => {
  const { service, asked, clock } = factsService((symbol) => symbol === 'BTC/USD');
  await service.assets(['BTC', 'SOL'], 'USD');
  assert.deepEqual(asked, [['BTC', 'SOL']]);

  // Within the kept periods, both are refreshed.
  clock.now = 2 * INTERVAL_MS;
  await service.refresh();
  assert.deepEqual(asked.at(-1)?.toSorted(), ['BTC', 'SOL']);

  // Ten periods on (a refresh held up by a slow upstream or a busy machine): SOL, asked once,
  // is let go; BTC, watched all along, is still fetched.
  clock.now = 12 * INTERVAL_MS;
  await service.refresh();
  assert.deepEqual(asked.at(-1), ['BTC']);

  clock.now = 13 * INTERVAL_MS;
  await service.refresh();
  assert.deepEqual(asked.at(-1), ['BTC']);
  assert.equal(asked.length, 4);
});

test('an asset asked again is wanted again', async () => {
  const { service, asked, clock } = factsService(() => false);
  await service.assets(['SOL'], 'USD');
  clock.now = 10 * INTERVAL_MS;
  await service.refresh();
  assert.equal(asked.length, 1, 'let go: nobody asked for it for ten periods');
  await service.assets(['SOL'], 'USD');
  // Its facts (held, but due) are fetched again behind the answer.
  await new Promise(setImmediate);
  assert.equal(asked.length, 2);
  clock.now = 11 * INTERVAL_MS + 1;
  await service.refresh();
  assert.deepEqual(asked, [['SOL'], ['SOL'], ['SOL']]);
});
