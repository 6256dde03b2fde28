/**
 * A failed upstream call, told in one line a reader may see ("HTTP 503", "timeout"), with
 * how long the upstream asked us to stay away, if it did (Retry-After, a ban).
 */
export class SourceError extends Error {
  override name = 'SourceError';

  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
