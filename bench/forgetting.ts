// Memory while 100,000 distinct symbols are each watched once, over time (issue: "the relay
// forgets what nobody watches"): REST reads of 250 new symbols at a time, eight at once,
// against a relay that forgets a symbol 1 s after its last reader; the relay's heap after a
// full garbage collection every 20,000 symbols, once the grace has passed. In memory, then on
// Redis (where the keys must go too). Figures, no asserts.
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { RedisServer } from '../packages/relay/test/support/redis-server.js';
import { assetOf, PAIRS } from './many-symbols.js';
import { machine } from './support.js';

const RELAY = fileURLToPath(new URL('./many-symbols-relay.ts', import.meta.url));
/** As many as fit the 2,048 characters a `symbols` query may have. */
const PER_READ = 250;
const READS_AT_ONCE = 8;
const MEASURE_EVERY = 20_000;
const MIB = 2 ** 20;

export async function forgetting(): Promise<void> {
  console.log(
    `\n## 100,000 distinct symbols, each read once (${PER_READ} a request, ${READS_AT_ONCE} at once), WATCH_GRACE=1, POLL_INTERVAL=1: the relay's heap after a full GC, once the grace has passed (${machine()})`,
  );
  await run('memory store');
  const redis = await RedisServer.start();
  try {
    await run('Redis store', redis);
  } finally {
    await redis.kill();
  }
}

async function run(store: string, redis?: RedisServer): Promise<void> {
  const relay = fork(RELAY, [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, ...(redis ? { REDIS_URL: redis.url } : {}) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    const [{ url }] = (await once(relay, 'message')) as [{ url: string }];
    await readSymbols(url, 0, PER_READ); // warm: the routes, the caches, the first poll
    const baseline = await settled(url, relay, redis);
    console.log(`${store}: ${describe(0, baseline, baseline)}`);
    let answered = 0;
    let pending = 0;
    let refused = 0;
    let nextMeasure = MEASURE_EVERY;
    for (let from = PER_READ; from < PAIRS; from += PER_READ * READS_AT_ONCE) {
      const reads = Array.from({ length: READS_AT_ONCE }, (_, i) => from + i * PER_READ).filter(
        (start) => start < PAIRS,
      );
      for (const counts of await Promise.all(
        reads.map((start, reader) => readSymbols(url, start, PER_READ, reader)),
      )) {
        answered += counts.answered;
        pending += counts.pending;
        refused += counts.refused;
      }
      const done = Math.min(PAIRS, from + PER_READ * READS_AT_ONCE);
      if (done >= nextMeasure || done === PAIRS) {
        nextMeasure += MEASURE_EVERY;
        const now = await settled(url, relay, redis);
        console.log(`${store}: ${describe(done, now, baseline)}`);
      }
    }
    console.log(
      `${store}: ${answered} quotes answered, ${pending} symbols answered pending (their first poll not yet in), ${refused} refused`,
    );
  } finally {
    relay.disconnect();
    if (relay.exitCode === null) await once(relay, 'exit');
  }
}

interface Memory {
  heapUsed: number;
  rss: number;
  stale: number;
  redisKeys?: number;
  redisBytes?: number;
}

/** Waits out the grace and a poll, then measures: heap after GC, RSS, the stale list, Redis. */
async function settled(url: string, relay: ChildProcess, redis?: RedisServer): Promise<Memory> {
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  relay.send('measure');
  const [{ heapUsed, rss }] = (await once(relay, 'message')) as [{ heapUsed: number; rss: number }];
  const { stale } = (await (await fetch(`${url}/v1/sources`)).json()) as { stale: string[] };
  const memory: Memory = { heapUsed, rss, stale: stale.length };
  if (redis) {
    const client = new Redis(redis.url);
    try {
      memory.redisKeys = await client.dbsize();
      memory.redisBytes = Number((await client.info('memory')).match(/used_memory:(\d+)/)?.[1]);
    } finally {
      client.disconnect();
    }
  }
  return memory;
}

function describe(symbols: number, now: Memory, baseline: Memory): string {
  const redis =
    now.redisKeys === undefined
      ? ''
      : `  Redis ${now.redisKeys} keys, ${(now.redisBytes! / MIB).toFixed(1)} MiB`;
  return (
    `${String(symbols).padStart(6)} symbols read  heap ${(now.heapUsed / MIB).toFixed(1)} MiB (${signed((now.heapUsed - baseline.heapUsed) / MIB)} MiB from the first)  ` +
    `RSS ${(now.rss / MIB).toFixed(0)} MiB  stale list ${now.stale}${redis}`
  );
}

const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;

async function readSymbols(
  url: string,
  from: number,
  count: number,
  reader = 0,
): Promise<{ answered: number; pending: number; refused: number }> {
  const symbols = Array.from({ length: count }, (_, i) => assetOf(from + i)).join(',');
  const response = await fetch(`${url}/v1/quotes?symbols=${symbols}`, {
    headers: { 'X-Forwarded-For': `10.0.0.${reader + 1}` },
  });
  if (!response.ok)
    throw new Error(`/v1/quotes answered ${response.status}: ${await response.text()}`);
  const answer = (await response.json()) as {
    quotes?: Record<string, unknown>;
    pending?: string[];
    refused?: Record<string, string>;
  };
  return {
    answered: Object.keys(answer.quotes ?? {}).length,
    pending: answer.pending?.length ?? 0,
    refused: Object.keys(answer.refused ?? {}).length,
  };
}
