import type { RequestHandler } from 'express';

/**
 * Lets pages on other origins read the API, the stream and the widget bundle (module
 * scripts are fetched with CORS). `*` by default: the data is public.
 */
export function cors(allowedOrigins: readonly string[]): RequestHandler {
  const anyOrigin = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.get('origin');
    if (anyOrigin) res.set('Access-Control-Allow-Origin', '*');
    else {
      res.vary('Origin');
      if (origin && allowed.has(origin)) res.set('Access-Control-Allow-Origin', origin);
    }
    if (req.method === 'OPTIONS') {
      res.set({
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': 'Last-Event-ID, Cache-Control',
        'Access-Control-Max-Age': '86400',
      });
      res.status(204).end();
      return;
    }
    next();
  };
}
