import type { HistoryAnswer, SourcesAnswer, SymbolsAnswer } from '@tickwire/protocol';
import { Router } from 'express';
import { coldRead } from './cold-read.js';
import type { AppDeps } from './deps.js';
import { parseInteger, requestedSymbols } from './query.js';
import { readiness } from './readiness.js';

/** The JSON API besides quotes (a hot route): history, symbols, sources; health, readiness and metrics. */
export function apiRoutes(deps: AppDeps): Router {
  const { config, store, catalog, metrics } = deps;
  const router = Router();
  const noStore = { 'Cache-Control': 'no-store' };

  router.get('/v1/history', async (req, res) => {
    const symbols = requestedSymbols(
      req.query.symbols,
      config.SYMBOLS,
      config.MAX_SYMBOLS_PER_REQUEST,
      catalog.markets,
    );
    const limit = parseInteger(req.query.limit, 'limit', 1, config.MAX_HISTORY, config.MAX_HISTORY);
    const notes = await coldRead(deps, symbols, deps.clientAddress(req));
    res
      .set(noStore)
      .json({ history: await store.history(symbols, limit), ...notes } satisfies HistoryAnswer);
  });

  router.get('/v1/symbols', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=60').json({
      currency: config.CURRENCIES[0]!,
      currencies: config.CURRENCIES,
      symbols: catalog.all(),
      defaults: config.SYMBOLS,
    } satisfies SymbolsAnswer);
  });

  router.get('/v1/sources', async (_req, res) => {
    const { sources, stale } = await store.status();
    // A store that refuses writes leaves every poll unpublished: as much news as a source down.
    const failure = deps.storeWrites?.current();
    const answer: SourcesAnswer = { sources, stale };
    if (failure) answer.storeUnwritable = { error: failure.error, sinceTs: failure.sinceMs };
    res.set(noStore).json(answer);
  });

  router.get('/healthz', (_req, res) => {
    res.set(noStore).json({ ok: true });
  });

  router.get('/readyz', async (_req, res) => {
    const answer = await readiness(deps);
    res
      .status(answer.ready ? 200 : 503)
      .set(noStore)
      .json(answer);
  });

  router.get('/metrics', async (_req, res) => {
    res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  return router;
}
