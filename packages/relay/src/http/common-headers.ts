import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request id from a proxy is kept when it looks like one; anything else gets a fresh one. */
const REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * The headers every answer carries, whichever route gives it: a request id, safety headers,
 * and CORS, which lets pages on other origins read the API, the stream and the widget bundle
 * (module scripts are fetched with CORS); `*` by default, as the data is public. The returned
 * function sets them and gives the request id.
 */
export function commonHeaders(
  allowedOrigins: readonly string[],
): (req: IncomingMessage, res: ServerResponse) => string {
  const anyOrigin = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins);
  return (req, res) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // The widgets are meant to be embedded: other origins may load them, even under COEP.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (anyOrigin) res.setHeader('Access-Control-Allow-Origin', '*');
    else {
      res.setHeader('Vary', 'Origin');
      const { origin } = req.headers;
      if (origin && allowed.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
    }
    return requestId;
  };
}
