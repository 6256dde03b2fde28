import express, { type Express } from 'express';
import { adminRoutes } from './admin-routes.js';
import { apiRoutes } from './api-routes.js';
import { assetsRoutes } from './assets-routes.js';
import { candlesRoute } from './candles-route.js';
import { trustFor } from './client-address.js';
import { commonHeaders, setHeaders } from './common-headers.js';
import { corsPreflight } from './cors.js';
import type { AppDeps } from './deps.js';
import { errorHandler, notFound } from './errors.js';
import { requestLog } from './request-log.js';
import { staticRoutes } from './static-routes.js';

export type { AppDeps } from './deps.js';

/**
 * Builds the Express app for every route but the hot ones (`hot-routes.ts`), which pass it
 * everything else. It never listens: `relay.ts` does.
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // req.protocol and req.host (the demo page's snippets) believe X-Forwarded-Proto and -Host
  // from trusted proxies only, by the same rule as the client's address.
  app.set('trust proxy', trustFor(deps.config.TRUST_PROXY));
  // JSON answers are no-store; static files carry serve-static's own ETag.
  app.set('etag', false);
  const common = commonHeaders(deps.config.CORS_ORIGINS);
  app.use((req, res, next) => {
    const { requestId, headers } = common(req);
    setHeaders(res, headers);
    res.locals.requestId = requestId;
    next();
  });
  app.use(requestLog(deps.log, deps.clientAddress));
  // The routes a page on another origin reads with fetch or EventSource.
  app.use(
    corsPreflight([
      '/v1/quotes',
      '/v1/stream',
      '/v1/history',
      '/v1/candles',
      '/v1/symbols',
      '/v1/sources',
      '/v1/assets',
    ]),
  );
  app.use(apiRoutes(deps));
  app.use(candlesRoute(deps));
  app.use(assetsRoutes(deps));
  app.use(adminRoutes(deps.config.ADMIN_TOKEN, deps.polling, deps.clientAddress));
  app.use(staticRoutes(deps));
  app.use(notFound);
  app.use(
    errorHandler((error, requestId) =>
      deps.log.error({ err: error, requestId }, 'unexpected error'),
    ),
  );
  return app;
}
