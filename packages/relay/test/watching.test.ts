import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HistoryAnswer, QuotesAnswer, SnapshotData } from '@tickwire/protocol';
import { addressShareFull, WatchList, watchListFull } from '../src/watch-list.js';
import { getSources, startTestRelay, waitFor } from './support/relay.js';
import { SseReader } from './support/sse-reader.js';

describe('the watch list', () => {
  /** A list of BTC, always, with a fake clock. */
  const list = (maxExtra = 10) => {
    const clock = { now: 0 };
    const watchList = new WatchList(['BTC'], { graceMs: 60_000, maxExtra, now: () => clock.now });
    return { watchList, clock };
  };

  test('a streamed symbol stays watched for the grace after its last stream, then is dropped', () => {
    const { watchList, clock } = list();
    const first = watchList.add(['ETH', 'BTC'], 'a');
    const second = watchList.add(['ETH'], 'b');
    first.release();
    clock.now = 120_000;
    assert.deepEqual(watchList.symbols().sort(), ['BTC', 'ETH'], 'a stream still holds it');
    second.release();
    clock.now += 59_999;
    assert.deepEqual(watchList.symbols().sort(), ['BTC', 'ETH'], 'within the grace');
    clock.now += 1;
    assert.deepEqual(watchList.symbols(), ['BTC'], 'the pinned symbol stays for good');
  });

  test('a REST read watches a symbol for the grace from the read; a new read or stream extends it', () => {
    const { watchList, clock } = list();
    watchList.read(['SOL'], 'a');
    clock.now = 50_000;
    watchList.read(['SOL'], 'a');
    clock.now = 100_000;
    assert.ok(watchList.has('SOL'), '60 s after the last read, not the first');
    const stream = watchList.add(['SOL'], 'a');
    clock.now = 500_000;
    assert.ok(watchList.has('SOL'), 'a stream holds it however long');
    stream.release();
    clock.now = 560_000;
    watchList.symbols();
    assert.ok(!watchList.has('SOL'));
  });

  test('past its bound, new symbols are refused, by streams and reads alike; watched ones are not', () => {
    const { watchList } = list(4);
    const added: string[][] = [];
    watchList.onAdded((symbols) => added.push(symbols));
    assert.deepEqual(watchList.add(['ETH'], 'a').refused, {});
    assert.deepEqual(watchList.add(['SOL'], 'b').refused, {});
    assert.deepEqual(watchList.add(['ADA'], 'c').refused, {});
    const full = watchListFull(4);
    assert.deepEqual(watchList.read(['DOT', 'DOGE', 'ETH', 'BTC'], 'd'), { DOGE: full });
    assert.deepEqual(watchList.add(['XRP', 'SOL'], 'e').refused, { XRP: full });
    assert.deepEqual(
      added,
      [['ETH'], ['SOL'], ['ADA'], ['DOT']],
      'listeners hear only of symbols new to the list',
    );
  });

  test('one address adds at most a quarter of the list; what others watch costs it nothing', () => {
    const { watchList, clock } = list(8);
    const greedy = watchList.add(['ETH', 'SOL', 'ADA'], 'greedy');
    const shareFull = addressShareFull(2);
    assert.deepEqual(greedy.refused, { ADA: shareFull }, 'two of eight, then no more');
    assert.deepEqual(watchList.read(['DOGE'], 'greedy'), { DOGE: shareFull });
    assert.deepEqual(
      watchList.add(['DOGE', 'ETH'], 'other').refused,
      {},
      'another reader still gets its symbols',
    );
    assert.deepEqual(watchList.add(['DOGE'], 'greedy').refused, {}, 'watched already: no charge');
    greedy.release();
    clock.now += 60_000;
    watchList.symbols();
    // SOL left the list; ETH, which `other` still watches, stays charged to the reader that added it.
    assert.deepEqual(
      watchList.add(['ADA', 'DOT'], 'greedy').refused,
      { DOT: shareFull },
      'its share comes back as its symbols leave the list',
    );
  });
});

