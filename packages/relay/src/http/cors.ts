import type { RequestHandler } from 'express';

/** Answers CORS preflight requests; the allow-origin header itself is one of the common headers. */
export const corsPreflight: RequestHandler = (req, res, next) => {
  if (req.method !== 'OPTIONS') return next();
  res.set({
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    'Access-Control-Allow-Headers': 'Last-Event-ID, Cache-Control',
    'Access-Control-Max-Age': '86400',
  });
  res.status(204).end();
};
