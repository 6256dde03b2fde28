import type { StreamMessage } from './protocol.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields each event must have before the view will fold it. */
const HAS_SHAPE: Record<string, (data: Record<string, unknown>) => boolean> = {
  snapshot: (data) =>
    isObject(data.quotes) &&
    isObject(data.history) &&
    Array.isArray(data.unknown) &&
    Array.isArray(data.sources) &&
    typeof data.interval === 'number',
  quotes: (data) => isObject(data.quotes) && typeof data.t === 'number',
  status: (data) => Array.isArray(data.sources) && Array.isArray(data.stale),
};

/**
 * Parses one event's data. Anything that is not the shape the relay sends (a proxy's error
 * page, a truncated line) is dropped rather than allowed to break the page.
 */
export function parseMessage(type: string, text: string): StreamMessage | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const hasShape = HAS_SHAPE[type];
  if (!hasShape || !isObject(data) || !hasShape(data)) return undefined;
  return { type, data } as unknown as StreamMessage;
}