describe('readers who do not stream', () => {
  test('a REST read of a symbol nobody watches waits for its first poll and answers it', async () => {
    const relay = await startTestRelay({ env: { SYMBOLS: 'BTC' } });
    try {
      const quotes = (await (
        await fetch(`${relay.url}/v1/quotes?symbols=XRP,BTC`)
      ).json()) as QuotesAnswer;
      assert.deepEqual(Object.keys(quotes.quotes).sort(), ['BTC', 'XRP']);
      assert.equal(quotes.pending, undefined);
      const history = (await (
        await fetch(`${relay.url}/v1/history?symbols=DOGE`)
      ).json()) as HistoryAnswer;
      assert.ok((history.history.DOGE?.length ?? 0) > 0, 'DOGE has a history');
      assert.equal(history.pending, undefined);
    } finally {
      await relay.stop();
    }
  });

  test('a symbol that has not come within the wait is named pending, never left out in silence', async () => {
    const relay = await startTestRelay({ env: { SYMBOLS: 'BTC' } });
    try {
      await relay.poller.pause();
      const answer = (await (
        await fetch(`${relay.url}/v1/quotes?symbols=ADA`)
      ).json()) as QuotesAnswer;
      assert.deepEqual(answer.quotes, {});
      assert.deepEqual(answer.pending, ['ADA']);
      relay.poller.resume();
      await waitFor(async () => {
        const again = (await (
          await fetch(`${relay.url}/v1/quotes?symbols=ADA`)
        ).json()) as QuotesAnswer;
        return again.quotes.ADA && again.pending === undefined ? true : undefined;
      });
    } finally {
      await relay.stop();
    }
  });

  test('past MAX_WATCHED_SYMBOLS, or past its share of them, a reader is told which symbols are refused, and why, by code and limit', async () => {
    // Four extra symbols, one per address; readers come through a proxy that names them.
    const relay = await startTestRelay({
      env: { SYMBOLS: 'BTC', MAX_WATCHED_SYMBOLS: '4', TRUST_PROXY: 'loopback' },
    });
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    const read = async (symbols: string, address: string) =>
      (await (
        await fetch(`${relay.url}/v1/quotes?symbols=${symbols}`, { headers: from(address) })
      ).json()) as QuotesAnswer;
    // A set is taken in alphabetical order: ETH is this reader's share, SOL is past it.
    const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=SOL,ETH`, from('10.0.0.1'));
    try {
      await reader.untilEvent('snapshot');
      const [snapshot] = reader.events('snapshot');
      const data = JSON.parse(snapshot!.data!) as SnapshotData;
      assert.deepEqual(data.refused, {
        SOL: {
          code: 'address_share_full',
          limit: 1,
          message:
            'Your address is watching as many symbols as one reader may (1, a quarter of MAX_WATCHED_SYMBOLS); close a stream first.',
        },
      });
      for (const [symbol, address] of [
        ['XRP', '10.0.0.2'],
        ['DOGE', '10.0.0.3'],
        ['ADA', '10.0.0.4'],
      ])
        assert.equal(
          (await read(symbol!, address!)).refused,
          undefined,
          `${symbol} from ${address}`,
        );
      const full = await read('DOT,ETH', '10.0.0.5');
      assert.deepEqual(full.refused, {
        DOT: {
          code: 'watch_list_full',
          limit: 4,
          message:
            'This relay is watching as many symbols as it may (MAX_WATCHED_SYMBOLS, 4); try again later.',
        },
      });
      // A stream past the list's bound hears the same, in its snapshot.
      const late = await SseReader.open(`${relay.url}/v1/stream?symbols=DOT`, from('10.0.0.5'));
      try {
        await late.untilEvent('snapshot');
        const lateData = JSON.parse(late.events('snapshot')[0]!.data!) as SnapshotData;
        assert.equal(lateData.refused?.DOT?.code, 'watch_list_full');
      } finally {
        await late.close();
      }
      assert.ok(full.quotes.ETH, 'a watched symbol is answered to anyone');
    } finally {
      await reader.close();
      await relay.stop();
    }
  });
});

describe('WATCH_GRACE: the relay forgets what nobody watches', () => {
  test('a symbol streamed once is dropped after the grace: no longer polled, stale or held', async () => {
    const relay = await startTestRelay({
      env: { SYMBOLS: 'BTC', WATCH_GRACE: '1', PRICE_TTL: '1' },
    });
    try {
      const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=XRP`);
      await reader.until((frames) => frames.some((frame) => frame.event === 'quotes'));
      await reader.close();
      await waitFor(async () => {
        const held = await relay.store.latest(['XRP']);
        const { stale } = await getSources(relay);
        return held.XRP === undefined && !stale.includes('XRP') ? true : undefined;
      });
      assert.deepEqual(await relay.store.history(['XRP'], 100), {});
      assert.ok((await relay.store.latest(['BTC'])).BTC, 'the configured symbols stay');
    } finally {
      await relay.stop();
    }
  });
});
