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

/** Reads a Retry-After header: seconds, or an HTTP date. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
