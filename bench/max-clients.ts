// The most streams one relay process serves on this machine, and what gives first: clients
// are added a thousand per worker at a time until some are refused, from several client
// processes (each process has the same open-file limit as the relay). Figures, no asserts.
import { execSync } from 'node:child_process';
import { StreamLoad } from './stream-load.js';
import { cpuSecondsOf, machine, rssOf, spawnRelay } from './support.js';

const WORKERS = 4;
const STEP = 1_000;
const MOST = 26_000;

export async function maxClients(): Promise<void> {
  const limit = execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim();
  console.log(
    `\n## Most streams one relay serves: open-file limit ${limit} per process, MAX_CLIENTS raised out of the way (${machine()})`,
  );
  const relay = await spawnRelay({
    SOURCES: 'demo',
    POLL_INTERVAL: '1',
    MAX_CLIENTS: '1000000',
    MAX_CLIENTS_PER_IP: '1000000',
  });
  const url = `${relay.url}/v1/stream?symbols=BTC,ETH,SOL,ADA,DOT`;
  const load = StreamLoad.start(url, WORKERS);
  let open = 0;
  try {
    while (open < MOST) {
      const { opened, refused } = await load.open(STEP);
      open += opened;
      const cpuBefore = cpuSecondsOf(relay.pid);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const cpu = (cpuSecondsOf(relay.pid) - cpuBefore) / 2;
      const live = await load.live(1_500);
      const healthy = await fetch(`${relay.url}/healthz`, { signal: AbortSignal.timeout(5_000) })
        .then((response) => response.ok)
        .catch(() => false);
      console.log(
        `${String(open).padStart(6)} streams open  ${String(live).padStart(6)} received an event in the last 1.5 s  relay RSS ${(rssOf(relay.pid) / 2 ** 20).toFixed(0)} MiB  CPU ${(cpu * 100).toFixed(0)}% of a core  /healthz ${healthy ? 'ok' : 'NO ANSWER'}` +
          (refused ? `  refused: ${refused}` : ''),
      );
      if (refused || !healthy) break;
    }
  } finally {
    load.stop();
    await relay.stop();
  }
}
