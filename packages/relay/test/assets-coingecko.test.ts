import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AssetsAnswer, ErrorAnswer } from '@tickwire/protocol';
import type { Relay } from '../src/relay.js';
import { CoinGeckoSource } from '../src/sources/coingecko-source.js';
import { startFakeCoinGecko } from './support/fake-coingecko.js';
import { FakeMarket } from './support/fake-market.js';
import type { FakeUpstream } from './support/fake-upstream.js';
import { RedisServer } from './support/redis-server.js';
import { metricValue, startTestRelay, waitFor } from './support/relay.js';

async function assets(relay: Relay, query: string) {
  const response = await fetch(`${relay.url}/v1/assets?${query}`);
  return { response, body: (await response.json()) as AssetsAnswer & ErrorAnswer };
}

/** A relay on CoinGecko alone, on a paid plan's budget unless the test is about the budget. */
function coinGeckoRelay(
  coingecko: FakeUpstream,
  options: Parameters<typeof startTestRelay>[0] = {},
) {
  return startTestRelay({
    ...options,
    env: { SOURCES: 'coingecko', SYMBOLS: 'BTC', ...options.env },
    sources: [
      new CoinGeckoSource({
        apiKey: 'pro:test-key',
        currencies: (options.env?.CURRENCIES ?? 'USD,EUR,BTC').split(','),
        baseUrl: coingecko.url,
      }),
    ],
  });
}

const marketsCalls = (coingecko: FakeUpstream) => coingecko.callsTo('/api/v3/coins/markets');

