import { expect } from '@open-wc/testing';
import { messages as de } from '../../internal/messages/de.js';
import { en } from '../../internal/messages/en.js';
import { CandleLoadError, readCandles, sayCandleProblem } from './candle-history.js';

/** A relay's JSON error answer; `range_unavailable` with its parts (candles-route.ts). */
const refusal = (status: number, code = 'range_unavailable') =>
  new Response(
    JSON.stringify({
      error: {
        code,
        message: 'CoinGecko has no 1-minute candles for a 1H chart; choose 24H or longer.',
        sources: ['CoinGecko'],
        ranges: ['24h', '7d', '30d', '1y'],
      },
    }),
    { status, headers: { 'Content-Type': 'application/json' } },
  );

const failureOf = (response: Response) =>
  readCandles(response, 'BTC', '1h').then(
    () => expect.fail('no candles in an error answer'),
    (error: unknown) => error as CandleLoadError,
  );

describe('reading a relay’s candle answer', () => {
  it('a refusal is for good, a failure or a busy relay is asked again', async () => {
    const cases: [number, boolean][] = [
      [404, false],
      [400, false],
      [403, false],
      [500, true],
      [503, true],
      [429, true],
      [408, true],
    ];
    for (const [status, retryable] of cases) {
      const error = await failureOf(refusal(status, 'some_code'));
      expect(error, String(status)).to.be.instanceOf(CandleLoadError);
      expect(error.problem, String(status)).to.deep.equal({ reason: 'unavailable' });
      expect(error.retryable, String(status)).to.equal(retryable);
    }
  });

  it('a range no source has: the sources and the ranges there are, said in the reader’s language', async () => {
    const error = await failureOf(refusal(404));
    expect(error.problem).to.deep.equal({
      reason: 'range-unavailable',
      sources: ['CoinGecko'],
      ranges: ['24h', '7d', '30d', '1y'],
    });
    expect(sayCandleProblem(error.problem, '1h', 'BTC', en, 'en')).to.equal(
      'No 1H chart from CoinGecko; choose 24H, 7D, 30D, or 1Y.',
    );
    expect(sayCandleProblem(error.problem, '1h', 'BTC', de, 'de')).to.equal(
      `Kein ${de.ranges['1h']}-Diagramm von CoinGecko; ${de.ranges['24h']}, ${de.ranges['7d']}, ${de.ranges['30d']} oder ${de.ranges['1y']} wählen.`,
    );
  });

  it('keeps how long a busy relay asked to be left alone: Retry-After in seconds or as a date', async () => {
    const busy = (retryAfter: string) =>
      new Response('<h1>Service unavailable</h1>', {
        status: 503,
        headers: { 'Retry-After': retryAfter },
      });
    expect((await failureOf(busy('30'))).retryAfterMs).to.equal(30_000);
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect((await failureOf(busy(inAMinute))).retryAfterMs).to.be.within(58_000, 60_000);
    expect((await failureOf(busy('soon'))).retryAfterMs).to.equal(undefined);
    expect((await failureOf(refusal(503))).retryAfterMs).to.equal(undefined);
  });

  it('an answer that is not the relay’s (a proxy’s page) is a history that could not be had', async () => {
    const error = await failureOf(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    expect(error.problem).to.deep.equal({ reason: 'unavailable' });
    expect(error.retryable).to.equal(true);
    expect(sayCandleProblem(error.problem, '1h', 'BTC', en, 'en')).to.equal(
      'The 1H history of BTC could not be loaded.',
    );
  });
});
