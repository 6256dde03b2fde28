import type { QuotesAnswer } from '@tickwire/protocol';
import type { AppDeps } from './deps.js';
import type { HotRoute } from './hot-routes.js';
import { parseSymbols } from './query.js';
import { sendJson } from './send-json.js';

/** `GET /v1/quotes`: the latest quote of each symbol asked for, from the cache. */
export function quotesRoute({ config, store, catalog, metrics }: AppDeps): HotRoute {
  return async (_req, res, query) => {
    const symbols = parseSymbols(
      query.getAll('symbols'),
      config.SYMBOLS,
      config.MAX_SYMBOLS_PER_REQUEST,
    );
    const quotes = await store.latest(symbols);
    metrics.quotesServed.inc({ from: 'cache' }, Object.keys(quotes).length);
    sendJson(
      res,
      200,
      {
        t: Date.now(),
        quotes,
        unknown: symbols.filter((symbol) => !catalog.lists(symbol)),
      } satisfies QuotesAnswer,
      { 'Cache-Control': 'no-store' },
    );
  };
}
