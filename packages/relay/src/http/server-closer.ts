import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Tracks which sockets have a request under way, so shutdown can close every other one at
 * once. `server.closeIdleConnections()` alone misses a socket a client opened but has not
 * used yet (fetch opens spare ones), which would hold `close()` until the client's own
 * keep-alive timeout.
 */
export function trackConnections(server: Server): (timeoutMs: number) => Promise<void> {
  const busy = new Map<Socket, number>();
  const sockets = new Set<Socket>();
  let closing = false;

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
  });
  server.on('request', (req, res) => {
    const { socket } = req;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const left = (busy.get(socket) ?? 1) - 1;
      if (left > 0) busy.set(socket, left);
      else busy.delete(socket);
      if (closing && left <= 0) socket.destroySoon();
    });
  });

  return (timeoutMs) =>
    new Promise<void>((resolve) => {
      closing = true;
      server.close(() => resolve());
      for (const socket of sockets) if (!busy.has(socket)) socket.destroySoon();
      const hardStop = setTimeout(() => server.closeAllConnections(), timeoutMs);
      hardStop.unref();
    });
}
