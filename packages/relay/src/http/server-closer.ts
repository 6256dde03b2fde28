import type { Server, ServerResponse } from 'node:http';
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

  // One handler for every socket and every answer, not a closure each: an event stream
  // holds its socket and its answer for hours, ten thousand of them at a time.
  function forgetSocket(this: Socket): void {
    sockets.delete(this);
    busy.delete(this);
  }
  function answered(this: ServerResponse): void {
    const { socket } = this.req;
    const left = (busy.get(socket) ?? 1) - 1;
    if (left > 0) busy.set(socket, left);
    else busy.delete(socket);
    if (closing && left <= 0) socket.destroySoon();
  }
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', forgetSocket);
  });
  server.on('request', (req, res) => {
    busy.set(req.socket, (busy.get(req.socket) ?? 0) + 1);
    res.on('close', answered);
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
