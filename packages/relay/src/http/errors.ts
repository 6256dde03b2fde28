import type { ServerResponse } from 'node:http';
import type { ErrorAnswer } from '@tickwire/protocol';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { sendJson } from './send-json.js';

/** A client error the relay answers with a status and `{"error": {"code", "message"}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** What a client may say in its own words instead of `message` (`ErrorAnswer`). */
    readonly details: Omit<ErrorAnswer['error'], 'code' | 'message'> = {},
  ) {
    super(message);
  }
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(
    res,
    error.status,
    { error: { code: error.code, message: error.message, ...error.details } } satisfies ErrorAnswer,
    error.headers,
  );
}

export const notFound: RequestHandler = (req, res) => {
  sendError(res, new HttpError(404, 'not_found', `No route for ${req.method} ${req.path}.`));
};

/**
 * Answers a failed request: a known error with its JSON answer, a body-parser error with its
 * own 4xx status, anything else with a 500 without a stack trace, after `onUnexpected` logs it.
 */
export function answerError(
  res: ServerResponse,
  error: unknown,
  onUnexpected: (error: unknown) => void,
): void {
  if (res.headersSent) res.end();
  else if (error instanceof HttpError) sendError(res, error);
  else if (isClientError(error)) {
    sendError(res, new HttpError(error.status, 'bad_request', 'The request could not be read.'));
  } else {
    onUnexpected(error);
    sendError(
      res,
      new HttpError(500, 'internal', 'The relay could not answer; it is still running.'),
    );
  }
}

/** Body-parser errors (a malformed admin request) carry their own 4xx status. */
const isClientError = (error: unknown): error is { status: number } => {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
};

/** The Express app's last handler. */
export function errorHandler(
  onUnexpected: (error: unknown, requestId: string | undefined) => void,
): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    answerError(res, error, (unexpected) => onUnexpected(unexpected, res.locals.requestId));
  };
}
