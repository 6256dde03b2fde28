import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseHistory, TICK_WINDOW, TICK_WINDOW_MS, tickHistoryPoints } from '@tickwire/protocol';
import { EventSource } from 'eventsource';
import type { Relay } from '../src/relay.js';
import { testQuote } from './support/quotes.js';
import { startTestRelay, waitFor } from './support/relay.js';
import { dataOf, SseReader } from './support/sse-reader.js';

interface Received {
  type: string;
  id: string;
  data: Record<string, unknown>;
}

/** A real EventSource client that records every event it receives. */
function listen(url: string, headers: Record<string, string> = {}) {
  const received: Received[] = [];
  const source = new EventSource(url, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
  });
  for (const type of ['snapshot', 'quotes', 'status']) {
    source.addEventListener(type, (event) => {
      received.push({ type, id: event.lastEventId, data: JSON.parse(event.data) });
    });
  }
  return { source, received };
}

describe('GET /v1/stream', () => {
  let relay: Relay;
  before(async () => {
    relay = await startTestRelay();
  });
  after(() => relay.stop());

  test('opens with retry, then a snapshot of quotes, history and unknown symbols', async () => {
    await waitFor(async () => ((await relay.store.hasQuotes()) ? true : undefined));
    const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=btc,%20eth,NOTACOIN`);
    try {
      assert.equal(reader.response.status, 200);
      assert.match(reader.response.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.equal(reader.response.headers.get('cache-control'), 'no-cache, no-transform');
      assert.equal(reader.response.headers.get('x-accel-buffering'), 'no');
      await reader.until((frames) => frames.some((frame) => frame.event === 'snapshot'));
      assert.equal(
        reader.frames[0]?.retry,
        2000,
        'the first frame tells clients how long to wait before reconnecting',
      );
      const first = reader.frames.find((frame) => frame.event !== undefined);
      assert.equal(first?.event, 'snapshot', 'the first event is a snapshot');
      const snapshot = dataOf<{
        interval: number;
        currency: string;
        ttl: number;
        quotes: Record<string, { symbol: string; source: string; price: number }>;
        history: Record<string, [number, number][]>;
        unknown: string[];
        sources: { id: string; state: string }[];
      }>(first);
      assert.deepEqual(Object.keys(snapshot.quotes).sort(), ['BTC', 'ETH']);
      assert.equal(snapshot.quotes.BTC?.source, 'demo');
      assert.ok(snapshot.quotes.BTC!.price > 1000, 'BTC is priced like BTC');
      assert.deepEqual(snapshot.unknown, ['NOTACOIN']);
      assert.equal(snapshot.interval, 100);
      assert.equal(snapshot.currency, 'USD', 'clients are told the default currency');
      assert.equal(snapshot.ttl, 60_000, 'and the price TTL');
      assert.ok((snapshot.history.BTC?.length ?? 0) >= 50, 'the chart gets history from the start');
      const times = snapshot.history.BTC!.map(([ms]) => ms);
      assert.deepEqual(
        times,
        [...times].sort((a, b) => a - b),
        'history is oldest first',
      );
      assert.deepEqual(
        snapshot.sources.map(({ id, state }) => ({ id, state })),
        [{ id: 'demo', state: 'ok' }],
      );
    } finally {
      await reader.close();
    }
  });

  test('then streams quotes events with strictly increasing ids, only for the asked symbols', async () => {
    const { source, received } = listen(`${relay.url}/v1/stream?symbols=SOL`);
    try {
      await waitFor(() =>
        received.filter((event) => event.type === 'quotes').length >= 3 ? true : undefined,
      );
      const quotes = received.filter((event) => event.type === 'quotes');
      for (const event of quotes) {
        assert.deepEqual(Object.keys(event.data.quotes as object), ['SOL']);
        assert.equal(typeof event.data.t, 'number');
      }
      const sequence = quotes.map((event) => Number(event.id.split('-')[1]));
      for (let i = 1; i < sequence.length; i++)
        assert.ok(sequence[i]! > sequence[i - 1]!, 'ids increase');
    } finally {
      source.close();
    }
  });

  test('a client that reconnects with Last-Event-ID gets exactly the events it missed', async () => {
    const witness = listen(`${relay.url}/v1/stream?symbols=BTC,ETH`);
    const leaving = listen(`${relay.url}/v1/stream?symbols=BTC,ETH`);
    try {
      await waitFor(() =>
        leaving.received.filter((event) => event.type === 'quotes').length >= 2 ? true : undefined,
      );
      leaving.source.close();
      const lastSeen = leaving.received.filter((event) => event.type === 'quotes').at(-1)!.id;
      // Let several polls pass while the client is away.
      await waitFor(() => {
        const ids = witness.received.filter((event) => event.type === 'quotes').map(({ id }) => id);
        const at = ids.indexOf(lastSeen);
        return at >= 0 && ids.length - at > 3 ? true : undefined;
      });
      const resumed = listen(`${relay.url}/v1/stream?symbols=BTC,ETH`, {
        'Last-Event-ID': lastSeen,
      });
      try {
        await waitFor(() =>
          resumed.received.filter((event) => event.type === 'quotes').length >= 6
            ? true
            : undefined,
        );
        assert.equal(
          resumed.received.filter((event) => event.type === 'snapshot').length,
          0,
          'a resumed stream sends no snapshot',
        );
        assert.ok(
          resumed.received.some((event) => event.type === 'status'),
          'but the current status, which may have changed meanwhile',
        );
        const resumedIds = resumed.received
          .filter((event) => event.type === 'quotes')
          .map((event) => event.id);
        const witnessIds = witness.received
          .filter((event) => event.type === 'quotes')
          .map((event) => event.id);
        const expected = witnessIds.slice(
          witnessIds.indexOf(lastSeen) + 1,
          witnessIds.indexOf(lastSeen) + 1 + 6,
        );
        assert.ok(witnessIds.includes(lastSeen));
        assert.deepEqual(
          resumedIds.slice(0, 6),
          expected,
          'the missed events, in order, without duplicates',
        );
      } finally {
        resumed.source.close();
      }
    } finally {
      witness.source.close();
    }
  });

  test('an id the relay does not hold gets a fresh snapshot', async () => {
    const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`, {
      'Last-Event-ID': 'zzz-12',
    });
    try {
      const frames = await reader.until((all) => all.some((frame) => frame.event !== undefined));
      assert.equal(frames.find((frame) => frame.event)?.event, 'snapshot');
    } finally {
      await reader.close();
    }
  });

  test('the stream without symbols serves the default set', async () => {
    const reader = await SseReader.open(`${relay.url}/v1/stream`);
    try {
      await reader.until((frames) => frames.some((frame) => frame.event === 'snapshot'));
      const snapshot = dataOf<{ quotes: Record<string, unknown> }>(reader.events('snapshot')[0]);
      assert.deepEqual(Object.keys(snapshot.quotes).sort(), ['ADA', 'BTC', 'DOT', 'ETH', 'SOL']);
    } finally {
      await reader.close();
    }
  });

  test('a symbol no client watched before is polled from then on', async () => {
    const { source, received } = listen(`${relay.url}/v1/stream?symbols=DOGE`);
    try {
      const quotes = await waitFor(() => received.find((event) => event.type === 'quotes'));
      assert.ok((quotes.data.quotes as Record<string, unknown>).DOGE);
    } finally {
      source.close();
    }
  });

  for (const [name, query, code] of [
    ['a malformed symbol', 'symbols=BTC,DROP%20TABLE', 'bad_symbol'],
    ['a symbol with markup', 'symbols=%3Cscript%3E', 'bad_symbol'],
    [
      'too many symbols',
      `symbols=${Array.from({ length: 51 }, (_, i) => `S${i}`).join(',')}`,
      'too_many_symbols',
    ],
    ['an oversized query', `symbols=${'A'.repeat(5000)}`, 'bad_query'],
  ] as const) {
    test(`${name} is a 400 with a JSON error, before any stream opens`, async () => {
      const response = await fetch(`${relay.url}/v1/stream?${query}`);
      assert.equal(response.status, 400);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, code);
      assert.ok(body.error.message.length > 0);
      assert.doesNotMatch(
        body.error.message,
        /<script>|at \w+ \(/,
        'no markup echoed, no stack trace',
      );
    });
  }
});

