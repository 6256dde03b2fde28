import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const LOWEST = 20_000;
/** Ports from here up are the kernel's to hand out (at least 10,000 are left to pick from). */
const EPHEMERAL_START = Math.max(ephemeralStart(), LOWEST + 10_000);

/**
 * A free loopback port, for a server in another process that must be told its port (a relay,
 * redis-server, nginx, `next start`). Picked at random below the kernel's ephemeral range and
 * checked by binding it: a port the kernel chose (for a server on port 0, for any outgoing
 * connection) was taken again between the check and the server's own bind when a busy suite
 * made thousands of connections, and the test read another server's answers.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = LOWEST + Math.floor(Math.random() * (EPHEMERAL_START - LOWEST));
    if (await bindable(port)) return port;
  }
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Linux says where its range starts; elsewhere, IANA's 49152 (macOS, Windows). */
function ephemeralStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/)[0]);
  } catch {
    return 49_152;
  }
}
