// `/v1/quotes` from the cache under autocannon: throughput and latency, on loopback.
import autocannon from 'autocannon';
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
  } finally {
    await relay.stop();
  }
}