describe('stream limits and liveness', () => {
  test('heartbeat comments keep an idle stream open', async () => {
    const relay = await startTestRelay({ timings: { heartbeatMs: 50 } });
    const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
    try {
      await reader.until(
        (frames) => frames.filter((frame) => frame.comment === 'heartbeat').length >= 2,
      );
    } finally {
      await reader.close();
      await relay.stop();
    }
  });

  for (const limit of [
    {
      key: 'MAX_CLIENTS_PER_IP',
      what: 'from one address',
      status: 429,
      retryAfter: '10',
      code: 'too_many_streams',
    },
    { key: 'MAX_CLIENTS', what: 'in all', status: 503, retryAfter: '5', code: 'relay_full' },
  ]) {
    test(`more streams ${limit.what} than ${limit.key} get a ${limit.status} with Retry-After, until one closes`, async () => {
      const relay = await startTestRelay({ env: { [limit.key]: '2' } });
      const open: SseReader[] = [];
      try {
        open.push(
          await SseReader.open(`${relay.url}/v1/stream`),
          await SseReader.open(`${relay.url}/v1/stream`),
        );
        const third = await fetch(`${relay.url}/v1/stream`);
        assert.equal(third.status, limit.status);
        assert.equal(third.headers.get('retry-after'), limit.retryAfter);
        assert.equal(((await third.json()) as { error: { code: string } }).error.code, limit.code);
        // HEAD says what a GET would get: a monitor must not hear 200 from a full relay.
        const head = await fetch(`${relay.url}/v1/stream`, { method: 'HEAD' });
        assert.equal(head.status, limit.status);
        assert.equal(head.headers.get('retry-after'), limit.retryAfter);
        assert.equal(await head.text(), '');
        await open.pop()!.close();
        await waitFor(async () =>
          (await fetch(`${relay.url}/v1/stream`, { method: 'HEAD' })).status === 200
            ? true
            : undefined,
        );
        const again = await waitFor(async () => {
          const reader = await SseReader.open(`${relay.url}/v1/stream`);
          if (reader.response.status === 200) return reader;
          await reader.close();
          return undefined;
        });
        open.push(again);
      } finally {
        for (const reader of open) await reader.close();
        await relay.stop();
      }
    });
  }

  test('a closed stream leaves the hub', async () => {
    const relay = await startTestRelay();
    try {
      const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
      await reader.until((frames) => frames.some((frame) => frame.event === 'snapshot'));
      const gauge = async () =>
        (await (await fetch(`${relay.url}/metrics`)).text()).match(
          /^tickwire_sse_clients (\d+)/m,
        )?.[1];
      assert.equal(await gauge(), '1');
      await reader.close();
      await waitFor(async () => ((await gauge()) === '0' ? true : undefined));
    } finally {
      await relay.stop();
    }
  });
});

