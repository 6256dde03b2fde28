import type { RequestHandler } from 'express';

/**
 * Answers CORS preflight requests for the routes other origins read with `fetch` (the API
 * and the stream); the allow-origin header itself is one of the common headers. Any other
 * OPTIONS request goes on to the 404 like any unknown route.
 */
export function corsPreflight(paths: readonly string[]): RequestHandler {
  const preflighted = new Set(paths);
  return (req, res, next) => {
    if (req.method !== 'OPTIONS' || !preflighted.has(req.path)) return next();
    res.set({
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'Last-Event-ID, Cache-Control',
      'Access-Control-Max-Age': '86400',
    });
    res.status(204).end();
  };
}
