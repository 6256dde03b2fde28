import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Express } from 'express';
import { commonHeaders, setHeaders } from './common-headers.js';
import type { AppDeps } from './deps.js';
import { answerError } from './errors.js';
import { quotesRoute } from './quotes-route.js';
import { logRefused } from './request-log.js';
import { streamRoute } from './stream-route.js';

/**
 * A route answered on Node's own request and response, with the query already split out.
 * `headers` (every answer's: request id, CORS, ...) are this request's own: the route adds
 * its own to them and passes them to `writeHead`, with no copy per request (what a copy cost
 * is in docs/benchmarks.md).
 */
export type HotRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  headers: Record<string, string>,
) => Promise<void>;

/**
 * The relay's request listener. The two routes that carry the load — `/v1/quotes`, asked
 * thousands of times a second, and `/v1/stream`, held open by every viewer — are answered
 * before Express, whose own work per request is several times what these routes do
 * (docs/benchmarks.md). Every other request goes on to the Express app.
 */
export function withHotRoutes(deps: AppDeps, app: Express): RequestListener {
  const common = commonHeaders(deps.config.CORS_ORIGINS);
  const routes = new Map<string, HotRoute>([
    ['/v1/quotes', quotesRoute(deps)],
    ['/v1/stream', streamRoute(deps)],
  ]);
  return (req, res) => {
    const url = req.url ?? '';
    const queryAt = url.indexOf('?');
    const route =
      req.method === 'GET' || req.method === 'HEAD'
        ? routes.get(queryAt < 0 ? url : url.slice(0, queryAt))
        : undefined;
    if (!route) return app(req, res);

    const { requestId, headers } = common(req);
    const query = new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1));
    route(req, res, query, headers).catch((error: unknown) => {
      if (!res.headersSent) setHeaders(res, headers);
      answerError(res, error, (unexpected) =>
        deps.log.error({ err: unexpected, requestId }, 'unexpected error'),
      );
      logRefused(deps.log, req, res.statusCode, requestId, deps.clientAddress(req));
    });
  };
}
