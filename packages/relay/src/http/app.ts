import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import type { LevelWithSilent } from 'pino';
import { pinoHttp } from 'pino-http';
import { adminRoutes } from './admin-routes.js';
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
  app.use(
    pinoHttp<IncomingMessage, ServerResponse, never>({
      logger: deps.log,
      // A request id from a trusted proxy is kept; anything else gets a fresh one.
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, error): LevelWithSilent =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug',
    }),
  );
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
  app.use(errorHandler((error) => deps.log.error({ err: error }, 'unexpected error')));
  return app;
}
