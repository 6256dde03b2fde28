/**
 * Event ids are `<ms>-<seq>`, the shape of Redis stream ids: a time and a counter. The
 * in-memory store uses its start time and a counter, so ids of an earlier run never match.
 */
const EVENT_ID = /^(\d{1,15})-(\d{1,15})$/;

export function isEventId(id: string): boolean {
  return EVENT_ID.test(id);
}

/** Negative when `a` comes before `b`, positive after, 0 when equal. Malformed ids sort first. */
export function compareEventIds(a: string, b: string): number {
  const [, aMs = '-1', aSeq = '-1'] = a.match(EVENT_ID) ?? [];
  const [, bMs = '-1', bSeq = '-1'] = b.match(EVENT_ID) ?? [];
  return Number(aMs) - Number(bMs) || Number(aSeq) - Number(bSeq);
}
