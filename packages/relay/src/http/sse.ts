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
 * The one place that turns a response into an event stream.
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  retryMs: number,
): StreamClient {
  req.socket.setTimeout(0);
  req.socket.setNoDelay(true);
  req.socket.setKeepAlive(true);
  res.writeHead(200, EVENT_STREAM_HEADERS);
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
