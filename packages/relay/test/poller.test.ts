import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CountingSource } from './support/counting-source.js';
import { getQuotes, pollCount, startTestRelay, untilPolls, waitFor } from './support/relay.js';
import { SseReader } from './support/sse-reader.js';

describe('the poller', () => {
  test('makes one batched call per interval for all watched symbols, however many clients', async () => {
    const source = new CountingSource('upstream');
    const relay = await startTestRelay({ sources: [source], config: { POLL_INTERVAL: 200 } });
    const readers: SseReader[] = [];
    try {
      for (let i = 0; i < 20; i++) {
        readers.push(
          await SseReader.open(`${relay.url}/v1/stream?symbols=${i % 2 ? 'BTC,DOGE' : 'ETH,XRP'}`),
        );
      }
      await Promise.all(readers.map((reader) => reader.untilEvent('snapshot')));
      // Counted against the relay's own count of polls, so the check holds however slow the machine.
      const polls = () => pollCount(relay);
      const [callsBefore, pollsBefore] = [source.calls.length, await polls()];
      const pollsAfter = await untilPolls(relay, pollsBefore + 3);
      const callsAfter = source.calls.length;
      assert.ok(pollsAfter > pollsBefore, 'the relay kept polling');
      assert.ok(
        Math.abs(callsAfter - callsBefore - (pollsAfter - pollsBefore)) <= 1,
        `${callsAfter - callsBefore} upstream calls for ${pollsAfter - pollsBefore} polls, with 20 clients`,
      );
      const last = source.calls.at(-1)!;
      for (const symbol of ['BTC', 'ETH', 'SOL', 'ADA', 'DOT', 'DOGE', 'XRP']) {
        assert.ok(last.includes(`${symbol}/USD`), `${symbol} is in the one batched call`);
      }
    } finally {
      for (const reader of readers) await reader.close();
      await relay.stop();
    }
  });

  test('never overlaps its calls, even when the source is slower than the interval', async () => {
    const source = new CountingSource('slow');
    source.delayMs = 250;
    const relay = await startTestRelay({ sources: [source], config: { POLL_INTERVAL: 50 } });
    try {
      await waitFor(() => (source.calls.length >= 4 ? true : undefined));
      assert.equal(source.maxInFlight, 1);
    } finally {
      await relay.stop();
    }
  });

  test('takes quotes from the next source when the first fails, and says so', async () => {
    const primary = new CountingSource('primary');
    const backup = new CountingSource('backup');
    primary.failWith = new Error('HTTP 500 from upstream');
    const relay = await startTestRelay({ sources: [primary, backup] });
    try {
      const quotes = await waitFor(async () => {
        const body = await getQuotes(relay, 'BTC');
        return body.quotes.BTC;
      });
      assert.equal(quotes.source, 'backup', 'each quote names its source');
      const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
      try {
        await reader.until((frames) => frames.some((frame) => frame.event === 'snapshot'));
        const snapshot = JSON.parse(reader.events('snapshot')[0]!.data!) as {
          sources: { id: string; state: string; error?: string }[];
        };
        const primaryStatus = snapshot.sources.find((status) => status.id === 'primary');
        assert.notEqual(primaryStatus?.state, 'ok');
        assert.equal(primaryStatus?.error, 'HTTP 500 from upstream');
        assert.equal(snapshot.sources.find((status) => status.id === 'backup')?.state, 'ok');
      } finally {
        await reader.close();
      }
    } finally {
      await relay.stop();
    }
  });

  test('asks the next source for a symbol the first does not list', async () => {
    const majors = new CountingSource('majors', new Set(['BTC', 'ETH']));
    const everything = new CountingSource('everything');
    const relay = await startTestRelay({
      sources: [majors, everything],
      env: { SYMBOLS: 'BTC,ETH,SOL' },
    });
    try {
      const quotes = await waitFor(async () => {
        const body = await getQuotes(relay, 'BTC,SOL');
        return body.quotes.BTC && body.quotes.SOL ? body.quotes : undefined;
      });
      assert.equal(quotes.BTC?.source, 'majors');
      assert.equal(quotes.SOL?.source, 'everything');
      assert.ok(
        majors.calls.every((call) => !call.includes('SOL')),
        'a source is not asked for what it does not list',
      );
    } finally {
      await relay.stop();
    }
  });

  test('when every source fails, the relay stays up and its quotes turn stale after the TTL', async () => {
    const only = new CountingSource('only');
    const relay = await startTestRelay({ sources: [only], env: { PRICE_TTL: '1' } });
    try {
      await waitFor(async () => ((await relay.store.hasQuotes()) ? true : undefined));
      only.failWith = new Error('timeout');
      const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
      try {
        const frames = await reader.untilStale('BTC', 5_000);
        assert.ok(frames.length > 0);
        const body = await getQuotes(relay, 'BTC');
        assert.equal(body.quotes.BTC?.stale, true);
        assert.equal((await fetch(`${relay.url}/healthz`)).status, 200);
      } finally {
        await reader.close();
      }
    } finally {
      await relay.stop();
    }
  });
});
