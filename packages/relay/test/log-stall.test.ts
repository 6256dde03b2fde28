import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort } from './support/redis-server.js';
import { waitFor } from './support/relay.js';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

describe('a stdout nobody reads', () => {
  test('costs a bounded buffer and the lines past it, not memory or the event loop: health checks answer, and the loss is said once stdout moves', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    try {
      await waitFor(
        async () => ((await fetch(`${url}/healthz`).catch(() => undefined))?.ok ? true : undefined),
        20_000,
      );
      // From here on nobody reads the relay's stdout: the pipe fills, then the relay's buffer.
      child.stdout!.pause();
      // Each refusal is a log line of ~250 bytes: about 2 MB in all, twice the buffer.
      for (let batch = 0; batch < 400; batch++) {
        await Promise.all(
          Array.from({ length: 20 }, () =>
            fetch(`${url}/v1/quotes?symbols=%21`).then((r) => r.arrayBuffer()),
          ),
        );
      }
      const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      assert.equal(health.status, 200, 'answered while stdout is stalled');

      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.stdout!.resume();
      // A line after the drain is what reports the loss.
      const said = await waitFor(async () => {
        await fetch(`${url}/v1/quotes?symbols=%21`).then((r) => r.arrayBuffer());
        return output.match(/"droppedLines":(\d+)/)?.[1];
      }, 10_000);
      // Without the bound every line waits in memory and none is dropped.
      assert.ok(Number(said) > 0);
    } finally {
      child.stdout!.resume();
      child.kill('SIGTERM');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    }
  });
});
