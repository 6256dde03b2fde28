import type { QuotesAnswer } from '@tickwire/protocol';
import { LRUCache } from 'lru-cache';
import { coldRead } from './cold-read.js';
import type { AppDeps } from './deps.js';
import type { HotRoute } from './hot-routes.js';
import { requestedSymbols } from './query.js';

/** An answer is encoded again after this long even without news, ms: `t` stays near now. */
const REENCODE_AFTER_MS = 1_000;
/**
 * Answers remembered, by count and by bytes: a client making up symbol sets (or spellings)
 * pushes out the least recently read, never more.
 */
const MAX_ANSWERS = 1_000;
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

interface Answer {
  body: Buffer;
  count: number;
}

/**
 * `GET /v1/quotes`: the latest quote of each symbol asked for, from the cache. Each symbol
 * set's answer is encoded once and served as the same bytes until the store has news (a
 * poll, a status or staleness change) or a second has passed: a flat-out reader costs a
 * lookup and a write, not a JSON encoding.
 */
export function quotesRoute(deps: AppDeps): HotRoute {
  const { config, store, catalog, metrics } = deps;
  // Keyed by the query as written: a repeated request is not even parsed again.
  const answers = new LRUCache<string, Answer>({
    max: MAX_ANSWERS,
    maxSize: MAX_ANSWER_BYTES,
    sizeCalculation: (answer) => answer.body.length,
    ttl: REENCODE_AFTER_MS,
    // The clock of the answers' own `t`.
    perf: { now: () => Date.now() },
  });
  let news = 0;
  // News makes every answer old: they are dropped at once, not kept until pushed out.
  store.subscribe(() => {
    news++;
    answers.clear();
  });
  const served = metrics.quotesServed.labels({ from: 'cache' });
  return async (req, res, query, headers) => {
    const asked = query.getAll('symbols');
    // After JSON, two spellings cannot meet: `symbols=BTC&symbols=SOL` is not `symbols=BTC%26SOL`.
    const key = JSON.stringify(asked);
    let answer = answers.get(key);
    if (!answer) {
      const readFrom = news;
      const symbols = requestedSymbols(
        asked,
        config.SYMBOLS,
        config.MAX_SYMBOLS_PER_REQUEST,
        catalog.markets,
      );
      // Re-encoded at least every second while read: a reader keeps its symbols watched.
      const notes = await coldRead(deps, symbols, deps.clientAddress(req));
      const quotes = await store.latest(symbols);
      const body: QuotesAnswer = {
        t: Date.now(),
        quotes,
        unknown: symbols.filter((symbol) => !catalog.lists(symbol)),
        ...notes,
      };
      answer = { body: Buffer.from(JSON.stringify(body)), count: Object.keys(quotes).length };
      // An answer that news overtook while it was read is served once, not remembered.
      if (readFrom === news) answers.set(key, answer);
    }
    served.inc(answer.count);
    headers['Cache-Control'] = 'no-store';
    headers['Content-Type'] = 'application/json; charset=utf-8';
    headers['Content-Length'] = String(answer.body.length);
    res.writeHead(200, headers);
    res.end(answer.body);
  };
}
