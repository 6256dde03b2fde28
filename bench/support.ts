import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { freePort } from '../packages/relay/test/support/free-port.js';

const RELAY_MAIN = fileURLToPath(new URL('../packages/relay/dist/main.js', import.meta.url));

/** One line naming the machine, printed with every set of figures. */
export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** The value at quantile `q` (0–1) of `values`. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** A server as its own process, on loopback and a free port; ready when `/readyz` answers. */
export interface ServerProcess {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/** The built relay as its own process, on loopback, until `stop()`; `nodeArgs` are Node's own flags. */
export function spawnRelay(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  return spawnServer([...nodeArgs, RELAY_MAIN], env);
}

/** `node <args>` as a server on loopback (`PORT`, `HOST` set), until `stop()`. */
export async function spawnServer(
  args: string[],
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the relay did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Resident memory of a process, bytes. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? 0) * 1024;
}

/** CPU time a process has used, seconds (user + system). */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Frame times and long tasks a page shows over `seconds`, as one line of figures. */
export async function frameFigures(page: Page, seconds: number): Promise<string> {
  // A string, not a function: tsx's name-keeping helper does not exist in the page.
  const { longTasks, frames } = (await page.evaluate(`(async () => {
    const longTasks = [];
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) longTasks.push(entry.duration); })
      .observe({ type: 'longtask' });
    const frames = [];
    let last = performance.now();
    let running = true;
    const frame = (now) => { frames.push(now - last); last = now; if (running) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
    await new Promise((resolve) => setTimeout(resolve, ${seconds * 1000}));
    running = false;
    return { longTasks, frames };
  })()`)) as { longTasks: number[]; frames: number[] };
  return (
    `frames ${frames.length} in ${seconds} s  frame time p50 ${quantile(frames, 0.5).toFixed(1)} ms  p99 ${quantile(frames, 0.99).toFixed(1)} ms  ` +
    `long tasks ${longTasks.length} (total ${longTasks.reduce((a, b) => a + b, 0).toFixed(0)} ms, max ${Math.max(0, ...longTasks).toFixed(0)} ms)`
  );
}

/** Opens an event stream and reads it to the end; returns what closes it. */
export function openStream(url: string): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Accept: 'text/event-stream' }, agent: false }, (res) => {
      res.resume();
      resolve(() => req.destroy());
    });
    req.on('error', reject);
    req.end();
  });
}
