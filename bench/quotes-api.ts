// `/v1/quotes` from the cache under autocannon: throughput and latency, on loopback.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { freePort } from '../packages/relay/test/support/free-port.js';
import { machine, spawnRelay } from './support.js';

export async function quotesApi(seconds = 10): Promise<void> {
  console.log(
    `\n## GET /v1/quotes?symbols=BTC,ETH,SOL,ADA,DOT under autocannon, after a 2 s warm-up (${machine()}; load generator on the same machine)`,
  );
  const relay = await spawnRelay({ SOURCES: 'demo' });
  try {
    const url = `${relay.url}/v1/quotes?symbols=BTC,ETH,SOL,ADA,DOT`;
    // Steady state is what is measured: a short unmeasured run first, so V8 has compiled the route.
    await autocannon({ url, connections: 10, duration: 2 });
    // Paced at the target rate over few and many connections, then as fast as it goes.
    for (const [rate, connections] of [
      [5_000, 10],
      [5_000, 50],
      [0, 50],
    ] as const) {
      const result = await autocannon({
        url,
        connections,
        duration: seconds,
        ...(rate > 0 && { overallRate: rate }),
      });
      console.log(
        `${rate > 0 ? `paced at ${rate} req/s` : 'flat out'}, ${connections} connections`.padEnd(
          36,
        ) +
          `${Math.round(result.requests.average)} req/s  latency p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ` +
          `errors ${result.errors + result.non2xx}`,
      );
    }
    // The floor: a bare node:http server answering the same bytes, in its own process.
    const body = await (await fetch(url)).text();
    const floor = await spawnBareServer(body);
    try {
      const ours = await autocannon({ url, connections: 50, duration: seconds });
      const bare = await autocannon({ url: floor.url, connections: 50, duration: seconds });
      console.log(
        `side by side, flat out, 50 connections: relay ${Math.round(ours.requests.average)} req/s p99 ${ours.latency.p99} ms · ` +
          `bare node:http ${Math.round(bare.requests.average)} req/s p99 ${bare.latency.p99} ms · ` +
          `ratio ${(ours.requests.average / bare.requests.average).toFixed(2)}× throughput, ` +
          `${(ours.latency.p99 / Math.max(bare.latency.p99, 1)).toFixed(2)}× p99`,
      );
    } finally {
      floor.stop();
    }
  } finally {
    await relay.stop();
  }
}

/** A bare node:http server in its own process that answers every request with `body`. */
async function spawnBareServer(body: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const code = `const body = Buffer.from(${JSON.stringify(body)});
require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(body);
}).listen(${port}, '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let tries = 0; tries < 100; tries++) {
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, stop: () => child.kill() };
}
