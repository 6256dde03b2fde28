import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request id from a proxy is kept when it looks like one; anything else gets a fresh one. */
const REQUEST_ID = /^[\w.-]{1,64}$/;

/** The headers every answer carries, and its request id. */
export interface CommonHeaders {
  requestId: string;
  headers: Record<string, string>;
}

/**
 * The headers every answer carries, whichever route gives it: a request id, safety headers,
 * and CORS, which lets pages on other origins read the API, the stream and the widget bundle
 * (module scripts are fetched with CORS); `*` by default, as the data is public. Given as
 * an object, not set on the response: the hot routes pass them to `writeHead` with their own.
 */
export function commonHeaders(
  allowedOrigins: readonly string[],
): (req: IncomingMessage) => CommonHeaders {
  const anyOrigin = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins);
  return (req) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    const headers: Record<string, string> = {
      'X-Request-Id': requestId,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // The widgets are meant to be embedded: other origins may load them, even under COEP.
      'Cross-Origin-Resource-Policy': 'cross-origin',
    };
    if (anyOrigin) headers['Access-Control-Allow-Origin'] = '*';
    else {
      headers.Vary = 'Origin';
      const { origin } = req.headers;
      if (origin && allowed.has(origin)) headers['Access-Control-Allow-Origin'] = origin;
    }
    return { requestId, headers };
  };
}

/** Sets `headers` on a response that will be answered bit by bit (Express's routes, errors). */
export function setHeaders(res: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
