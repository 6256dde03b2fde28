import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

/** The relay as its own process (`node main.ts` through tsx), configured by environment only. */
export class RelayProcess {
  private constructor(
    readonly url: string,
    readonly child: ChildProcess,
  ) {}

  /** `stdout: 'pipe'` keeps the relay's log in a pipe the test reads, or leaves unread. */
  static async start(
    env: Record<string, string>,
    { stdout = 'ignore' }: { stdout?: 'ignore' | 'pipe' } = {},
  ): Promise<RelayProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', stdout, 'inherit'],
    });
    const relay = new RelayProcess(`http://127.0.0.1:${port}`, child);
    // Generous: tsx compiles the relay first, which took over 20 s at a load average of 30.
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the relay exited with ${child.exitCode}`);
      try {
        const answer = await fetch(`${relay.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
        if (answer.ok) return relay;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        // A child left running holds the test file open: node --test would wait for it forever.
        child.kill('SIGKILL');
        throw new Error('the relay did not start within 60 s');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async metric(name: string): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`)).text();
    return Number(text.match(new RegExp(`^${name} (\\d+)`, 'm'))?.[1]);
  }

  /** Sends `signal` and waits for the exit; returns the exit code. */
  async signal(signal: NodeJS.Signals): Promise<number | null> {
    // A process ended by a signal has no exit code, only a signal code.
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    this.child.kill(signal);
    const [code] = (await once(this.child, 'exit')) as [number | null];
    return code;
  }
}
