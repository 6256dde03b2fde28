import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLIENTS = fileURLToPath(new URL('./stream-clients.mjs', import.meta.url));

/**
 * SSE readers in several client processes (bench/stream-clients.mjs): one process holds only
 * as many sockets as its open-file limit, the same as a server's, so a few of them can load a
 * server past its own.
 */
export class StreamLoad {
  private constructor(private readonly workers: ChildProcess[]) {}

  static start(url: string, processes: number): StreamLoad {
    return new StreamLoad(Array.from({ length: processes }, () => fork(CLIENTS, [url])));
  }

  /** Opens `perProcess` more streams in each process: how many opened, and what refused the rest. */
  async open(perProcess: number): Promise<{ opened: number; refused: string }> {
    const answers = await Promise.all(
      this.workers.map((worker) =>
        ask<{ outcomes: Record<string, number> }>(worker, { open: perProcess }),
      ),
    );
    const outcomes: Record<string, number> = {};
    for (const { outcomes: some } of answers)
      for (const [kind, count] of Object.entries(some))
        outcomes[kind] = (outcomes[kind] ?? 0) + count;
    const refused = Object.entries(outcomes)
      .filter(([kind]) => kind !== 'ok')
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ');
    return { opened: outcomes.ok ?? 0, refused };
  }

  /** How many streams received data in the last `ms`. */
  async live(ms: number): Promise<number> {
    const answers = await Promise.all(
      this.workers.map((worker) => ask<{ live: number }>(worker, { live: ms })),
    );
    return answers.reduce((total, answer) => total + answer.live, 0);
  }

  stop(): void {
    for (const worker of this.workers) worker.kill();
  }
}

/** Sends `message` to a client process and waits for its answer. */
function ask<T>(worker: ChildProcess, message: object): Promise<T> {
  return new Promise((resolve) => {
    worker.once('message', (answer) => resolve(answer as T));
    worker.send(message);
  });
}
