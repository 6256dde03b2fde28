import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { type Request, Router } from 'express';
import { renderBuilderPage } from './builder-page.js';
import { renderDemoPage } from './demo-page.js';
import type { AppDeps } from './deps.js';
import { HttpError } from './errors.js';

const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

/** The demo page (and the builder) allow nothing but this relay: it doubles as proof that the widgets need no `unsafe-inline`. */
const DEMO_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The relay's URL as its reader reached it, ending in `/`, mount path included (`/prices/`):
 * what the snippets' absolute URLs start with. Behind a trusted proxy, the scheme and host
 * its reader used (`TRUST_PROXY`).
 */
function publicBase(req: Request): string {
  return `${req.protocol}://${req.host ?? 'localhost'}${req.baseUrl}/`;
}

/** Chunks carry a content hash in their name: they never change, so they may be cached for good. */
const HASHED_FILE = /-[\w-]{8,}\.js$/;

/** `/` (demo page), `/builder` (embed builder), `/widgets.js` and its chunks, and the demo page's own files (`public/`). */
export function staticRoutes({ config, catalog, widgetsDir }: AppDeps): Router {
  const router = Router();
  // Only here: the event stream must never sit in a compression buffer.
  router.use(compression());

  router.get('/', (req, res) => {
    // Mounted on a path (`app.use('/prices', relay.app)`), the page's relative links need the
    // trailing slash: `/prices` → `/prices/`.
    const [path = '/', query] = req.originalUrl.split('?');
    if (!path.endsWith('/')) {
      res.redirect(308, `${path}/${query === undefined ? '' : `?${query}`}`);
      return;
    }
    const base = publicBase(req);
    const simulated = catalog.sources.some((source) => source.simulated);
    res
      .set({ 'Content-Security-Policy': DEMO_PAGE_CSP, 'Cache-Control': 'no-cache' })
      .type('html')
      .send(
        renderDemoPage({
          base,
          symbols: config.SYMBOLS,
          simulated,
          currencies: config.CURRENCIES,
          sources: catalog.markets.sourceIds,
        }),
      );
  });

  router.get('/builder', (req, res) => {
    // `/builder/` would put the page's relative links one folder too deep.
    const [path = '/builder', query] = req.originalUrl.split('?');
    if (path.endsWith('/')) {
      res.redirect(308, `${path.slice(0, -1)}${query === undefined ? '' : `?${query}`}`);
      return;
    }
    res
      .set({ 'Content-Security-Policy': DEMO_PAGE_CSP, 'Cache-Control': 'no-cache' })
      .type('html')
      .send(
        renderBuilderPage({
          base: publicBase(req),
          symbols: config.SYMBOLS,
          currencies: config.CURRENCIES,
        }),
      );
  });

  router.use(express.static(PUBLIC_DIR, { index: false, maxAge: '5m' }));

  if (widgetsDir && existsSync(widgetsDir)) {
    router.use(
      express.static(widgetsDir, {
        index: false,
        setHeaders(res, path) {
          res.set(
            'Cache-Control',
            HASHED_FILE.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
          );
        },
      }),
    );
  } else {
    router.get('/widgets.js', () => {
      throw new HttpError(
        503,
        'bundle_missing',
        'The widget bundle is not built; run `npm run build`.',
      );
    });
  }
  return router;
}
