import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MemoryStore } from '../src/store/memory-store.js';
import type { StoreEvent } from '../src/store/price-store.js';
import { testQuote } from './support/quotes.js';

const quote = testQuote;

describe('the in-memory store', () => {
  const setup = (
    options: {
      ttlMs?: number;
      maxHistory?: number;
      tickHistoryPoints?: number;
      eventLogSize?: number;
    } = {},
  ) => {
    let now = 1_000_000;
    const store = new MemoryStore({
      ttlMs: 60_000,
      maxHistory: 3,
      eventLogSize: 4,
      ...options,
      now: () => now,
    });
    const events: StoreEvent[] = [];
    store.subscribe((event) => events.push(event));
    return { store, events, setNow: (ms: number) => (now = ms) };
  };

  test('keeps the latest quote per symbol and a history capped at maxHistory', async () => {
    const { store } = setup();
    for (let i = 1; i <= 5; i++)
      await store.appendQuotes([quote('BTC', 100 + i, 1_000_000 + i)], 1_000_000 + i);
    assert.equal((await store.latest(['BTC'])).BTC?.price, 105);
    assert.deepEqual((await store.history(['BTC'], 10)).BTC, [
      [1_000_003, 103],
      [1_000_004, 104],
      [1_000_005, 105],
    ]);
  });

  test('past maxHistory a history keeps the tick window (5 minutes) before its newest point, never more than tickHistoryPoints', async () => {
    const { store } = setup({ maxHistory: 3, tickHistoryPoints: 50 });
    // A symbol polled every 5 minutes: its last 3, however old.
    for (let i = 1; i <= 10; i++)
      await store.appendQuotes([quote('ETH', 3_000 + i, i * 300_000)], i * 300_000);
    assert.deepEqual(
      (await store.history(['ETH'], 100)).ETH?.map(([ms]) => ms / 300_000),
      [8, 9, 10],
    );
    // A streamed one, 10 s apart for 10 minutes: the last 5 minutes (31 points).
    for (let i = 0; i <= 60; i++)
      await store.appendQuotes([quote('BTC', 100 + i, i * 10_000)], i * 10_000);
    const btc = (await store.history(['BTC'], 100)).BTC!;
    assert.equal(btc.length, 31);
    assert.equal(btc[0]![0], 300_000);
    // Faster than the cap: its newest 50, the memory it may take.
    for (let i = 1; i <= 200; i++)
      await store.appendQuotes([quote('BTC', 200 + i, 600_000 + i * 100)], 600_000 + i * 100);
    assert.equal((await store.history(['BTC'], 1_000)).BTC!.length, 50);
  });

  test('a quote turns stale once it is older than the TTL', async () => {
    const { store, setNow, events } = setup({ ttlMs: 60_000 });
    await store.appendQuotes([quote('ETH', 3_000, 1_000_000)], 1_000_000);
    assert.equal((await store.latest(['ETH'])).ETH?.stale, false);
    setNow(1_060_001);
    assert.equal((await store.latest(['ETH'])).ETH?.stale, true);
    await store.setSourceStatus([
      { id: 'test', state: 'down', simulated: false, error: 'HTTP 500' },
    ]);
    const status = events.find((event) => event.type === 'status');
    assert.deepEqual(status?.type === 'status' && status.status.stale, ['ETH']);
  });

  test('a repeated quote is no news: no event, no history point', async () => {
    const { store, events } = setup();
    await store.appendQuotes([quote('BTC', 100, 1)], 1);
    assert.equal(await store.appendQuotes([quote('BTC', 100, 1)], 2), undefined);
    assert.equal(events.filter((event) => event.type === 'quotes').length, 1);
    assert.equal((await store.history(['BTC'], 10)).BTC?.length, 1);
  });

  test('the same price at the same time from another source is news: readers see where it came from', async () => {
    const { store } = setup();
    await store.appendQuotes([quote('BTC', 100, 1)], 1);
    const event = await store.appendQuotes([{ ...quote('BTC', 100, 1), source: 'coingecko' }], 2);
    assert.equal(event?.quotes.BTC?.source, 'coingecko');
    assert.equal((await store.latest(['BTC'])).BTC?.source, 'coingecko');
  });

  test('resume: the events after an id, or undefined once the log no longer holds the next one', async () => {
    const { store } = setup({ eventLogSize: 4 });
    const ids: string[] = [];
    for (let i = 1; i <= 6; i++)
      ids.push((await store.appendQuotes([quote('BTC', 100 + i, i)], i))!.id);
    assert.deepEqual(
      (await store.eventsAfter(ids[3]!))?.map((event) => event.id),
      [ids[4], ids[5]],
    );
    assert.deepEqual(await store.eventsAfter(ids[5]!), [], 'up to date: nothing to replay');
    assert.deepEqual(
      (await store.eventsAfter(ids[2]!))?.map((event) => event.id),
      ids.slice(3),
      'from the oldest id held',
    );
    assert.equal(
      await store.eventsAfter(ids[1]!),
      undefined,
      'an id no longer held: the events after it may be gone',
    );
    assert.equal(await store.eventsAfter('not-an-id'), undefined);
    assert.equal(
      await store.eventsAfter(`${ids[0]!.split('-')[0]}-999`),
      undefined,
      'from the future',
    );
  });

  test('the log holds at most 25,000 quotes however few its events: big polls push old ones out', async () => {
    const { store } = setup({ eventLogSize: 1_000 });
    const poll = async (round: number) => {
      const quotes = Array.from({ length: 10_000 }, (_, i) => quote(`S${i}`, 100 + round, round));
      return (await store.appendQuotes(quotes, round))!.id;
    };
    const ids = [await poll(1), await poll(2), await poll(3)];
    assert.equal(
      await store.eventsAfter(ids[0]!),
      undefined,
      '30,000 quotes: the first poll is gone',
    );
    assert.deepEqual(
      (await store.eventsAfter(ids[1]!))?.map((event) => event.id),
      [ids[2]],
      'the two newest (20,000 quotes) are kept',
    );
  });

  test('status events only when something a reader would notice changed', async () => {
    const { store, events } = setup();
    await store.setSourceStatus([{ id: 'demo', state: 'ok', simulated: true, lastOkTs: 1 }]);
    await store.setSourceStatus([{ id: 'demo', state: 'ok', simulated: true, lastOkTs: 2 }]);
    await store.setSourceStatus([
      { id: 'demo', state: 'degraded', simulated: true, lastOkTs: 2, error: 'timeout' },
    ]);
    assert.equal(events.filter((event) => event.type === 'status').length, 2);
  });

  test('backfill puts older points before the live ones, still capped', async () => {
    const { store } = setup({ maxHistory: 3 });
    await store.appendQuotes([quote('SOL', 150, 500)], 500);
    await store.backfill('SOL', [
      [100, 140],
      [200, 141],
      [300, 142],
      [600, 999],
    ]);
    assert.deepEqual((await store.history(['SOL'], 10)).SOL, [
      [200, 141],
      [300, 142],
      [500, 150],
    ]);
  });
});
