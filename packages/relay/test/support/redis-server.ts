import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './free-port.js';

/** One redis-server process (a node or a Sentinel), started and ready. */
export class RedisProcess {
  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
  ) {}

  static async start(port: number, args: string[], ready: string): Promise<RedisProcess> {
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`redis-server ${args.join(' ')} did not start: ${output}`));
      }, 10_000);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(
          new Error(
            `cannot start redis-server (Debian: apt-get install redis-server): ${error.message}`,
          ),
        );
      });
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(ready)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    // Its log is read to know it is ready; afterwards it is drained so the pipe never fills.
    child.stdout!.resume();
    return new RedisProcess(port, child);
  }

  /** Ends it at once, as a crash or a lost machine would. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await once(this.child, 'exit');
  }
}

/**
 * A real redis-server (Debian's package) on 127.0.0.1, without persistence, for one test
 * file. `kill()` and `start()` stop and restart it on the same port.
 */
export class RedisServer {
  private process: RedisProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = await RedisProcess.start(
      this.port,
      [
        ...['--bind', '127.0.0.1', '--port', String(this.port)],
        ...['--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      ],
      'Ready to accept connections',
    );
  }

  /** Ends the server at once, as a crash would. */
  async kill(): Promise<void> {
    await this.process?.kill();
    this.process = undefined;
  }
}
