// Fan-out: N SSE clients on loopback, publish→receive latency, relay memory and CPU.
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  cpuSecondsOf,
  machine,
  quantile,
  rssOf,
  type ServerProcess,
  spawnRelay,
  spawnServer,
} from './support.js';

/** The bare broadcaster and better-sse, as the relay's yardsticks. */
const YARDSTICKS = fileURLToPath(new URL('./sse-floor.mjs', import.meta.url));

export interface Client {
  latencies: number[];
  close: () => void;
}

/** A lean SSE client: reads `quotes` events and notes how long after publication each arrived. */
function connect(url: string, latencies: number[]): Promise<Client> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Accept: 'text/event-stream' }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`HTTP ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          // `event: quotes`, or `event:quotes` as better-sse writes it.
          if (/^event: ?quotes$/m.test(frame)) {
            const published = Number(frame.match(/"t":(\d+)/)?.[1]);
            if (published) latencies.push(Date.now() - published);
          }
          end = buffer.indexOf('\n\n');
        }
      });
      resolve({ latencies, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens streams of the five symbols on `server`, 100 at a time, until `open` holds `count`. */
export async function openStreams(
  server: ServerProcess,
  open: Client[],
  count: number,
  latencies: number[] = [],
): Promise<void> {
  while (open.length < count) {
    const batch = Array.from({ length: Math.min(100, count - open.length) }, () =>
      connect(`${server.url}/v1/stream?symbols=BTC,ETH,SOL,ADA,DOT`, latencies),
    );
    open.push(...(await Promise.all(batch)));
  }
}

/** What one server did for `clients` streams over `seconds`. */
interface Figures {
  connectSeconds: number;
  latencies: number[];
  /** RSS grown from no clients to all, per client: with what load itself costs once (a larger young generation). */
  kibPerClient: number;
  /** RSS grown from half the clients to all, per client added: what one more client costs. */
  kibPerAddedClient: number;
  totalMib: number;
  cpu: number;
  /** CPU with no clients (the relay's own polling): the CPU the clients cost is `cpu` above it. */
  idleCpu: number;
}

/**
 * The relay on the demo market, publishing every second, and its yardsticks, for `clients`
 * streams; each started with `nodeArgs` (flags for Node itself) when given.
 */
export function servers(clients: number) {
  const limits = { MAX_CLIENTS: String(clients + 10), MAX_CLIENTS_PER_IP: String(clients + 10) };
  return {
    relay: (nodeArgs: string[] = []) =>
      spawnRelay({ SOURCES: 'demo', POLL_INTERVAL: '1', ...limits }, nodeArgs),
    floor: (nodeArgs: string[] = []) => spawnServer([...nodeArgs, YARDSTICKS, 'floor']),
    'better-sse': (nodeArgs: string[] = []) => spawnServer([...nodeArgs, YARDSTICKS, 'better-sse']),
  };
}

/** Rounds of each server: RSS and CPU move with when the collector runs, so one round misleads. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/**
 * Runs the relay, then the bare broadcaster and better-sse, each alone, `ROUNDS` times in
 * turn, and prints each one's median memory and CPU, its latencies over every round, and
 * the ratios.
 */
export async function fanout(clients: number, seconds = 10): Promise<void> {
  const spawners = servers(clients);
  const rounds = new Map<string, Figures[]>(Object.keys(spawners).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, spawn] of Object.entries(spawners)) {
      rounds.get(name)!.push(await measure(await spawn(), clients, seconds));
    }
  }
  const figures = new Map([...rounds].map(([name, list]) => [name, combine(list)]));
  const count = String(clients).padStart(6);
  for (const [name, { latencies, ...f }] of figures) {
    console.log(
      `${count} clients  ${name.padEnd(10)}  connected in ${f.connectSeconds.toFixed(1)} s  ` +
        `p50 ${quantile(latencies, 0.5)} ms  p99 ${quantile(latencies, 0.99)} ms  ` +
        `max ${latencies.reduce((a, b) => Math.max(a, b), 0)} ms  (${latencies.length} deliveries)  ` +
        `RSS ${signed(f.kibPerClient)} KiB/client from none, ${signed(f.kibPerAddedClient)} per client added ` +
        `(total ${f.totalMib.toFixed(0)} MiB)  CPU ${percent(f.cpu)} of a core (${percent(f.idleCpu)} idle)`,
    );
  }
  const floor = figures.get('floor')!;
  const versus = (name: string) => {
    const them = figures.get(name)!;
    const ratio = (pick: (f: Figures) => number) => {
      const [base, value] = [pick(floor), pick(them)];
      // No ratio of a shrinking RSS: it says the collector ran, not what a client costs.
      return base > 0 && value > 0 ? `${(value / base).toFixed(2)}×` : '—';
    };
    return (
      `${name} ÷ floor: p99 ${ratio((f) => quantile(f.latencies, 0.99))}  ` +
      `memory ${ratio((f) => f.kibPerClient)} (per client added ${ratio((f) => f.kibPerAddedClient)})  ` +
      `CPU ${ratio((f) => f.cpu)} (above idle ${ratio((f) => f.cpu - f.idleCpu)})`
    );
  };
  console.log(`${count} clients  ${versus('relay')}   ${versus('better-sse')}`);
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
/** RSS can shrink as clients come: the collector frees what start-up left behind. */
const signed = (kib: number) => `${kib < 0 ? '−' : '+'}${Math.abs(kib).toFixed(1)}`;

/** Medians of the rounds' figures, and every round's latencies. */
function combine(rounds: Figures[]): Figures {
  const median = (pick: (figures: Figures) => number) => quantile(rounds.map(pick), 0.5);
  return {
    connectSeconds: median((figures) => figures.connectSeconds),
    latencies: rounds.flatMap((figures) => figures.latencies),
    kibPerClient: median((figures) => figures.kibPerClient),
    kibPerAddedClient: median((figures) => figures.kibPerAddedClient),
    totalMib: median((figures) => figures.totalMib),
    cpu: median((figures) => figures.cpu),
    idleCpu: median((figures) => figures.idleCpu),
  };
}

async function measure(server: ServerProcess, clients: number, seconds: number): Promise<Figures> {
  const connections: Client[] = [];
  const latencies: number[] = [];
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));
  const connectUpTo = (count: number) => openStreams(server, connections, count, latencies);
  try {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idleCpu = await cpuOver(server.pid, IDLE_SECONDS);
    const rssBefore = rssOf(server.pid);
    const started = Date.now();
    const half = Math.floor(clients / 2);
    await connectUpTo(half);
    await settle();
    const rssHalf = rssOf(server.pid);
    await connectUpTo(clients);
    const connectSeconds = (Date.now() - started) / 1000 - 1.5;
    await settle();
    latencies.length = 0;
    const cpu = await cpuOver(server.pid, seconds);
    const rssAfter = rssOf(server.pid);
    return {
      connectSeconds,
      latencies: [...latencies],
      kibPerClient: (rssAfter - rssBefore) / clients / 1024,
      kibPerAddedClient: (rssAfter - rssHalf) / (clients - half) / 1024,
      totalMib: rssAfter / 2 ** 20,
      cpu,
      idleCpu,
    };
  } finally {
    for (const connection of connections) connection.close();
    await server.stop();
  }
}

/** Seconds the CPU a server uses with no clients (its polling, timers) is measured over. */
const IDLE_SECONDS = 3;

/** The share of a core `pid` uses over `seconds`. */
async function cpuOver(pid: number, seconds: number): Promise<number> {
  const before = cpuSecondsOf(pid);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return (cpuSecondsOf(pid) - before) / seconds;
}

export function fanoutHeader(): void {
  console.log(
    `\n## Fan-out over SSE on loopback, 1 event/s, 5 symbols: the relay beside a bare node:http broadcaster (the floor) and better-sse, each alone, ${ROUNDS} rounds in turn: median memory and CPU, latencies of every round (${machine()}; load generator on the same machine)`,
  );
}