describe('asset facts from CoinGecko', () => {
  let coingecko: FakeUpstream;
  let relay: Relay;
  before(async () => {
    coingecko = await startFakeCoinGecko(new FakeMarket());
    relay = await coinGeckoRelay(coingecko, {
      env: { CURRENCIES: 'USD,EUR,USDT' },
      timings: { callTimeoutMs: 500 },
    });
  });
  after(async () => {
    await relay.stop();
    await coingecko.close();
  });

  test('come from one batched /coins/markets call, field by field, absent where CoinGecko has none', async () => {
    const before = marketsCalls(coingecko).length;
    const { response, body } = await assets(relay, 'symbols=BTC,ETH,SOL,DOGE');
    assert.equal(response.status, 200);
    assert.equal(marketsCalls(coingecko).length, before + 1, 'one call for four assets');
    const call = marketsCalls(coingecko).at(-1)!;
    assert.deepEqual(call.query.get('ids')!.split(',').sort(), [
      'bitcoin',
      'dogecoin',
      'ethereum',
      'solana',
    ]);
    assert.equal(call.query.get('vs_currency'), 'usd');
    assert.equal(call.query.get('per_page'), '250');
    assert.equal(call.query.get('price_change_percentage'), '1h,7d');
    assert.equal(call.query.get('sparkline'), 'true', 'the 7-day lines come in the same call');

    const { BTC: btc, ETH: eth, DOGE: doge } = body.assets;
    assert.equal(btc?.name, 'Bitcoin');
    assert.equal(eth?.name, 'Ethereum', 'ETH is Ethereum, not a token borrowing its ticker');
    assert.equal(btc?.rank, 1);
    assert.equal(btc?.circulatingSupply, 19.7e6);
    const price = btc!.marketCap! / btc!.circulatingSupply!;
    assert.ok(Math.abs(btc!.fullyDilutedValue! / (price * 21e6) - 1) < 1e-6);
    assert.ok(Math.abs(btc!.volume24h! / (price * 1_000) - 1) < 1e-6);
    assert.equal(btc?.changePct1h, 0.25);
    assert.equal(btc?.changePct7d, -3.5);
    assert.ok(btc!.t < body.t - 20_000, "CoinGecko's own last_updated");
    assert.equal(btc?.source, 'coingecko');
    assert.equal(btc?.simulated, false);
    assert.equal(btc?.logo, '/v1/logos/BTC');
    assert.equal('fullyDilutedValue' in eth!, false, 'null upstream: absent, not 0');
    assert.equal('changePct7d' in doge!, false);

    // The 7-day line: 168 hourly prices thinned to one every three hours, ending at the facts' time.
    const week = btc!.line7d!;
    assert.equal(week.range, '7d');
    assert.equal(week.points.length, 57);
    assert.equal(week.points.at(-1)![0], btc!.t, 'the newest price is as of the facts');
    assert.ok(Math.abs(btc!.t - week.points[0]![0] - 7 * 86_400_000) < 1_000, 'a week back');
    assert.ok(week.points.every(([ms], i) => i === 0 || ms > week.points[i - 1]![0]));
    assert.ok(Math.abs(week.points[0]![1] / (week.points.at(-1)![1] / (1 - 0.035)) - 1) < 1e-9);
    assert.equal('line7d' in doge!, false, 'no week upstream: no line, never a made-up one');
    const sol = body.assets.SOL!.line7d!.points;
    assert.ok(sol.length >= 56 && sol.every(([, p]) => p > 0), 'a missing hour is left out');
    assert.doesNotMatch(JSON.stringify(body), /coins\/images|imageUrl|127\.0\.0\.1/);
  });

  test('a second read within the interval costs no call', async () => {
    const before = marketsCalls(coingecko).length;
    const { body } = await assets(relay, 'symbols=BTC,SOL');
    assert.deepEqual(Object.keys(body.assets).sort(), ['BTC', 'SOL']);
    assert.equal(marketsCalls(coingecko).length, before);
  });

  test('the top by market cap is one call for any count, in rank order, one asset per ticker', async () => {
    const before = marketsCalls(coingecko).length;
    const { body } = await assets(relay, 'top=250');
    assert.equal(marketsCalls(coingecko).length, before + 1);
    const call = marketsCalls(coingecko).at(-1)!;
    assert.equal(call.query.get('order'), 'market_cap_desc');
    assert.equal(call.query.has('ids'), false);
    const listed = Object.values(body.assets);
    assert.deepEqual(
      listed.map((facts) => facts.rank),
      [...listed.map((facts) => facts.rank!)].sort((a, b) => a - b),
    );
    assert.equal(body.assets.ETH?.name, 'Ethereum', 'the larger of two coins on one ticker');
    assert.equal(body.assets.TWIN?.name, 'Big Twin');
    const three = await assets(relay, 'top=3');
    assert.deepEqual(Object.keys(three.body.assets), Object.keys(body.assets).slice(0, 3));
    assert.equal(marketsCalls(coingecko).length, before + 1, 'the smaller top from the same call');
  });

  test('an asset CoinGecko does not know is unknown; facts still to come are pending, then served', async () => {
    assert.deepEqual((await assets(relay, 'symbols=NOTACOIN')).body.unknown, ['NOTACOIN']);
    coingecko.faults = [{ path: '/api/v3/coins/markets', delayMs: 2_000 }];
    try {
      const { response, body } = await assets(relay, 'symbols=ADA,BTC');
      assert.deepEqual(body.pending, ['ADA']);
      assert.deepEqual(Object.keys(body.assets), ['BTC'], 'what is known is still served');
      assert.deepEqual(body.unknown, []);
      assert.equal(response.headers.get('cache-control'), 'no-store');
    } finally {
      coingecko.faults = [];
    }
    const ada = await waitFor(async () => (await assets(relay, 'symbols=ADA')).body.assets.ADA);
    assert.equal(ada.name, 'Cardano');
    const calls = (outcome: string) =>
      metricValue(relay, 'tickwire_upstream_asset_facts_requests_total', `outcome="${outcome}"`);
    assert.ok((await calls('error')) >= 1, 'the call that timed out is counted');
    assert.ok((await calls('ok')) >= 1);
  });

  test('in a currency CoinGecko does not price in: names and logos, no figure, no top', async () => {
    const { body } = await assets(relay, 'symbols=BTC&currency=usdt');
    assert.equal(body.currency, 'USDT');
    assert.equal(body.assets.BTC?.source, 'relay');
    assert.equal(body.assets.BTC?.marketCap, undefined);
    const top = await assets(relay, 'top=5&currency=USDT');
    assert.equal(top.response.status, 404);
    assert.equal(top.body.error.code, 'top_unavailable');
  });
});

