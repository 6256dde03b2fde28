// `npm run bench`: prints figures, asserts nothing, and writes them into docs/benchmarks.md.
// BENCH_CLIENTS=1000 picks the fan-out sizes (1,000, 5,000 and 10,000 by default);
// BENCH_ONLY=faults,render runs only those parts and rewrites only their sections.
import { bundleSize } from './bundle-size.js';
import { candles } from './candles.js';
import { drawnLatency } from './drawn-latency.js';
import { fanout, fanoutHeader } from './fanout.js';
import { faults } from './faults.js';
import { firstPrice } from './first-price.js';
import { fleet } from './fleet.js';
import { forgetting } from './forgetting.js';
import { heapPerClient } from './heap-per-client.js';
import { heatmapLoad } from './heatmap-load.js';
import { marketCalls } from './market-calls.js';
import { maxClients } from './max-clients.js';
import { quotesApi } from './quotes-api.js';
import { redisInstances } from './redis-instances.js';
import { renderLoad } from './render-load.js';
import { recordPart, writeDocument } from './report.js';
import { streamLatency } from './stream-latency.js';
import { upstreamCalls } from './upstream-calls.js';

const sizes = (process.env.BENCH_CLIENTS ?? '1000,5000,10000').split(',').map(Number);

/** Every part, in the document's order. */
const PARTS: Record<string, () => Promise<void>> = {
  size: bundleSize,
  fanout: async () => {
    fanoutHeader();
    for (const clients of sizes) await fanout(clients);
    await heapPerClient();
  },
  capacity: maxClients,
  upstream: () => upstreamCalls([1, 100, 1000]),
  markets: marketCalls,
  redis: redisInstances,
  fleet,
  forget: forgetting,
  quotes: quotesApi,
  render: renderLoad,
  heatmap: heatmapLoad,
  first: firstPrice,
  faults,
  candles,
  streaming: () => streamLatency(),
  drawn: () => drawnLatency(),
};

const only = process.env.BENCH_ONLY?.split(',') ?? Object.keys(PARTS);
const unknown = only.filter((part) => !Object.hasOwn(PARTS, part));
if (unknown.length > 0) {
  console.error(
    `BENCH_ONLY: no part named ${unknown.join(', ')} (parts: ${Object.keys(PARTS).join(', ')})`,
  );
  process.exit(2);
}

const measured = new Map<string, string>();
for (const part of only) await recordPart(part, PARTS[part]!, measured);
writeDocument(Object.keys(PARTS), measured);
