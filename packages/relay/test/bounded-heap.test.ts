import assert from 'node:assert/strict';
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { QuotesAnswer } from '@tickwire/protocol';
import type { HeapRelayMessage } from './support/heap-relay.js';
import { waitFor } from './support/relay.js';

/**
 * How many distinct requests the load sends: 100,000, as issue 21 asks. `HEAP_TEST_REQUESTS`
 * makes it smaller on a machine too slow for it (the test prints how long the load took).
 */
const REQUESTS = Number(process.env.HEAP_TEST_REQUESTS ?? 100_000);
/** Requests in flight at once, over as many keep-alive connections (the per-address cap is 200). */
const CONCURRENCY = 16;
/**
 * The load's own deadline, warm-up included: it stops a stuck run, it does not judge speed (two
 * CI runs side by side, at a load average of 30, took over 5 minutes).
 */
const LOAD_DEADLINE_MS = 900_000;

/**
 * The listed symbols the load reads beside made-up ones: the relay's configured symbols, so
 * they have prices while its poller is paused (a read of one without waits for a poll).
 */
const LISTED = ['BTC', 'ETH', 'SOL', 'BTC/EUR', 'ETH/BTC', 'DOGE/USD'];

const HEAP_RELAY = fileURLToPath(new URL('./support/heap-relay.ts', import.meta.url));

/**
 * The nth request of the load: every one a query string never sent before, keyed by what a
 * client chooses. Quotes and history by symbol sets never asked before (a made-up symbol
 * beside listed ones), candles by symbols spelled in new ways and made-up ones, and one in
 * 50 a stream of a new set, opened and dropped.
 */
function nth(n: number): { path: string; stream?: true } {
  const some = LISTED[n % LISTED.length];
  switch (n % 5) {
    case 0:
      return { path: `/v1/quotes?symbols=${some},Z${n}` };
    case 1:
      return { path: `/v1/history?symbols=${some},Y${n}&limit=${1 + (n % 100)}` };
    case 2:
      return { path: `/v1/candles?symbol=C${n}&range=24h` };
    case 3:
      // A listed market in a new query string: the key is what the source is asked, one entry.
      return { path: `/v1/candles?symbol=${some}&range=${n % 2 ? '24h' : '7d'}&n=${n}` };
    default:
      return n % 50 === 4
        ? { path: `/v1/stream?symbols=${some},S${n}`, stream: true }
        : { path: `/v1/quotes?symbols=${some}&symbols=Q${n}&n=${n}` };
  }
}

/** Sends one request and reads its answer (a stream: its first bytes, then drops it). */
function send(agent: Agent, url: URL, { path, stream }: { path: string; stream?: true }) {
  return new Promise<number>((resolve, reject) => {
    const req = request(new URL(path, url), { agent }, (res) => {
      if (stream) {
        res.once('data', () => {
          req.destroy();
          resolve(res.statusCode ?? 0);
        });
      } else {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      }
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sends requests `from` to `to` (excluded), `CONCURRENCY` at a time; counts answers by status. */
async function load(url: URL, from: number, to: number, deadline: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const statuses = new Map<number, number>();
  let next = from;
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < to) {
          if (Date.now() > deadline) throw new Error(`the load passed its deadline at ${next}`);
          const status = await send(agent, url, nth(next++));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return statuses;
}

class HeapRelay {
  private constructor(
    readonly url: URL,
    private readonly child: ChildProcess,
  ) {}

  static async start(): Promise<HeapRelay> {
    const child = fork(HEAP_RELAY, {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...process.env, SYMBOLS: LISTED.join(',') },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const [message] = (await once(child, 'message')) as [HeapRelayMessage];
    if (!('url' in message)) throw new Error('the relay did not start');
    return new HeapRelay(new URL(message.url), child);
  }

  private async ask(message: object): Promise<HeapRelayMessage> {
    this.child.send(message);
    const [answer] = (await once(this.child, 'message')) as [HeapRelayMessage];
    return answer;
  }

  async pausePolling(): Promise<void> {
    assert.ok('paused' in (await this.ask({ pause: true })));
  }

  async heapUsed(): Promise<number> {
    const answer = await this.ask({ heap: true });
    assert.ok('heapUsed' in answer);
    return answer.heapUsed;
  }

  async entryBytes(count: number): Promise<number> {
    const answer = await this.ask({ leak: count });
    assert.ok('entryBytes' in answer);
    return answer.entryBytes;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.send({ stop: true });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

const MiB = 1024 * 1024;

describe('bounded by construction: what clients send does not stay', () => {
  let relay: HeapRelay;
  before(async () => {
    relay = await HeapRelay.start();
  });
  after(async () => {
    await relay?.stop();
  });

  test(`${REQUESTS.toLocaleString('en')} distinct query strings, symbol sets and candle keys: the heap returns to its baseline`, async () => {
    const deadline = Date.now() + LOAD_DEADLINE_MS;
    await waitFor(async () => {
      const answer = await fetch(new URL(`/v1/quotes?symbols=${LISTED.join(',')}`, relay.url));
      const { quotes } = (await answer.json()) as QuotesAnswer;
      return LISTED.every((symbol) => quotes[symbol]) ? true : undefined;
    });
    // From here no poll. What the relay holds by time alone (the event log, up to 25,000
    // quotes, and each symbol's history) fills up while it polls and would pass for a leak;
    // and a paused poller is the hostile case: no store event clears a cache.
    await relay.pausePolling();
    // Warm up with the same kinds of request: code compiled, every bounded cache filled to
    // its bound (1,000 answers a cache), so the baseline holds what the relay may hold.
    const warmUp = Math.min(10_000, REQUESTS);
    await load(relay.url, 0, warmUp, deadline);
    const baseline = await relay.heapUsed();

    const started = Date.now();
    const statuses = await load(relay.url, warmUp, warmUp + REQUESTS, deadline);
    const tookMs = Date.now() - started;
    const afterLoad = await relay.heapUsed();

    // What keeping one small entry per request would cost: the floor of a leak.
    const entryBytes = await relay.entryBytes(REQUESTS);
    const leakBytes = entryBytes * REQUESTS;
    const grewBytes = afterLoad - baseline;
    const figures = `baseline ${(baseline / MiB).toFixed(1)} MiB, after ${(afterLoad / MiB).toFixed(1)} MiB (${grewBytes >= 0 ? '+' : ''}${(grewBytes / 1024).toFixed(0)} KiB); ${REQUESTS} entries would cost ≥ ${(leakBytes / MiB).toFixed(1)} MiB (${entryBytes.toFixed(0)} B each); ${tookMs} ms; ${JSON.stringify(Object.fromEntries(statuses))}`;
    console.log(`# ${figures}`);

    const answered = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    assert.equal(answered, REQUESTS, figures);
    assert.ok(
      [...statuses.keys()].every((status) => status < 500 || status === 503),
      `no request failed: ${figures}`,
    );
    // A quarter of the cheapest possible leak: heap noise after collection (compiled code, a
    // socket's buffers) is far below it, a table keeping one entry per request far above.
    assert.ok(grewBytes < leakBytes / 4, figures);
  });
});
