import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** A request id from a proxy is kept when it looks like one; anything else gets a fresh one. */
const REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * Gives every request an id (the `X-Request-Id` answer header, `res.locals.requestId`) and
 * logs the ones that did not go well, with it. Successful requests are not logged one by
 * one: at thousands a second that would cost more than the answers (see `npm run bench`).
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.once('finish', () => {
      if (res.statusCode < 400) return;
      log[res.statusCode >= 500 ? 'error' : 'info'](
        { requestId, method: req.method, path: req.path, status: res.statusCode },
        'request refused',
      );
    });
    next();
  };
}
