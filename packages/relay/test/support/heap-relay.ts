/**
 * A test relay (the seeded demo market) in a process of its own, for measuring its heap
 * apart from the test's clients. Started with `--expose-gc` and an IPC channel by
 * the bounded-heap test; answers `{ heap: true }` with its heap after full collections,
 * `{ leak: n }` with what n small retained entries cost it, and `{ pause: true }` once its
 * poller is paused; exits on `{ stop: true }`.
 */
import { startTestRelay } from './relay.js';

/** What the child says: where it listens, or a heap figure. */
export type HeapRelayMessage =
  | { url: string }
  | { heapUsed: number }
  | { entryBytes: number }
  | { paused: true };

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.send) throw new Error('run by bounded-heap.test.ts: --expose-gc and IPC');
const send = (message: HeapRelayMessage) => process.send?.(message);

/** heapUsed after collections enough that nothing collectable is left (V8 may need two). */
async function settledHeap(): Promise<number> {
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    // Let timers and sockets finish what they hold before collecting.
    await new Promise((resolve) => setTimeout(resolve, 50));
    gc?.();
    const used = process.memoryUsage().heapUsed;
    if (Math.abs(used - last) < 64 * 1024) return used;
    last = used;
  }
  return last;
}

// The listed symbols the load reads, configured (so polled always, never forgotten).
const relay = await startTestRelay({ env: { SYMBOLS: process.env.SYMBOLS ?? 'BTC' } });
process.on(
  'message',
  async (message: { heap?: true; leak?: number; pause?: true; stop?: true }) => {
    if (message.pause) {
      await relay.poller.pause();
      send({ paused: true });
    }
    if (message.heap) send({ heapUsed: await settledHeap() });
    if (message.leak) {
      // The smallest thing a table keyed by client input would keep per request: the key and
      // a small object. Real cache entries (an encoded answer, a candle list) are larger.
      const before = await settledHeap();
      const table = new Map<string, { t: number }>();
      for (let i = 0; i < message.leak; i++) table.set(`BTC,Z${i}`, { t: i });
      const after = await settledHeap();
      send({ entryBytes: (after - before) / table.size });
    }
    if (message.stop) {
      await relay.stop();
      process.disconnect();
    }
  },
);
send({ url: relay.url });
