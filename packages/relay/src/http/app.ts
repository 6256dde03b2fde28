import express, { type Express } from 'express';
import { apiRoutes } from './api-routes.js';
import { cors } from './cors.js';
import type { AppDeps } from './deps.js';
import { errorHandler, notFound } from './errors.js';
import { staticRoutes } from './static-routes.js';
import { streamRoute } from './stream-route.js';

export type { AppDeps } from './deps.js';

/** Builds the relay's Express app from its parts. It never listens: `main.ts` does. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
    next();
  });
  app.use(cors(deps.config.CORS_ORIGINS));
  app.get('/v1/stream', streamRoute(deps));
  app.use(apiRoutes(deps));
  app.use(staticRoutes(deps));
  app.use(notFound);
  app.use(errorHandler((error) => deps.log.error({ err: error }, 'unexpected error')));
  return app;
}
