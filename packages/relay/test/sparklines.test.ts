import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  bucketStart,
  type Candle,
  HOUR_MS,
  type SnapshotData,
  type Sparkline,
  type SparklinesData,
  stepMsOf,
} from '@tickwire/protocol';
import { pino } from 'pino';
import type { Relay } from '../src/relay.js';
import { candleLine, LINE_STEP_MS } from '../src/sparklines/candle-line.js';
import { type SparklineChanges, SparklineService } from '../src/sparklines/sparkline-service.js';
import { startBinanceRelay } from './support/binance-relay.js';
import { CountingSource } from './support/counting-source.js';
import type { FakeUpstream } from './support/fake-upstream.js';
import { startTestRelay } from './support/relay.js';
import { dataOf, SseReader } from './support/sse-reader.js';

/** Klines calls for 24 h candles (5-minute buckets; a history backfill asks without a start time). */
const dayCandleCalls = (binance: FakeUpstream, symbol: string) =>
  binance
    .callsTo('/api/v3/klines')
    .filter(
      (call) =>
        call.query.has('startTime') &&
        call.query.get('symbol') === symbol &&
        call.query.get('interval') === '5m',
    ).length;

/** The line a stream holds for `symbol`: its snapshot's, then each `sparklines` event's. */
function lineOf(reader: SseReader, symbol: string): Sparkline | null | undefined {
  let line: Sparkline | null | undefined;
  for (const frame of reader.frames) {
    if (frame.event === 'snapshot') line = dataOf<SnapshotData>(frame).sparklines?.[symbol];
    if (frame.event === 'sparklines') {
      const changes = dataOf<SparklinesData>(frame).sparklines;
      if (symbol in changes) line = changes[symbol];
    }
  }
  return line;
}

/** Checks what the protocol promises of a 24 h line. */
function assertDayLine(line: Sparkline, askedAt: number) {
  assert.equal(line.range, '24h');
  const times = line.points.map(([ms]) => ms);
  assert.ok(line.points.length >= 47 && line.points.length <= 50, `${line.points.length} points`);
  const span = times.at(-1)! - times[0]!;
  assert.ok(span > 23 * HOUR_MS && span <= 24 * HOUR_MS, `spans ${span / HOUR_MS} h`);
  times.slice(0, -1).forEach((ms, index) => {
    assert.equal(ms % LINE_STEP_MS, 0, 'every point but the newest on the half hour');
    if (index > 0) assert.equal(ms - times[index - 1]!, LINE_STEP_MS);
  });
  assert.ok(times.at(-1)! >= askedAt - 5 * 60_000 && times.at(-1)! <= Date.now());
}

describe('sparklines: a 24 h line per watched symbol, in the stream', () => {
  let binance: FakeUpstream;
  let relay: Relay;
  let stop: () => Promise<void>;

  before(async () => {
    ({ binance, relay, stop } = await startBinanceRelay());
  });
  after(() => stop());

  test('the first stream of a symbol gets its line in an event, later ones in their snapshot: one upstream call for all, the charts included', async () => {
    const askedAt = Date.now();
    const first = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
    const readers: SseReader[] = [first];
    try {
      await first.until(() => lineOf(first, 'BTC') != null);
      assertDayLine(lineOf(first, 'BTC')!, askedAt);
      // Ten more pages, some watching other sets with BTC in them, and a chart's 24 h candles.
      for (let i = 0; i < 10; i++) {
        readers.push(
          await SseReader.open(`${relay.url}/v1/stream?symbols=${i % 2 ? 'BTC' : 'BTC,ETH'}`),
        );
      }
      const chart = await fetch(`${relay.url}/v1/candles?symbol=BTC&range=24h`);
      assert.equal(chart.status, 200);
      for (const reader of readers.slice(1)) {
        const [snapshot] = (await reader.untilEvent('snapshot')).filter(
          (f) => f.event === 'snapshot',
        );
        const carried = dataOf<SnapshotData>(snapshot).sparklines?.BTC;
        assert.deepEqual(carried, lineOf(first, 'BTC'), 'the snapshot carries the same line');
      }
      assert.equal(
        dayCandleCalls(binance, 'BTCUSDT'),
        1,
        'one 24 h candle call for every page and the chart',
      );
    } finally {
      await Promise.all(readers.map((reader) => reader.close()));
    }
  });

  test('a client that resumes gets no snapshot, but the current line after the events it missed', async () => {
    const first = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
    await first.until(
      (frames) => lineOf(first, 'BTC') != null && frames.some((frame) => frame.event === 'quotes'),
    );
    const lastId = first.events('quotes').at(-1)!.id!;
    const resumed = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`, {
      'Last-Event-ID': lastId,
    });
    try {
      await resumed.untilEvent('sparklines');
      assert.equal(resumed.events('snapshot').length, 0);
      assert.deepEqual(lineOf(resumed, 'BTC'), lineOf(first, 'BTC'));
    } finally {
      await first.close();
      await resumed.close();
    }
  });

  test('a snapshot without lines is as before: no `sparklines` field at all', async () => {
    const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=NOTACOIN`);
    try {
      const frames = await reader.untilEvent('snapshot');
      assert.equal(
        'sparklines' in dataOf(frames.find((frame) => frame.event === 'snapshot')),
        false,
      );
    } finally {
      await reader.close();
    }
  });
});

