import { ASSET_PATTERN, parseInstrument } from '@tickwire/protocol';
import { Router } from 'express';
import { MAX_TOP_ASSETS } from '../assets/facts-service.js';
import type { AppDeps } from './deps.js';
import { HttpError } from './errors.js';
import { parseCurrency, parseInteger, requestedAssets } from './query.js';

/**
 * A logo is a picture and nothing else: no script, style, frame or fetch of its own runs if a
 * reader opens it as a document (an SVG monogram could otherwise be one), and it is sandboxed.
 */
const LOGO_CSP = "default-src 'none'; sandbox";

/**
 * `GET /v1/assets` and `GET /v1/logos/:asset` (protocol README, "Assets"): asset facts, read
 * once per page, and their logos, served from the relay's own origin.
 */
export function assetsRoutes({ config, catalog, assetFacts, logos }: AppDeps): Router {
  const router = Router();
  // No symbols: the assets of the relay's default set.
  const defaults = [...new Set(config.SYMBOLS.map((symbol) => parseInstrument(symbol).base))];

  router.get('/v1/assets', async (req, res) => {
    const currency = parseCurrency(req.query.currency, catalog.markets);
    const top = parseInteger(req.query.top, 'top', 1, MAX_TOP_ASSETS, 0);
    if (top > 0 && req.query.symbols !== undefined) {
      throw new HttpError(400, 'bad_query', "Ask for 'symbols' or 'top', not both.");
    }
    if (top === 0) {
      const assets = requestedAssets(req.query.symbols, defaults, config.MAX_SYMBOLS_PER_REQUEST);
      const answer = await assetFacts.assets(assets, currency);
      // Facts change every few minutes: a reader's cache may keep them a minute, unless some
      // are still to come.
      res.set('Cache-Control', answer.pending ? 'no-store' : 'public, max-age=60');
      res.json(answer);
      return;
    }
    const answer = await assetFacts.top(top, currency);
    if (answer === 'none') {
      throw new HttpError(
        404,
        'top_unavailable',
        `No source of this relay ranks assets by market cap in ${currency}; name the assets in 'symbols' instead.`,
      );
    }
    if (answer === 'pending') {
      throw new HttpError(
        503,
        'facts_pending',
        'The ranking is being fetched; ask again shortly.',
        {
          'Retry-After': '5',
        },
      );
    }
    res.set('Cache-Control', 'public, max-age=60').json(answer);
  });

  router.get('/v1/logos/:asset', async (req, res) => {
    const asset = String(req.params.asset).toUpperCase();
    if (!ASSET_PATTERN.test(asset)) {
      throw new HttpError(
        400,
        'bad_symbol',
        'A logo is named by its asset, such as /v1/logos/BTC.',
      );
    }
    const logo = await logos.logo(asset);
    res.set({
      'Content-Type': logo.type,
      'Content-Length': String(logo.body.byteLength),
      'Cache-Control': `public, max-age=${logo.maxAgeSeconds}`,
      'Content-Security-Policy': LOGO_CSP,
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(logo.body);
  });

  return router;
}
