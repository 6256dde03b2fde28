import type { Logger } from 'pino';
import type { AssetFactsService } from '../assets/facts-service.js';
import type { LogoService } from '../assets/logo-service.js';
import type { CandleService } from '../candles/candle-service.js';
import type { RelayConfig } from '../config.js';
import type { Hub } from '../hub/hub.js';
import type { RelayMetrics } from '../metrics.js';
import type { SourceCatalog } from '../sources/catalog.js';
import type { PriceStore } from '../store/price-store.js';
import type { StoreWrites } from '../store/store-writes.js';
import type { WatchList } from '../watch-list.js';
import type { PollingControls } from './admin-routes.js';
import type { ClientAddress } from './client-address.js';

/** Everything the HTTP layer needs, built by the caller: the app owns none of it. */
export interface AppDeps {
  config: Pick<
    RelayConfig,
    | 'SYMBOLS'
    | 'CURRENCIES'
    | 'MAX_HISTORY'
    | 'CORS_ORIGINS'
    | 'MAX_CLIENTS'
    | 'MAX_CLIENTS_PER_IP'
    | 'MAX_SYMBOLS_PER_REQUEST'
    | 'ADMIN_TOKEN'
    | 'TRUST_PROXY'
  >;
  store: PriceStore;
  /** Whether the store takes writes: `/readyz` says when it does not. */
  storeWrites?: Pick<StoreWrites, 'current'>;
  hub: Hub;
  catalog: SourceCatalog;
  candles: CandleService;
  /** `/v1/assets`: facts of assets, fetched and shared. */
  assetFacts: Pick<AssetFactsService, 'assets' | 'top'>;
  /** `/v1/logos/:asset`: logos checked and served from the relay's own origin. */
  logos: Pick<LogoService, 'logo'>;
  metrics: RelayMetrics;
  log: Logger;
  /** Who sent a request: the peer, or the client trusted proxies name (`TRUST_PROXY`). */
  clientAddress: ClientAddress;
  /** What the relay polls: REST reads of a symbol nobody watches start it. */
  watchList: WatchList;
  /** The poller's pace, for the admin routes. */
  polling: PollingControls;
  /** Folder of the built widget bundle; absent = `/widgets.js` answers 503. */
  widgetsDir?: string;
  /** `retry:` sent to stream clients, ms. */
  retryMs: number;
}
