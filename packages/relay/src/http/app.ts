import express, { type Express } from 'express';
import { adminRoutes } from './admin-routes.js';
import { apiRoutes } from './api-routes.js';
import { cors } from './cors.js';
import type { AppDeps } from './deps.js';
import { errorHandler, notFound } from './errors.js';
import { requestLog } from './request-log.js';
import { staticRoutes } from './static-routes.js';
import { streamRoute } from './stream-route.js';

export type { AppDeps } from './deps.js';

/** Builds the relay's Express app from its parts. It never listens: `main.ts` does. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // JSON answers are no-store; static files carry serve-static's own ETag.
  app.set('etag', false);
  app.use(requestLog(deps.log));
  app.use((_req, res, next) => {
    res.set({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // The widgets are meant to be embedded: other origins may load them, even under COEP.
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    next();
  });
  app.use(cors(deps.config.CORS_ORIGINS));
  app.get('/v1/stream', streamRoute(deps));
  app.use(apiRoutes(deps));
  app.use(adminRoutes(deps.config.ADMIN_TOKEN, deps.polling));
  app.use(staticRoutes(deps));
  app.use(notFound);
  app.use(
    errorHandler((error, requestId) =>
      deps.log.error({ err: error, requestId }, 'unexpected error'),
    ),
  );
  return app;
}
