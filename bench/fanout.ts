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

interface Client {
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

/** What one server did for `clients` streams over `seconds`. */
interface Figures {
  connectSeconds: number;
  latencies: number[];
  kibPerClient: number;
  totalMib: number;
  cpu: number;
}

/** Runs the relay, then the bare broadcaster and better-sse, each alone, and prints the ratios. */
export async function fanout(clients: number, seconds = 10): Promise<void> {
  const limits = { MAX_CLIENTS: String(clients + 10), MAX_CLIENTS_PER_IP: String(clients + 10) };
  const relay = await measure(
    await spawnRelay({ SOURCES: 'demo', POLL_INTERVAL: '1', ...limits }),
    clients,
    seconds,
  );
  const floor = await measure(await spawnServer([YARDSTICKS, 'floor']), clients, seconds);
  const betterSse = await measure(await spawnServer([YARDSTICKS, 'better-sse']), clients, seconds);
  for (const [name, figures] of [
    ['relay', relay],
    ['floor', floor],
    ['better-sse', betterSse],
  ] as const) {
    const { latencies } = figures;
    console.log(
      `${String(clients).padStart(6)} clients  ${name.padEnd(10)}  connected in ${figures.connectSeconds.toFixed(1)} s  ` +
        `p50 ${quantile(latencies, 0.5)} ms  p99 ${quantile(latencies, 0.99)} ms  max ${Math.max(...latencies)} ms  ` +
        `(${latencies.length} deliveries)  RSS +${figures.kibPerClient.toFixed(1)} KiB/client ` +
        `(total ${figures.totalMib.toFixed(0)} MiB)  CPU ${(figures.cpu * 100).toFixed(1)}% of a core`,
    );
  }
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
  console.log(
    `${String(clients).padStart(6)} clients  relay ÷ floor: p99 ${ratio(quantile(relay.latencies, 0.99), quantile(floor.latencies, 0.99))}  ` +
      `memory ${ratio(relay.kibPerClient, floor.kibPerClient)}  CPU ${ratio(relay.cpu, floor.cpu)}   ` +
      `better-sse ÷ floor: p99 ${ratio(quantile(betterSse.latencies, 0.99), quantile(floor.latencies, 0.99))}  ` +
      `memory ${ratio(betterSse.kibPerClient, floor.kibPerClient)}  CPU ${ratio(betterSse.cpu, floor.cpu)}`,
  );
}

async function measure(server: ServerProcess, clients: number, seconds: number): Promise<Figures> {
  const connections: Client[] = [];
  try {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rssBefore = rssOf(server.pid);
    const latencies: number[] = [];
    const started = Date.now();
    for (let i = 0; i < clients; i += 100) {
      const batch = Array.from({ length: Math.min(100, clients - i) }, () =>
        connect(`${server.url}/v1/stream?symbols=BTC,ETH,SOL,ADA,DOT`, latencies),
      );
      connections.push(...(await Promise.all(batch)));
    }
    const connectSeconds = (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    latencies.length = 0;
    const cpuBefore = cpuSecondsOf(server.pid);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const cpu = (cpuSecondsOf(server.pid) - cpuBefore) / seconds;
    const rssAfter = rssOf(server.pid);
    return {
      connectSeconds,
      latencies: [...latencies],
      kibPerClient: (rssAfter - rssBefore) / clients / 1024,
      totalMib: rssAfter / 2 ** 20,
      cpu,
    };
  } finally {
    for (const connection of connections) connection.close();
    await server.stop();
  }
}

export function fanoutHeader(): void {
  console.log(
    `\n## Fan-out over SSE on loopback, 1 event/s, 5 symbols: the relay beside a bare node:http broadcaster (the floor) and better-sse, each alone (${machine()}; load generator on the same machine)`,
  );
}