describe('asset facts refresh', () => {
  let coingecko: FakeUpstream;
  let relay: Relay;
  before(async () => {
    coingecko = await startFakeCoinGecko(new FakeMarket());
    relay = await coinGeckoRelay(coingecko, { config: { ASSET_FACTS_INTERVAL: 300 } });
  });
  after(async () => {
    await relay.stop();
    await coingecko.close();
  });

  test('nothing is fetched while nobody asks', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(marketsCalls(coingecko).length, 0);
  });

  test('asked assets are fetched again every interval; one nobody watches is let go', async () => {
    const first = (await assets(relay, 'symbols=BTC,SOL')).body.assets.BTC!;
    await waitFor(() => (marketsCalls(coingecko).length >= 3 ? true : undefined));
    const later = (await assets(relay, 'symbols=BTC')).body.assets.BTC!;
    // The fake market moves on every call: refreshed facts carry the new market cap.
    assert.ok(later.marketCap! > first.marketCap!);
    // SOL was asked once and nobody watches it: after three intervals it is no longer fetched.
    // BTC is one of the relay's symbols, always watched: it stays.
    await waitFor(() => {
      const ids = marketsCalls(coingecko).at(-1)!.query.get('ids')!.split(',');
      return ids.includes('bitcoin') && !ids.includes('solana') ? true : undefined;
    });
  });
});

describe("asset facts within CoinGecko's budget and knowledge", () => {
  let coingecko: FakeUpstream;
  before(async () => {
    coingecko = await startFakeCoinGecko(new FakeMarket());
  });
  after(() => coingecko.close());

  test('no asset is called unknown before the coin list is read', async () => {
    const source = new CoinGeckoSource({
      apiKey: 'pro:test-key',
      currencies: ['USD'],
      baseUrl: coingecko.url,
    });
    await assert.rejects(source.fetchFacts({ assets: ['BTC', 'TWIN'] }, 'USD'), /coin list/);
    await source.listPairs();
    const facts = await source.fetchFacts({ assets: ['BTC', 'TWIN', 'NOTACOIN'] }, 'USD');
    assert.deepEqual(facts?.map((each) => each.asset).sort(), ['BTC', 'TWIN']);
    assert.equal(
      facts?.find((each) => each.asset === 'TWIN')?.name,
      'Big Twin',
      'the larger by market cap',
    );
    await source.close();
  });

  test('facts never spend the calls kept for prices', async () => {
    // Keyless: ten calls a minute.
    const source = new CoinGeckoSource({ currencies: ['USD'], baseUrl: coingecko.url });
    await source.listPairs();
    let facts = 0;
    for (;;) {
      try {
        await source.fetchFacts({ assets: ['BTC'] }, 'USD');
        facts++;
      } catch (error) {
        assert.match((error as Error).message, /kept for prices/);
        break;
      }
      assert.ok(facts < 10, 'facts stop before the budget is spent');
    }
    assert.ok(facts > 0);
    const quotes = await source.fetchQuotes(['BTC/USD']);
    assert.equal(quotes[0]?.symbol, 'BTC/USD', 'prices still have calls');
    const calls = coingecko.calls.filter((call) => !call.headers['x-cg-pro-api-key']).length;
    assert.ok(calls <= 10, `${calls} keyless calls in the minute`);
    await source.close();
  });
});

describe('asset facts for a fleet on one Redis', () => {
  let redis: RedisServer;
  let coingecko: FakeUpstream;
  let relays: Relay[] = [];
  before(async () => {
    redis = await RedisServer.start();
    coingecko = await startFakeCoinGecko(new FakeMarket());
    relays = await Promise.all(
      [0, 1].map(() => coinGeckoRelay(coingecko, { redisUrl: redis.url })),
    );
  });
  after(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await coingecko.close();
    await redis?.kill();
  });

  test('readers of both relays at once cost one upstream call between them', async () => {
    const answers = await Promise.all(
      Array.from(
        { length: 20 },
        async (_, i) => (await assets(relays[i % 2]!, 'symbols=SOL,ADA')).body,
      ),
    );
    assert.equal(marketsCalls(coingecko).length, 1);
    assert.ok(answers.every((answer) => answer.assets.SOL && answer.assets.ADA && !answer.pending));
    assert.equal(new Set(answers.map((answer) => answer.assets.SOL!.marketCap)).size, 1);
    const tops = await Promise.all(
      relays.map(async (relay) => (await assets(relay, 'top=5')).body),
    );
    assert.equal(marketsCalls(coingecko).length, 2);
    assert.equal(Object.keys(tops[0]!.assets).length, 5);
    assert.deepEqual(tops[0]!.assets, tops[1]!.assets);
  });
});
