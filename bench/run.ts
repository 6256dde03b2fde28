// `npm run bench`: prints figures, asserts nothing. BENCH_CLIENTS=1000 picks the fan-out
// sizes (1,000, 5,000 and 10,000 by default); BENCH_ONLY=faults,render runs only those parts
// (size, fanout, capacity, upstream, markets, redis, quotes, render, first, faults, candles).
import { bundleSize } from './bundle-size.js';
import { candles } from './candles.js';
import { fanout, fanoutHeader } from './fanout.js';
import { faults } from './faults.js';
import { firstPrice } from './first-price.js';
import { heapPerClient } from './heap-per-client.js';
import { marketCalls } from './market-calls.js';
import { maxClients } from './max-clients.js';
import { quotesApi } from './quotes-api.js';
import { redisInstances } from './redis-instances.js';
import { renderLoad } from './render-load.js';
import { upstreamCalls } from './upstream-calls.js';

const sizes = (process.env.BENCH_CLIENTS ?? '1000,5000,10000').split(',').map(Number);
const only = process.env.BENCH_ONLY?.split(',');
const runs = (part: string) => !only || only.includes(part);

if (runs('size')) await bundleSize();
if (runs('fanout')) {
  fanoutHeader();
  for (const clients of sizes) await fanout(clients);
  await heapPerClient();
}
if (runs('capacity')) await maxClients();
if (runs('upstream')) await upstreamCalls([1, 100, 1000]);
if (runs('markets')) await marketCalls();
if (runs('redis')) await redisInstances();
if (runs('quotes')) await quotesApi();
if (runs('render')) await renderLoad();
if (runs('first')) await firstPrice();
if (runs('faults')) await faults();
if (runs('candles')) await candles();