describe('sparklines from a source without candles', () => {
  test('none: no line is made up from the relay’s own ticks', async () => {
    const relay = await startTestRelay({ sources: [new CountingSource('ticks-only')] });
    const reader = await SseReader.open(`${relay.url}/v1/stream?symbols=BTC`);
    try {
      // Enough polls for a line to have been read, were there one.
      await reader.until(
        (frames) => frames.filter((frame) => frame.event === 'quotes').length >= 5,
      );
      assert.equal(lineOf(reader, 'BTC'), undefined);
      assert.equal(reader.events('sparklines').length, 0);
    } finally {
      await reader.close();
      await relay.stop();
    }
  });
});

describe('SparklineService', () => {
  const HALF_DAY_OF_5M = 288;
  /** A day of 5-minute candles up to the bucket under way at `now`, each closing at `close(t)`. */
  const dayOfCandles = (now: number, close: (t: number) => number = () => 100): Candle[] => {
    const step = stepMsOf('24h');
    const current = bucketStart(now, step);
    return Array.from({ length: HALF_DAY_OF_5M }, (_, i) => {
      const t = current - (HALF_DAY_OF_5M - 1 - i) * step;
      const price = close(t);
      return [t, price, price, price, price, 1] as Candle;
    });
  };
  const log = pino({ level: 'silent' });

  function startService(candles: () => Candle[] | undefined, clock: { now: number }) {
    const service = new SparklineService({
      candles: {
        get: async () => {
          const list = candles();
          return list && { body: JSON.stringify({ candles: list }), etag: '""', expiresAt: 0 };
        },
      },
      refreshMs: HOUR_MS,
      log,
      now: () => clock.now,
    });
    const heard: SparklineChanges[] = [];
    service.subscribe((changes) => heard.push(changes));
    return { service, heard };
  }

  test('the line moves when a half hour closes, not with every refresh; it goes with its last watcher', async () => {
    const clock = { now: Date.UTC(2026, 11, 6, 12, 7) };
    const { service, heard } = startService(() => dayOfCandles(clock.now, (t) => t / 1e9), clock);
    const release = service.watch(['BTC']);
    await service.refresh();
    assert.equal(heard.length, 1, 'the new symbol is read at once');
    assertDayLineShape(service.linesOf(['BTC']).BTC!, clock.now);
    clock.now += 10 * 60_000; // 12:17: the same half hour, the newest point moved
    await service.refresh();
    assert.equal(heard.length, 1, 'no event: a client moves the newest point with the live price');
    clock.now += 15 * 60_000; // 12:32: the half hour closed
    await service.refresh();
    assert.equal(heard.length, 2);
    assert.equal(heard[1]!.BTC!.points.at(-2)![0], Date.UTC(2026, 11, 6, 12, 30));
    release();
    assert.deepEqual(service.linesOf(['BTC']), {}, 'forgotten with its last watcher');
    await service.refresh();
    assert.equal(heard.length, 2);
    service.stop();
  });

  test('a line whose candles cannot be read is kept for an hour, then said to be gone', async () => {
    const clock = { now: Date.UTC(2026, 11, 6, 12, 7) };
    let available = true;
    const { service, heard } = startService(
      () => (available ? dayOfCandles(clock.now) : undefined),
      clock,
    );
    service.watch(['BTC']);
    await service.refresh();
    available = false;
    clock.now += 30 * 60_000;
    await service.refresh();
    assert.equal(heard.length, 1, 'kept while recent');
    clock.now += 60 * 60_000;
    await service.refresh();
    assert.deepEqual(heard.at(-1), { BTC: null });
    service.stop();
  });

  test('candles shorter than the day give no line: a "24h" line never spans less', () => {
    const now = Date.UTC(2026, 11, 6, 12, 7);
    assert.equal(candleLine(dayOfCandles(now).slice(-200), '24h', now), undefined);
    assert.equal(candleLine([], '24h', now), undefined);
  });

  function assertDayLineShape(line: Sparkline, now: number) {
    assert.equal(line.points.length, 49);
    assert.equal(line.points.at(-1)![0], now);
    assert.equal(line.points[0]![0], Date.UTC(2026, 11, 5, 12, 30));
  }
});
