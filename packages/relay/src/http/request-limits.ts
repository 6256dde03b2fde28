import type { RequestListener, Server, ServerOptions } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpError, sendError } from './errors.js';

/**
 * How long a client may take to send a request, ms. The relay reads no request bodies but
 * the admin routes' few bytes, so a slow sender is a stuck or hostile one. Streams are
 * unaffected: these bound the request, not the answer. Node's `keepAliveTimeout` (5 s)
 * stays as it is.
 */
export interface RequestTimeouts {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

export const REQUEST_TIMEOUTS: RequestTimeouts = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
};

/**
 * The server options that enforce `timeouts`; Node checks them every second, not every 30 s.
 * Node's own Host check is off: it answers an empty 400 that no listener sees, and
 * `answerMissingHost` answers the same refusal in the relay's JSON.
 */
export function serverOptions(timeouts: RequestTimeouts): ServerOptions {
  return {
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    connectionsCheckingInterval: 1_000,
    requireHostHeader: false,
  };
}

/**
 * `listener`, except that an HTTP/1.1 request without a `Host` header gets the 400 the
 * standard asks for (RFC 9112, section 3.2) as the relay's JSON error, and the connection
 * is closed as Node's own check would close it. HTTP/1.0 needs no Host.
 */
export function answerMissingHost(listener: RequestListener): RequestListener {
  return (req, res) => {
    if (req.headers.host !== undefined || req.httpVersion === '1.0') return listener(req, res);
    sendError(
      res,
      new HttpError(400, 'bad_request', 'The request has no Host header.', {
        Connection: 'close',
      }),
    );
  };
}

/**
 * Answers requests Node refuses before any route sees them (malformed, headers too large,
 * too slow) with the relay's JSON error instead of an empty body.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler does: answer only if no answer has begun on this socket (a
    // route may answer before the body it never reads has arrived).
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || inFlight?.headersSent || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request headers are too large.']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'request_timeout', 'The request took too long to arrive.']
          : [400, 'bad_request', 'The request could not be read.'];
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};
