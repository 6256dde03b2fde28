import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ClientAddress } from './client-address.js';

/**
 * Logs a request that did not go well, with its id. Successful requests are not logged one by
 * one: at thousands a second that would cost more than the answers (see `npm run bench`).
 */
export function logRefused(
  log: Logger,
  req: IncomingMessage,
  status: number,
  requestId: string | undefined,
  address: string,
): void {
  const path = (req.url ?? '').split('?')[0];
  log[status >= 500 ? 'error' : 'info'](
    { requestId, address, method: req.method, path, status },
    'request refused',
  );
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
