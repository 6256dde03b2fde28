// `npm run bench`: prints figures, asserts nothing. BENCH_CLIENTS=1000,5000 picks the fan-out sizes.
import { bundleSize } from './bundle-size.js';
import { fanout, fanoutHeader } from './fanout.js';
import { quotesApi } from './quotes-api.js';
import { redisInstances } from './redis-instances.js';
import { renderLoad } from './render-load.js';
import { upstreamCalls } from './upstream-calls.js';

const sizes = (process.env.BENCH_CLIENTS ?? '1000').split(',').map(Number);

await bundleSize();
fanoutHeader();
for (const clients of sizes) await fanout(clients);
await upstreamCalls([1, 100, 1000]);
await redisInstances();
await quotesApi();
await renderLoad();
