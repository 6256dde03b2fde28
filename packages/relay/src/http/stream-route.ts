import type { StreamRequest } from '../hub/stream-client.js';
import type { SourceCatalog } from '../sources/catalog.js';
import { isRefused } from '../sources/markets.js';
import type { AppDeps } from './deps.js';
import { HttpError } from './errors.js';
import type { HotRoute } from './hot-routes.js';
import { parseLastEventId, requestedSymbols } from './query.js';
import { EVENT_STREAM_HEADERS, openEventStream } from './sse.js';

/**
 * `GET /v1/stream`: every check happens before the stream opens, so a bad request gets
 * a JSON error, never a broken stream.
 */
export function streamRoute({
  config,
  hub,
  catalog,
  log,
  retryMs,
  clientAddress,
}: AppDeps): HotRoute {
  const clientsPerAddress = new Map<string, number>();
  return async (req, res, query, headers) => {
    const requested = requestedSymbols(
      query.getAll('symbols'),
      config.SYMBOLS,
      config.MAX_SYMBOLS_PER_REQUEST,
    );
    const lastEventId = parseLastEventId(req.headers['last-event-id'], query.get('lastEventId'));
    if (hub.clientCount >= config.MAX_CLIENTS) {
      throw new HttpError(
        503,
        'relay_full',
        'The relay serves as many streams as it can; try again soon.',
        {
          'Retry-After': '5',
        },
      );
    }
    const address = clientAddress(req);
    const fromAddress = clientsPerAddress.get(address) ?? 0;
    if (fromAddress >= config.MAX_CLIENTS_PER_IP) {
      throw new HttpError(
        429,
        'too_many_streams',
        'Too many open streams from your address; close one first.',
        {
          'Retry-After': '10',
        },
      );
    }
    // HEAD asks whether a stream would open: after the same checks as GET (a monitor must
    // not hear 200 from a full relay), the headers say so, and no stream is held.
    if (req.method === 'HEAD') {
      res.writeHead(200, Object.assign(headers, EVENT_STREAM_HEADERS)).end();
      return;
    }
    clientsPerAddress.set(address, fromAddress + 1);

    const stream = openEventStream(req, res, headers, retryMs);
    // Listen before the first await: a client can leave while its snapshot is read. What
    // this handler keeps, it keeps for the stream's life: a few names, no request data.
    res.on('close', () => {
      hub.disconnect(stream);
      const left = (clientsPerAddress.get(address) ?? 1) - 1;
      if (left > 0) clientsPerAddress.set(address, left);
      else clientsPerAddress.delete(address);
      log.debug({ address }, 'stream closed');
    });
    await hub.connect(stream, { ...sortOut(requested, catalog), lastEventId, address });
  };
}

/**
 * One stream serves every element of a page: a symbol in a currency or from a source the
 * relay lacks is reported with the reason (for its element to show), not refused for the
 * whole page as the JSON routes refuse it.
 */
function sortOut(
  requested: string[],
  catalog: SourceCatalog,
): Omit<StreamRequest, 'lastEventId' | 'address'> {
  const symbols = requested.filter((symbol) => catalog.lists(symbol));
  const unknown = requested.filter((symbol) => !symbols.includes(symbol));
  const refused = unknown.flatMap((symbol) => {
    const route = catalog.route(symbol);
    return isRefused(route) ? [[symbol, route] as const] : [];
  });
  return {
    symbols,
    unknown,
    ...(refused.length > 0 && { refused: Object.fromEntries(refused) }),
  };
}
