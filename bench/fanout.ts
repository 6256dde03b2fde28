// Fan-out: N SSE clients on loopback, publish→receive latency, relay memory and CPU.
import { request } from 'node:http';
import { cpuSecondsOf, kib, machine, quantile, rssOf, spawnRelay } from './support.js';

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
          if (frame.includes('event: quotes')) {
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

export async function fanout(clients: number, seconds = 10): Promise<void> {
  const relay = await spawnRelay({
    SOURCES: 'demo',
    POLL_INTERVAL: '1',
    MAX_CLIENTS: String(clients + 10),
    MAX_CLIENTS_PER_IP: String(clients + 10),
  });
  const connections: Client[] = [];
  try {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rssBefore = rssOf(relay.pid);
    const latencies: number[] = [];
    const started = Date.now();
    for (let i = 0; i < clients; i += 100) {
      const batch = Array.from({ length: Math.min(100, clients - i) }, () =>
        connect(`${relay.url}/v1/stream?symbols=BTC,ETH,SOL,ADA,DOT`, latencies),
      );
      connections.push(...(await Promise.all(batch)));
    }
    const connectSeconds = (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    latencies.length = 0;
    const cpuBefore = cpuSecondsOf(relay.pid);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const cpu = (cpuSecondsOf(relay.pid) - cpuBefore) / seconds;
    const rssAfter = rssOf(relay.pid);
    console.log(
      `${String(clients).padStart(6)} clients  connected in ${connectSeconds.toFixed(1)} s  ` +
        `p50 ${quantile(latencies, 0.5)} ms  p99 ${quantile(latencies, 0.99)} ms  max ${Math.max(...latencies)} ms  ` +
        `(${latencies.length} deliveries)  RSS +${kib((rssAfter - rssBefore) / clients)}/client ` +
        `(total ${(rssAfter / 2 ** 20).toFixed(0)} MiB)  relay CPU ${(cpu * 100).toFixed(0)}% of a core`,
    );
  } finally {
    for (const connection of connections) connection.close();
    await relay.stop();
  }
}

export function fanoutHeader(): void {
  console.log(
    `\n## Fan-out over SSE on loopback, 1 poll/s, 5 symbols (${machine()}; load generator on the same machine)`,
  );
}
