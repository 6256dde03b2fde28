import type { Refusal } from '@tickwire/protocol';
import type { PriceStore } from '../store/price-store.js';
import type { AppDeps } from './deps.js';

/** The longest a REST read waits for a symbol's first price, ms, however slow the polling. */
const MAX_WAIT_MS = 15_000;

/** What a REST read learns of the symbols it names, beyond their data. */
export interface ReadOutcome {
  /** Listed symbols whose first price has not come yet: asked again shortly, they will have it. */
  pending?: string[];
  /** Listed symbols the relay cannot watch now, with why. */
  refused?: Record<string, Refusal>;
}

/**
 * A REST read of `symbols` (`/v1/quotes`, `/v1/history`) by the reader at `address`: every listed symbol is
 * watched for the watch grace from now (a read keeps a symbol polled as a stream does), and
 * one nobody watched before is waited for — up to one poll interval and two seconds — so a
 * script's first read gets the price, not an empty answer. The protocol README says so.
 */
export async function coldRead(
  {
    store,
    catalog,
    watchList,
    polling,
  }: Pick<AppDeps, 'store' | 'catalog' | 'watchList' | 'polling'>,
  symbols: readonly string[],
  address: string,
): Promise<ReadOutcome> {
  const listed = symbols.filter((symbol) => catalog.lists(symbol));
  const refused = watchList.read(listed, address);
  const awaited = listed.filter((symbol) => !Object.hasOwn(refused, symbol));
  let missing = await missingQuotes(store, awaited);
  if (missing.length > 0) {
    await untilQuoted(store, missing, Math.min(polling.intervalMs + 2_000, MAX_WAIT_MS));
    missing = await missingQuotes(store, missing);
  }
  return {
    ...(missing.length > 0 && { pending: missing }),
    ...(Object.keys(refused).length > 0 && { refused }),
  };
}

async function missingQuotes(store: PriceStore, symbols: readonly string[]): Promise<string[]> {
  if (symbols.length === 0) return [];
  const quotes = await store.latest(symbols);
  return symbols.filter((symbol) => !quotes[symbol]);
}

/** Resolves once the store has had a quote of each of `symbols`, or after `timeoutMs`. */
function untilQuoted(store: PriceStore, symbols: readonly string[], timeoutMs: number) {
  return new Promise<void>((resolve) => {
    const waiting = new Set(symbols);
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const unsubscribe = store.subscribe((event) => {
      if (event.type !== 'quotes') return;
      for (const symbol of Object.keys(event.event.quotes)) waiting.delete(symbol);
      if (waiting.size === 0) done();
    });
  });
}
