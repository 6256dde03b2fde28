import type { IncomingMessage, ServerResponse } from 'node:http';
import { retryFrame } from '../hub/sse-frame.js';
import type { StreamClient } from '../hub/stream-client.js';

/**
 * The one place that turns a response into an event stream. `no-transform` stops
 * compressing proxies from buffering; `X-Accel-Buffering: no` does the same for nginx.
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  retryMs: number,
): StreamClient {
  req.socket.setTimeout(0);
  req.socket.setNoDelay(true);
  req.socket.setKeepAlive(true);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(retryFrame(retryMs));
  return {
    write: (frame) => {
      res.write(frame);
    },
    get bufferedBytes() {
      return res.writableLength;
    },
    close: () => {
      res.end();
    },
  };
}
