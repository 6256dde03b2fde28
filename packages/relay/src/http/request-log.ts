import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ClientAddress } from './client-address.js';

/** Probes whose refusals are answers, not failures. */
const HEALTH_PATHS = new Set(['/healthz', '/readyz']);

/**
 * Logs a request that did not go well, with its id. Successful requests are not logged one by
 * one: at thousands a second that would cost more than the answers (see `npm run bench`).
 * A 5xx is an error, except a health probe's: a load balancer asks `/readyz` every few
 * seconds, and while the relay is not ready its 503 is the answer asked for, at debug level;
 * `/readyz` and `/v1/sources` say why.
 */
export function logRefused(
  log: Logger,
  req: IncomingMessage,
  status: number,
  requestId: string | undefined,
  address: string,
): void {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const level = HEALTH_PATHS.has(path) ? 'debug' : status >= 500 ? 'error' : 'info';
  log[level]({ requestId, address, method: req.method, path, status }, 'request refused');
}

/** For the Express routes: logs every answer of 400 or more once it is sent. */
export function requestLog(log: Logger, clientAddress: ClientAddress): RequestHandler {
  return (req, res, next) => {
    res.once('finish', () => {
      if (res.statusCode >= 400)
        logRefused(log, req, res.statusCode, res.locals.requestId, clientAddress(req));
    });
    next();
  };
}
