// The most streams one relay process serves on this machine, and what gives first: clients
// are added a thousand per worker at a time until some are refused, from several client
// processes (each process has the same open-file limit as the relay). Figures, no asserts.
import { type ChildProcess, execSync, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpuSecondsOf, machine, rssOf, spawnRelay } from './support.js';

const CLIENTS = fileURLToPath(new URL('./stream-clients.mjs', import.meta.url));
const WORKERS = 4;
const STEP = 1_000;
const MOST = 26_000;

/** Sends `message` to a client process and waits for its answer. */
function ask<T>(worker: ChildProcess, message: object): Promise<T> {
  return new Promise((resolve) => {
    worker.once('message', (answer) => resolve(answer as T));
    worker.send(message);
  });
}

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
  const workers = Array.from({ length: WORKERS }, () => fork(CLIENTS, [url]));
  let open = 0;
  try {
    while (open < MOST) {
      const answers = await Promise.all(
        workers.map((worker) => ask<{ outcomes: Record<string, number> }>(worker, { open: STEP })),
      );
      const outcomes: Record<string, number> = {};
      for (const { outcomes: some } of answers)
        for (const [kind, count] of Object.entries(some))
          outcomes[kind] = (outcomes[kind] ?? 0) + count;
      open += outcomes.ok ?? 0;
      const refused = Object.entries(outcomes).filter(([kind]) => kind !== 'ok');
      const cpuBefore = cpuSecondsOf(relay.pid);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const cpu = (cpuSecondsOf(relay.pid) - cpuBefore) / 2;
      const live = (
        await Promise.all(workers.map((worker) => ask<{ live: number }>(worker, { live: 1_500 })))
      ).reduce((sum, answer) => sum + answer.live, 0);
      const healthy = await fetch(`${relay.url}/healthz`, { signal: AbortSignal.timeout(5_000) })
        .then((response) => response.ok)
        .catch(() => false);
      console.log(
        `${String(open).padStart(6)} streams open  ${String(live).padStart(6)} received an event in the last 1.5 s  relay RSS ${(rssOf(relay.pid) / 2 ** 20).toFixed(0)} MiB  CPU ${(cpu * 100).toFixed(0)}% of a core  /healthz ${healthy ? 'ok' : 'NO ANSWER'}` +
          (refused.length > 0
            ? `  refused: ${refused.map(([kind, count]) => `${count} ${kind}`).join(', ')}`
            : ''),
      );
      if (refused.length > 0 || !healthy) break;
    }
  } finally {
    for (const worker of workers) worker.kill();
    await relay.stop();
  }
}
