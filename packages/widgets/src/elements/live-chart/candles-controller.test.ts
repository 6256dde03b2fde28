import { expect, waitUntil } from '@open-wc/testing';
import type { CandleRange } from '@tickwire/protocol';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Feed } from '../../feed/feed.js';
import { sampleQuote, sampleSnapshot } from '../../feed/sample-quotes.js';
import { scriptedRelay } from '../../feed/testing.js';
import { CandleLoadError, type CandleProblem } from './candle-history.js';
import { CandlesController, type CandlesRequest } from './candles-controller.js';
import { holdLongTimers } from './held-timers.test.js';

/**
 * A controller on a host that asks it for its request on every update, as the chart does;
 * `ask` changes the request, `leave` takes the host off the page.
 */
function controllerFor(first: CandlesRequest) {
  let request = first;
  const controllers: ReactiveController[] = [];
  const host: ReactiveControllerHost = {
    addController: (controller) => controllers.push(controller),
    removeController: () => {},
    requestUpdate: () => queueMicrotask(() => candles.load(request)),
    updateComplete: Promise.resolve(true),
  };
  const candles = new CandlesController(host);
  const ask = (change: Partial<CandlesRequest> = {}) => {
    request = { ...request, ...change };
    candles.load(request);
  };
  const leave = () => {
    for (const controller of controllers) controller.hostDisconnected?.();
  };
  ask();
  return { candles, ask, leave };
}

/** A scripted relay priced for BTC and ETH; `fail` decides its answer to each request. */
function scriptedCandles(
  fail: (range: CandleRange, tries: number) => Error | undefined = () => undefined,
) {
  const { feed } = scriptedRelay('candles');
  feed.send({
    type: 'snapshot',
    data: sampleSnapshot([sampleQuote('BTC', 67_000, 1), sampleQuote('ETH', 3_500, 1)]),
  });
  const serve = feed.candles;
  const asked: string[] = [];
  feed.candles = async (symbol, range) => {
    asked.push(`${symbol}:${range}`);
    const error = fail(range, asked.length);
    if (error) throw error;
    return serve(symbol, range);
  };
  return { feed, asked };
}

describe('the chart’s candles controller', () => {
  let timers: ReturnType<typeof holdLongTimers>;
  /** A relay behind a proxy during a deploy: every answer a 503 page. */
  let unavailableUrl: string;
  // Asked before any timer is held: the command sets a long one of its own.
  before(async () => {
    unavailableUrl = (await executeServerCommand('unavailable-url')) as string;
  });
  beforeEach(() => {
    timers = holdLongTimers();
  });
  afterEach(() => timers.restore());

  it('loads each symbol once per request, again after a reconnect (keeping what it has), afresh for another range', async () => {
    const { feed, asked } = scriptedCandles();
    const { candles, ask } = controllerFor({
      feed,
      symbols: ['BTC', 'ETH'],
      range: '24h',
      reconnects: 0,
    });
    expect(candles.isLoading()).to.equal(true);
    await waitUntil(() => !candles.isLoading());
    ask();
    expect(asked).to.deep.equal(['BTC:24h', 'ETH:24h']);
    ask({ reconnects: 1 });
    expect(candles.answerOf('BTC')?.range, 'kept while it reloads').to.equal('24h');
    await waitUntil(() => asked.length === 4);
    ask({ range: '7d' });
    expect(candles.answerOf('BTC')).to.equal(undefined);
    expect(candles.isLoading()).to.equal(true);
    await waitUntil(() => candles.answerOf('ETH')?.range === '7d');
  });

  it('a request that changes aborts the one under way; leaving the page aborts the load and its retry', async () => {
    const feed = { relayUrl: unavailableUrl } as Feed;
    const { candles, ask, leave } = controllerFor({
      feed,
      symbols: ['BTC'],
      range: '24h',
      reconnects: 0,
    });
    ask({ symbols: ['ETH'] });
    await waitUntil(() => candles.errors().length > 0);
    expect(candles.errors()).to.deep.equal([{ symbol: 'ETH', problem: { reason: 'unavailable' } }]);
    expect(candles.received).to.equal(1);
    expect(timers.pending()).to.have.length(1);
    leave();
    expect(timers.pending(), 'no retry once gone').to.have.length(0);
    ask({ symbols: ['SOL'] });
    leave();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(candles.received, 'nothing lands after leaving').to.equal(1);
  });

  it('waits as long as the relay asks (Retry-After), up to 10 minutes', async () => {
    const { feed } = scriptedCandles(
      () => new CandleLoadError({ reason: 'unavailable' }, true, 60 * 60_000),
    );
    controllerFor({ feed, symbols: ['BTC'], range: '24h', reconnects: 0 });
    await waitUntil(() => timers.pending().length === 1);
    expect(timers.pending()[0]!.ms).to.equal(10 * 60_000);
  });

  it('a refusal (a range no source has) is kept, not asked again', async () => {
    const problem: CandleProblem = {
      reason: 'range-unavailable',
      sources: ['CoinGecko'],
      ranges: ['24h'],
    };
    const { feed } = scriptedCandles(() => new CandleLoadError(problem, false));
    const { candles } = controllerFor({ feed, symbols: ['BTC'], range: '1h', reconnects: 0 });
    await waitUntil(() => candles.errors().length === 1);
    expect(candles.errors()).to.deep.equal([{ symbol: 'BTC', problem }]);
    expect(timers.held).to.have.length(0);
  });

  it('waits longer after each failure in a row (the protocol’s backoff), and starts over once all have come', async () => {
    let failing = true;
    const { feed } = scriptedCandles(() =>
      failing ? new CandleLoadError({ reason: 'unavailable' }, true) : undefined,
    );
    const { candles, ask } = controllerFor({
      feed,
      symbols: ['BTC'],
      range: '24h',
      reconnects: 0,
    });
    /** The retry the controller set last, once it is set. */
    const nextRetry = async (count: number) => {
      await waitUntil(() => timers.held.length === count);
      return timers.held[count - 1]!;
    };
    const waits = [];
    for (let count = 1; count <= 3; count++) {
      const retry = await nextRetry(count);
      waits.push(retry.ms);
      // The third retry finds the relay well again.
      if (count === 3) failing = false;
      retry.run();
    }
    expect(waits[0]).to.be.within(2_000, 4_000);
    expect(waits[1]).to.be.within(4_000, 8_000);
    expect(waits[2]).to.be.within(8_000, 16_000);
    await waitUntil(() => candles.answerOf('BTC') !== undefined);
    failing = true;
    ask({ reconnects: 1 });
    expect((await nextRetry(4)).ms).to.be.within(2_000, 4_000);
  });
});
