import type { IncomingMessage, ServerResponse } from 'node:http';
import { retryFrame } from '../hub/sse-frame.js';
import type { StreamClient } from '../hub/stream-client.js';

/**
 * An event stream's headers. `no-transform` stops compressing proxies from buffering;
 * `X-Accel-Buffering: no` does the same for nginx.
 */
export const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
} as const;

/**
 * The one place that turns a response into an event stream. `headers` go out with the
 * stream's own in one `writeHead`: a response given its headers only there keeps no table
 * of them for its lifetime, and a stream's lifetime is long (hundreds of bytes a client).
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
  retryMs: number,
): StreamClient {
  req.socket.setTimeout(0);
  req.socket.setNoDelay(true);
  req.socket.setKeepAlive(true);
  res.writeHead(200, Object.assign(headers, EVENT_STREAM_HEADERS));
  res.write(retryFrame(retryMs));
  return new ResponseStream(res);
}

/** A stream client over a response: methods on the class, not closures, as there is one per client. */
class ResponseStream implements StreamClient {
  constructor(private readonly res: ServerResponse) {}

  /**
   * Dropped once the answer is ended or its socket gone: a write after `end()` throws
   * ERR_STREAM_WRITE_AFTER_END out of the event loop and would take the relay down.
   */
  write(frame: string | Buffer): void {
    if (this.res.writableEnded || this.res.destroyed) return;
    this.res.write(frame);
  }

  get bufferedBytes(): number {
    return this.res.writableLength;
  }

  close(): void {
    this.res.end();
  }
}
