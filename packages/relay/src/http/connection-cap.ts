import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** What the cap tells: the relay's metrics. */
export interface ConnectionCapMetrics {
  refused(): void;
}

export interface ConnectionCapOptions {
  /** Open connections one client address may hold; the next is closed at once. */
  maxPerAddress: number;
  /**
   * Whether a peer is a trusted proxy (`trustFor(TRUST_PROXY)`, the rule every per-address
   * limit uses): a proxy carries many clients' connections and is not capped here.
   */
  trusted: (address: string, hop: number) => boolean;
  metrics?: ConnectionCapMetrics;
}

/**
 * Caps the connections one address holds open on `server`. Thousands of idle sockets from
 * one address (each a file descriptor, each checked by Node's request timers) had health
 * checks time out; past the cap a new socket is destroyed as it arrives, before a byte is
 * read or written: no parser, no answer, no log line. The count lives only as long as the
 * sockets it counts, so the map holds at most one entry per open connection.
 *
 * The address is the peer's: at connect time no `X-Forwarded-For` has arrived. Behind a
 * trusted proxy the peer is the proxy, which is left alone; its clients are still held to
 * `MAX_CLIENTS_PER_IP` per stream, by the address the proxy names.
 */
export function capConnectionsPerAddress(server: Server, options: ConnectionCapOptions): void {
  const open = new Map<string, number>();

  // One handler for every socket, not a closure each: see server-closer.ts.
  function release(this: Socket & { cappedAs?: string }): void {
    const address = this.cappedAs!;
    const left = (open.get(address) ?? 1) - 1;
    if (left > 0) open.set(address, left);
    else open.delete(address);
  }

  server.on('connection', (socket: Socket & { cappedAs?: string }) => {
    const address = socket.remoteAddress;
    if (address === undefined || options.trusted(address, 0)) return;
    const count = open.get(address) ?? 0;
    if (count >= options.maxPerAddress) {
      options.metrics?.refused();
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.cappedAs = address;
    socket.once('close', release);
  });
}