describe('the tick chart’s window in a snapshot', () => {
  test(`a reader who comes back is sent the last ${TICK_WINDOW.minutes} minutes of a streamed symbol’s updates, ${tickHistoryPoints(4)} at 4 a second, never more`, async () => {
    const relay = await startTestRelay({ env: { SYMBOLS: 'BTC', MAX_EVENTS_PER_SECOND: '4' } });
    try {
      await relay.poller.pause();
      // Ten minutes of a stream published 4 times a second, ending now (past MAX_HISTORY's 100).
      const end = Date.now();
      const published = 10 * 60 * 4;
      for (let i = published - 1; i >= 0; i--) {
        const ts = end - i * 250;
        await relay.store.appendQuotes([testQuote('BTC', 67_000 + (i % 17), ts)], ts);
      }
      const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
      try {
        await reader.untilEvent('snapshot');
        const snapshot = dataOf<{ history: Record<string, [number, number][]> }>(
          reader.events('snapshot')[0],
        );
        const history = snapshot.history.BTC!;
        assert.equal(history.length, tickHistoryPoints(4));
        assert.equal(history.at(-1)![0], end, 'up to the newest update');
        const spanMs = end - history[0]![0];
        assert.ok(
          spanMs >= TICK_WINDOW_MS - 250 && spanMs <= TICK_WINDOW_MS,
          `the window shown: ${spanMs} ms`,
        );
        // As the client reads it: every point kept.
        assert.equal(parseHistory(history, end).length, history.length);
      } finally {
        await reader.close();
      }
    } finally {
      await relay.stop();
    }
  });
});
