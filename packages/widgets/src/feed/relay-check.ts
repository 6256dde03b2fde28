import type { RelayProblem } from './feed-view.js';

/**
 * Why a relay URL whose stream was refused is no relay, if it is none: an EventSource hides
 * the status, so it is asked once more. A relay answers 2xx, 408, 429 or 5xx (full,
 * restarting: worth retrying); anything else — a CDN folder's 404, a page's 403 — means the
 * URL is not a relay, said with the fix. A network failure tells nothing and says nothing.
 * Loaded only when a stream is refused: a page whose relay works never carries it.
 */
export async function notARelay(stream: URL, relayUrl: string): Promise<RelayProblem | undefined> {
  try {
    const { status } = await fetch(stream, { method: 'HEAD' });
    if (status < 400 || status === 408 || status === 429 || status >= 500) return undefined;
    return { message: 'notARelay', relay: relayUrl, status };
  } catch {
    return undefined;
  }
}
