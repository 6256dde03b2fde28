// The relay of the forgetting bench, in a process of its own so that its heap is only the
// relay's: a source that lists 100,000 pairs, polled every second, forgetting after 1 s.
// Told `measure` over IPC, it collects garbage and answers its heap and resident memory.
import { createRelay, loadConfig } from '../packages/relay/src/index.js';
import { ManySymbols } from './many-symbols.js';

const relay = await createRelay({
  config: loadConfig({
    SOURCES: 'demo',
    POLL_INTERVAL: '1',
    WATCH_GRACE: '1',
    MAX_WATCHED_SYMBOLS: '5000',
    MAX_SYMBOLS_PER_REQUEST: '1000',
    MAX_CLIENTS_PER_IP: '1000',
    // Each of the bench's concurrent readers is its own address (X-Forwarded-For), as readers are.
    TRUST_PROXY: 'loopback',
    LOG_LEVEL: 'warn',
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
  }),
  sources: [new ManySymbols()],
});
const { url } = await relay.listen(0, '127.0.0.1');
process.send?.({ url });
process.on('message', (message) => {
  if (message !== 'measure') return;
  globalThis.gc?.();
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  process.send?.({ heapUsed, rss });
});
process.on('disconnect', () => void relay.close().then(() => process.exit(0)));
