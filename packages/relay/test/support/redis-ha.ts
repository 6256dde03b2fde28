import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import type { RedisTarget } from '../../src/store/redis-target.js';
import { freePort } from './free-port.js';
import { RedisProcess } from './redis-server.js';
import { waitFor } from './relay.js';

/**
 * Highly available Redis on loopback, from Debian's redis-server 7.0: a primary, a replica and
 * Sentinels; or a Cluster of primaries. Each test file starts its own and stops every process
 * it started, whatever happened.
 */

const NODE_ARGS = [
  ...['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
  // A replica's first sync would otherwise wait 5 s for others to join it.
  ...['--repl-diskless-sync-delay', '0'],
];

/** Answers one command from a node or a Sentinel on `port`, on a connection of its own. */
async function ask(port: number, ...args: string[]): Promise<unknown> {
  const client = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.call(args[0]!, ...args.slice(1));
  } finally {
    client.disconnect();
  }
}

/** A primary, one replica, and Sentinels watching them (`quorum` of them agree a primary is down). */
export class SentinelGroup {
  readonly name = 'tickwire-primary';

  private constructor(
    private readonly dir: string,
    readonly primary: RedisProcess,
    readonly replica: RedisProcess,
    readonly sentinels: RedisProcess[],
  ) {}

  static async start({ sentinels = 3, quorum = 2 } = {}): Promise<SentinelGroup> {
    const dir = await mkdtemp(join(tmpdir(), 'tickwire-sentinel-'));
    const started: RedisProcess[] = [];
    try {
      const primaryPort = await freePort();
      // In the group's folder: a replica saves what it syncs, and must not find a past run's file.
      const node = (port: number) => ['--port', String(port), '--dir', dir, ...NODE_ARGS];
      const primary = await RedisProcess.start(
        primaryPort,
        node(primaryPort),
        'Ready to accept connections',
      );
      started.push(primary);
      const replicaPort = await freePort();
      const replica = await RedisProcess.start(
        replicaPort,
        [...node(replicaPort), '--replicaof', '127.0.0.1', String(primaryPort)],
        'MASTER <-> REPLICA sync: Finished with success',
      );
      started.push(replica);
      const watchers: RedisProcess[] = [];
      for (let i = 0; i < sentinels; i++) {
        const port = await freePort();
        const conf = join(dir, `sentinel-${port}.conf`);
        // Sentinel rewrites its file as it learns the group: each needs one of its own.
        await writeFile(
          conf,
          [
            `port ${port}`,
            'bind 127.0.0.1',
            `dir ${dir}`,
            `sentinel monitor tickwire-primary 127.0.0.1 ${primaryPort} ${quorum}`,
            // Short, so a test sees a failover within seconds; production keeps the defaults.
            'sentinel down-after-milliseconds tickwire-primary 1000',
            'sentinel failover-timeout tickwire-primary 4000',
            '',
          ].join('\n'),
        );
        const sentinel = await RedisProcess.start(port, [conf, '--sentinel'], '+monitor master');
        started.push(sentinel);
        watchers.push(sentinel);
      }
      const group = new SentinelGroup(dir, primary, replica, watchers);
      await group.untilWatched();
      return group;
    } catch (error) {
      await Promise.all(started.map((process) => process.kill()));
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  get target(): RedisTarget {
    return {
      kind: 'sentinel',
      name: this.name,
      sentinels: this.sentinels.map(({ port }) => ({ host: '127.0.0.1', port })),
    };
  }

  /** The port of the primary as the Sentinels name it now. */
  async primaryPort(): Promise<number> {
    const [, port] = (await ask(
      this.sentinels[0]!.port,
      'SENTINEL',
      'get-master-addr-by-name',
      this.name,
    )) as string[];
    return Number(port);
  }

  /** Until every Sentinel knows the replica and the other Sentinels: a failover can then be agreed. */
  private async untilWatched(): Promise<void> {
    await waitFor(
      async () => {
        for (const sentinel of this.sentinels) {
          const replicas = (await ask(
            sentinel.port,
            'SENTINEL',
            'replicas',
            this.name,
          )) as string[][];
          const others = (await ask(
            sentinel.port,
            'SENTINEL',
            'sentinels',
            this.name,
          )) as unknown[];
          const known = replicas.some((fields) => fields[fields.indexOf('flags') + 1] === 'slave');
          if (!known || others.length !== this.sentinels.length - 1) return undefined;
        }
        return true;
      },
      15_000,
      async () =>
        `replicas ${JSON.stringify(await ask(this.sentinels[0]!.port, 'SENTINEL', 'replicas', this.name))}`,
    );
  }

  async stop(): Promise<void> {
    await Promise.all(
      [this.primary, this.replica, ...this.sentinels].map((process) => process.kill()),
    );
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** A Cluster of `size` primaries without replicas, every slot assigned. */
export class RedisClusterNodes {
  private constructor(
    private readonly dir: string,
    readonly nodes: RedisProcess[],
  ) {}

  static async start(size = 3): Promise<RedisClusterNodes> {
    const dir = await mkdtemp(join(tmpdir(), 'tickwire-cluster-'));
    const nodes: RedisProcess[] = [];
    try {
      for (let i = 0; i < size; i++) {
        const port = await freePort();
        nodes.push(
          await RedisProcess.start(
            port,
            [
              '--port',
              String(port),
              '--dir',
              dir,
              ...NODE_ARGS,
              '--cluster-enabled',
              'yes',
              '--cluster-config-file',
              join(dir, `nodes-${port}.conf`),
              // Its bus port, free too: by default port + 10,000, which may be taken (or past 65535).
              '--cluster-port',
              String(await freePort()),
              '--cluster-node-timeout',
              '2000',
            ],
            'Ready to accept connections',
          ),
        );
      }
      await promisify(execFile)(
        'redis-cli',
        [
          '--cluster',
          'create',
          ...nodes.map(({ port }) => `127.0.0.1:${port}`),
          '--cluster-replicas',
          '0',
          '--cluster-yes',
        ],
        { timeout: 20_000 },
      );
      await waitFor(async () => {
        for (const { port } of nodes) {
          const info = String(await ask(port, 'CLUSTER', 'INFO'));
          if (!info.includes('cluster_state:ok') || !info.includes(`cluster_known_nodes:${size}`))
            return undefined;
        }
        return true;
      }, 15_000);
      return new RedisClusterNodes(dir, nodes);
    } catch (error) {
      await Promise.all(nodes.map((node) => node.kill()));
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  get target(): RedisTarget {
    return { kind: 'cluster', nodes: this.nodes.map(({ port }) => ({ host: '127.0.0.1', port })) };
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.kill()));
    await rm(this.dir, { recursive: true, force: true });
  }
}
