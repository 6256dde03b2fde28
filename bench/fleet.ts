// The shape a site runs, on one machine: nginx (two workers) in front of two relays on one
// Redis, polling a fake Binance. Streams are added a thousand at a time through nginx until
// some are refused or the relays stop answering; then the same count of streams on one relay
// alone, for memory and CPU per stream beside the fleet's. Figures, no asserts.
import { startFakeBinance } from '../packages/relay/test/support/fake-binance.js';
import { FakeMarket } from '../packages/relay/test/support/fake-market.js';
import { RedisServer } from '../packages/relay/test/support/redis-server.js';
import { startNginx } from '../test/support/nginx.js';
import { StreamLoad } from './stream-load.js';
import { cpuSecondsOf, machine, rssOf, type ServerProcess, spawnRelay } from './support.js';

const CLIENT_PROCESSES = 4;
const STEP = 1_000;
const MOST = 20_000;
/** Streams at which the fleet and the lone relay are set side by side. */
const COMPARED_AT = 5_000;
const SYMBOLS = 'BTC,ETH,SOL,ADA,DOT';
const TICKER = '/api/v3/ticker/24hr';
const MIB = 2 ** 20;

/** Each relay lets every reader in: the bench measures the machine, not the limits. */
const UNLIMITED = { MAX_CLIENTS: '1000000', MAX_CLIENTS_PER_IP: '1000000', POLL_INTERVAL: '1' };

interface Sample {
  streams: number;
  live: number;
  rss: number[];
  cpu: number[];
  upstreamPerSecond: number;
  healthy: boolean;
}

export async function fleet(most = MOST): Promise<void> {
  console.log(
    `\n## nginx (2 workers) → 2 relays → Redis, fake Binance, POLL_INTERVAL=1: streams a thousand at a time through nginx, then ${COMPARED_AT} on one relay alone (${machine()}; open-file limit 20000 per process, nginx two a stream)`,
  );
  const redis = await RedisServer.start();
  const binance = await startFakeBinance(new FakeMarket());
  const servers: ServerProcess[] = [];
  try {
    const source = { SOURCES: 'binance', SOURCE_URL_BINANCE: binance.url, ...UNLIMITED };
    for (let i = 0; i < 2; i++) {
      servers.push(await spawnRelay({ ...source, REDIS_URL: redis.url, TRUST_PROXY: 'loopback' }));
    }
    const nginx = await startNginx(
      servers.map((relay) => relay.url),
      { workers: 2, connectionsPerWorker: 19_900 },
    );
    const fleetPids = () => [...servers.map((relay) => relay.pid), ...nginx.pids().slice(1)];
    let atCompared: Sample | undefined;
    const idle = await sample(fleetPids(), binance, nginx.url, 0);
    try {
      await addStreams(`${nginx.url}/v1/stream?symbols=${SYMBOLS}`, most, async (streams, load) => {
        const figures = await sample(fleetPids(), binance, nginx.url, streams, load);
        console.log(line(figures, ['relay 1', 'relay 2', 'nginx 1', 'nginx 2']));
        if (streams === COMPARED_AT) atCompared = figures;
        return figures.healthy;
      });
    } finally {
      await nginx.close();
    }
    for (const relay of servers.splice(0)) await relay.stop();

    const alone = await spawnRelay(source);
    servers.push(alone);
    const aloneIdle = await sample([alone.pid], binance, alone.url, 0);
    let aloneAtCompared: Sample | undefined;
    await addStreams(`${alone.url}/v1/stream?symbols=${SYMBOLS}`, MOST, async (streams, load) => {
      if (streams < COMPARED_AT) return true;
      aloneAtCompared = await sample([alone.pid], binance, alone.url, streams, load);
      console.log(line(aloneAtCompared, ['one relay alone']));
      return false;
    });
    if (atCompared && aloneAtCompared) {
      const perStream = (now: Sample, before: Sample, take: number) =>
        (sum(now.rss.slice(0, take)) - sum(before.rss.slice(0, take))) / now.streams / 1024;
      const relays = perStream(atCompared, idle, 2);
      const nginx = perStream(atCompared, idle, 4) - relays;
      const lone = perStream(aloneAtCompared, aloneIdle, 1);
      const relaysCpu = sum(atCompared.cpu.slice(0, 2));
      const loneCpu = aloneAtCompared.cpu[0]!;
      console.log(
        `at ${COMPARED_AT} streams: memory per stream, the 2 relays ${relays.toFixed(1)} KiB, one relay alone ${lone.toFixed(1)} KiB (${(relays / lone).toFixed(2)}×), nginx ${nginx.toFixed(1)} KiB more; ` +
          `CPU the 2 relays ${pct(relaysCpu)}, one relay alone ${pct(loneCpu)} (${(relaysCpu / loneCpu).toFixed(2)}×), nginx ${pct(sum(atCompared.cpu.slice(2)))} more`,
      );
    }
  } finally {
    for (const relay of servers) await relay.stop();
    await binance.close();
    await redis.kill();
  }
}

/**
 * Opens streams at `url` a thousand at a time, calling `after` at each step until a stream is
 * refused, `after` says to stop (a server unhealthy, enough streams), or MOST streams are open.
 */
async function addStreams(
  url: string,
  most: number,
  after: (streams: number, load: StreamLoad) => Promise<boolean>,
): Promise<void> {
  const load = StreamLoad.start(url, CLIENT_PROCESSES);
  let open = 0;
  try {
    while (open < most) {
      const { opened, refused } = await load.open(STEP / CLIENT_PROCESSES);
      open += opened;
      const goOn = await after(open, load);
      if (refused) console.log(`refused at ${open}: ${refused}`);
      if (refused || !goOn) break;
    }
  } finally {
    load.stop();
  }
}

/** Memory and CPU of `pids` over 2 s, streams that received data, upstream calls per second. */
async function sample(
  pids: number[],
  binance: Awaited<ReturnType<typeof startFakeBinance>>,
  healthUrl: string,
  streams: number,
  load?: StreamLoad,
): Promise<Sample> {
  const cpuBefore = pids.map(cpuSecondsOf);
  const callsBefore = binance.callsTo(TICKER).length;
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const cpu = pids.map((pid, i) => (cpuSecondsOf(pid) - cpuBefore[i]!) / 2);
  const upstreamPerSecond = (binance.callsTo(TICKER).length - callsBefore) / 2;
  const live = (await load?.live(1_500)) ?? 0;
  const healthy = await fetch(`${healthUrl}/healthz`, { signal: AbortSignal.timeout(5_000) })
    .then((response) => response.ok)
    .catch(() => false);
  return { streams, live, rss: pids.map(rssOf), cpu, upstreamPerSecond, healthy };
}

function line(figures: Sample, names: string[]): string {
  const processes = names
    .map((name, i) => `${name} ${(figures.rss[i]! / MIB).toFixed(0)} MiB ${pct(figures.cpu[i]!)}`)
    .join('  ');
  return (
    `${String(figures.streams).padStart(6)} streams  ${String(figures.live).padStart(6)} received an event in the last 1.5 s  ` +
    `${processes}  upstream ${figures.upstreamPerSecond.toFixed(1)} calls/s  /healthz ${figures.healthy ? 'ok' : 'NO ANSWER'}`
  );
}

const pct = (share: number) => `${(share * 100).toFixed(0)}% CPU`;
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
