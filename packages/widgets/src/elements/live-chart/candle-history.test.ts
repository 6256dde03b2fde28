import { expect } from '@open-wc/testing';
import { CandleLoadError, readCandles } from './candle-history.js';

const ADVICE = 'CoinGecko has no 1-minute candles for a 1H chart; choose 24H or longer.';

/** A relay's JSON error answer. */
const refusal = (status: number, message = ADVICE) =>
  new Response(JSON.stringify({ error: { code: 'some_code', message } }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

const failureOf = (response: Response) =>
  readCandles(response, 'BTC', '1h').then(
    () => expect.fail('no candles in an error answer'),
    (error: unknown) => error as CandleLoadError,
  );

describe('reading a relay’s candle answer', () => {
  it('shows the relay’s reason; a refusal is for good, a failure or a busy relay is asked again', async () => {
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
      const error = await failureOf(refusal(status));
      expect(error, String(status)).to.be.instanceOf(CandleLoadError);
      expect(error.message, String(status)).to.equal(ADVICE);
      expect(error.retryable, String(status)).to.equal(retryable);
    }
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

  it('an answer that is not the relay’s (a proxy’s page) gets a sentence of ours', async () => {
    const error = await failureOf(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    expect(error.message).to.equal('The 1h history of BTC could not be loaded.');
    expect(error.retryable).to.equal(true);
  });
});
