/**
 * Encodes one Server-Sent Event. `JSON.stringify` escapes line breaks, so the data is
 * always a single `data:` line.
 */
export function encodeEvent(event: string, data: unknown, id?: string): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: ignored by clients, but it keeps proxies from closing an idle stream. */
export const HEARTBEAT_FRAME = ': heartbeat\n\n';

/** Tells clients how long to wait before reconnecting by themselves, ms. */
export const retryFrame = (ms: number) => `retry: ${ms}\n\n`;
