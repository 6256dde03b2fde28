import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

/** A client error the relay answers with a status and `{"error": {"code", "message"}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendError(res: Response, error: HttpError): void {
  res
    .status(error.status)
    .set(error.headers)
    .json({ error: { code: error.code, message: error.message } });
}

export const notFound: RequestHandler = (req, res) => {
  sendError(res, new HttpError(404, 'not_found', `No route for ${req.method} ${req.path}.`));
};

/**
 * The last handler: known errors become their JSON answer; anything else is logged and
 * answered 500 without a stack trace. Body-parser errors carry their own 4xx status.
 */
export function errorHandler(
  onUnexpected: (error: unknown, requestId: string | undefined) => void,
): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (error instanceof HttpError) return sendError(res, error);
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendError(res, new HttpError(status, 'bad_request', 'The request could not be read.'));
    }
    onUnexpected(error, res.locals.requestId as string | undefined);
    sendError(
      res,
      new HttpError(500, 'internal', 'The relay could not answer; it is still running.'),
    );
  };
}
