// What one more stream holds in a server's JavaScript heap, exactly: heap snapshots (each
// taken after a full collection) with no clients and with some, for the relay beside the
// bare broadcaster and better-sse. RSS (the fan-out bench) is what the machine pays, but it
// moves with when the collector runs; this does not.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, openStreams, servers } from './fanout.js';
import type { ServerProcess } from './support.js';

export async function heapPerClient(clients = 2_000): Promise<void> {
  console.log(
    `\n## Live JavaScript heap per stream, from heap snapshots with 0 and ${clients} clients`,
  );
  const perClient = new Map<string, number>();
  for (const [name, spawn] of Object.entries(servers(clients))) {
    const dir = mkdtempSync(join(tmpdir(), 'tickwire-heap-'));
    const server = await spawn([`--heapsnapshot-signal=SIGUSR2`, `--diagnostic-dir=${dir}`]);
    const streams: Client[] = [];
    try {
      const before = await heapBytes(server, dir);
      await openStreams(server, streams, clients);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      perClient.set(name, ((await heapBytes(server, dir)) - before) / clients);
    } finally {
      for (const stream of streams) stream.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const floor = perClient.get('floor')!;
  for (const [name, bytes] of perClient) {
    console.log(
      `${name.padEnd(10)}  ${(bytes / 1000).toFixed(1)} KB a stream  (${(bytes / floor).toFixed(2)}× the floor)`,
    );
  }
}

/** The size of every object in a new heap snapshot of `server`, bytes. */
async function heapBytes(server: ServerProcess, dir: string): Promise<number> {
  const snapshots = () =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.heapsnapshot'))
      .sort();
  const taken = snapshots().length;
  process.kill(server.pid, 'SIGUSR2');
  for (let tries = 0; tries < 600; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const file = snapshots()[taken];
    if (!file) continue;
    try {
      const { snapshot, nodes } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        snapshot: { meta: { node_fields: string[] } };
        nodes: number[];
      };
      const fields = snapshot.meta.node_fields;
      let total = 0;
      for (let at = fields.indexOf('self_size'); at < nodes.length; at += fields.length) {
        total += nodes[at]!;
      }
      return total;
    } catch {
      // Still being written.
    }
  }
  throw new Error('no heap snapshot after 60 s');
}
