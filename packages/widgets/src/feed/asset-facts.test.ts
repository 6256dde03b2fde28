import { expect } from '@open-wc/testing';
import type { AssetsAnswer } from '@tickwire/protocol';
import { FACTS_REFRESH_MS, type FactsQuery, readFacts } from './asset-facts.js';
import { FakeClock } from './fake-clock.js';
import { sampleAssets } from './sample-facts.js';
import { scriptedRelay } from './testing.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const QUERY: FactsQuery = { assets: ['BTC', 'ETH'], currency: 'USD' };

describe('asset facts, read once per page per relay', () => {
  it('asks once for every reader of a query, and again every few minutes while one reads', async () => {
    const { feed } = scriptedRelay('facts');
    const clock = new FakeClock();
    let asks = 0;
    feed.assets = async () => {
      asks++;
      return sampleAssets({ BTC: 67_000, ETH: 3_500 });
    };
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = readFacts(feed, QUERY, (facts) => first.push(facts), clock);
    const stopSecond = readFacts(
      feed,
      { ...QUERY, assets: ['ETH', 'BTC'] },
      (f) => second.push(f),
      clock,
    );
    await settle();
    expect(asks).to.equal(1, 'one ask for both, whatever the order of the assets');
    expect(first).to.have.length(1);
    expect(second).to.have.length(1);
    clock.tick(FACTS_REFRESH_MS - 1);
    await settle();
    expect(asks).to.equal(1);
    clock.tick(1);
    await settle();
    expect(asks).to.equal(2, 'refreshed');
    stopFirst();
    stopSecond();
    clock.tick(FACTS_REFRESH_MS * 3);
    await settle();
    expect(asks).to.equal(2, 'nobody reads: nothing asked');
  });

  it('asks again soon while the relay says some are pending', async () => {
    const { feed } = scriptedRelay('facts');
    const clock = new FakeClock();
    const answersInTurn: AssetsAnswer[] = [
      { ...sampleAssets({ BTC: 67_000 }), pending: ['ETH'] },
      sampleAssets({ BTC: 67_000, ETH: 3_500 }),
    ];
    let asks = 0;
    feed.assets = async () => answersInTurn[Math.min(asks++, 1)]!;
    const seen: (string[] | undefined)[] = [];
    const stop = readFacts(feed, QUERY, (facts) => seen.push(Object.keys(facts!.assets)), clock);
    await settle();
    clock.tick(2_000);
    await settle();
    expect(asks).to.equal(2, 'within the first backoff');
    expect(seen).to.deep.equal([['BTC'], ['BTC', 'ETH']]);
    stop();
  });

  it('a relay without facts is no error: null, and the reader shows what the stream has', async () => {
    const { feed } = scriptedRelay('facts');
    const seen: unknown[] = [];
    const stop = readFacts(feed, QUERY, (facts) => seen.push(facts), new FakeClock());
    await settle();
    expect(seen).to.deep.equal([null]);
    stop();
  });

  /**
   * A week of prices, a point every three hours up to now: exactly seven days from first to
   * last, read off one clock reading (a millisecond passing between two would push the first
   * point out of the week, as it did once on a busy machine).
   */
  const now = Date.now();
  const WEEK = Array.from({ length: 57 }, (_, i) => [now - (56 - i) * 3 * 3_600_000, 100 + i]);

  it('keeps only what an element may use: numbers as numbers, logos on the relay', async () => {
    const { feed, relay } = scriptedRelay('facts');
    feed.assets = async () =>
      ({
        t: 1,
        currency: 'USD',
        unknown: [],
        assets: {
          BTC: {
            name: 'Bitcoin',
            logo: '/v1/logos/BTC',
            rank: '1',
            marketCap: Number.NaN,
            line7d: { range: '7d', points: 'M0,0 L100,28' },
          },
          ETH: {
            name: 'Ethereum',
            logo: 'https://elsewhere.example/eth.png',
            rank: 2,
            line7d: { range: '7d', points: WEEK },
          },
          '<b>': { name: 'x', logo: '/x' },
        },
      }) as unknown as AssetsAnswer;
    let seen: AssetsAnswer | null = null;
    const stop = readFacts(
      feed,
      QUERY,
      (facts) => {
        seen = facts;
      },
      new FakeClock(),
    );
    await settle();
    const { assets } = seen as unknown as AssetsAnswer;
    expect(Object.keys(assets)).to.deep.equal(['BTC', 'ETH']);
    expect(assets.BTC!.logo).to.equal(`${relay}v1/logos/BTC`);
    expect(assets.BTC!.rank).to.equal(undefined, 'a rank in text is no rank');
    expect(assets.BTC!.marketCap).to.equal(undefined);
    expect(assets.ETH!.logo).to.equal('', 'another site learns nothing of the reader');
    expect(assets.ETH!.rank).to.equal(2);
    expect(assets.BTC!.line7d).to.equal(undefined, 'a path in text is no line');
    expect(assets.ETH!.line7d).to.deep.equal({ range: '7d', points: WEEK });
    stop();
  });
});
