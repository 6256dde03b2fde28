import { MINUTE_MS } from './time.js';

/**
 * The longest wait a peer's `Retry-After` may impose, relay and page alike: its word is trusted
 * only up to this. One `Retry-After: 999999` would otherwise stop a client for 11 days. (A
 * module of its own, apart from `backoffMs`: only the code that reads headers needs it.)
 */
export const MAX_RETRY_AFTER_MS = 10 * MINUTE_MS;

/** A `Retry-After` header's wait, ms — seconds, or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
