import { gzipSync } from 'node:zlib';
import { Router } from 'express';
import type { CachedCandles } from '../store/candle-cache.js';
import type { AppDeps } from './deps.js';
import { HttpError } from './errors.js';
import { parseRange, requestedSymbol } from './query.js';

/**
 * `GET /v1/candles?symbol=BTC&range=24h` (protocol README, "Candles"): from the candle
 * service's cache, with the validators browsers and CDNs need to share it too.
 */
export function candlesRoute({ catalog, candles }: AppDeps): Router {
  const router = Router();
  // Each answer is compressed once, on its first gzip reader, not once per request.
  const compressed = new WeakMap<CachedCandles, Buffer>();
  router.get('/v1/candles', async (req, res) => {
    const symbol = requestedSymbol(req.query.symbol, catalog.markets);
    const range = parseRange(req.query.range);
    if (!catalog.lists(symbol)) {
      throw new HttpError(400, 'unknown_symbol', `No source of this relay lists ${symbol}.`);
    }
    // A range no source has is said at once and for good (a 4xx, not retried), with the
    // ranges there are; a range whose sources fail now is a 503 worth retrying.
    const missing = candles.missingRange(symbol, range);
    if (missing) {
      const { message, sources, ranges } = missing;
      throw new HttpError(404, 'range_unavailable', message, {}, { sources, ranges });
    }
    const answer = await candles.get(symbol, range);
    if (!answer) {
      throw new HttpError(503, 'no_candles', candles.unavailableNow(symbol, range), {
        'Retry-After': '30',
      });
    }
    const maxAge = Math.max(0, Math.floor((answer.expiresAt - Date.now()) / 1000));
    res.set({
      'Cache-Control': `public, max-age=${maxAge}`,
      ETag: answer.etag,
      Vary: 'Origin, Accept-Encoding',
    });
    if (matchesEtag(req.headers['if-none-match'], answer.etag)) {
      res.status(304).end();
      return;
    }
    res.type('json');
    if (!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      res.send(answer.body);
      return;
    }
    let gzipped = compressed.get(answer);
    if (!gzipped) {
      gzipped = gzipSync(answer.body);
      compressed.set(answer, gzipped);
    }
    res.set('Content-Encoding', 'gzip').send(gzipped);
  });
  return router;
}

/**
 * True when a conditional request names `etag` (RFC 9110, If-None-Match: a list, `*`, weak
 * or strong). Not Express's `req.fresh`: that answers 200 whenever the request also says
 * `Cache-Control: no-cache`, as fetch adds to every conditional request, yet the origin is
 * exactly who validates it.
 */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
