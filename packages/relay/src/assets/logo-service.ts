import { HOUR_MS, MINUTE_MS } from '@tickwire/protocol';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { RelayMetrics } from '../metrics.js';
import { assetName } from '../sources/asset-names.js';
import { SourceError } from '../sources/source-error.js';
import { upstreamBytes } from '../sources/upstream-fetch.js';
import type { AssetIdentity } from './facts-service.js';
import { checkLogo, MAX_LOGO_BYTES } from './image-check.js';
import { monogramSvg } from './monogram.js';

/** A logo as served: its bytes, type, and how long browsers and CDNs may keep it. */
export interface Logo {
  body: Buffer;
  type: string;
  maxAgeSeconds: number;
}

/** Bytes of logos a relay holds at most: 8 MiB, a few hundred upstream images and monograms. */
export const MAX_LOGO_CACHE_BYTES = 8 * 1024 * 1024;

/** An image fetched (or refused) is not fetched again for this long. */
const LOGO_TTL_MS = 24 * HOUR_MS;

/** An upstream that failed (down, slow) is asked again after this; meanwhile a monogram. */
const FAILED_TTL_MS = 5 * MINUTE_MS;

/**
 * Image calls under way at once: a page of 250 rows asks for 250 logos together, and the
 * image host should see a few calls at a time from one relay, not a burst.
 */
const MAX_FETCHES_AT_ONCE = 6;

/** Browsers keep a logo a day; a stand-in whose real logo may come soon, five minutes. */
const LONG_MAX_AGE_S = 86_400;
const PROVISIONAL_MAX_AGE_S = 300;

export interface LogoServiceOptions {
  /** What facts say of an asset: its name and upstream image (`AssetFactsService.identity`). */
  identity: (asset: string) => AssetIdentity | undefined;
  /** Deadline of an image's call, headers and body, ms. */
  timeoutMs: number;
  metrics: Pick<RelayMetrics, 'logos'>;
  log: Logger;
  /** Bytes all held logos may have together. */
  maxCacheBytes?: number;
}

/**
 * `/v1/logos/:asset`: every logo from the relay's own origin, so a page's CSP names only the
 * relay and no reader is seen by a third party. An upstream image (CoinGecko's) is fetched
 * once per asset and image address for everybody, checked (`checkLogo`) and held in a cache
 * bounded in bytes and age; whatever fails the check, an asset without an image, and an
 * unknown asset get a monogram instead — never the upstream's bytes unchecked.
 */
export class LogoService {
  private readonly cache: LRUCache<string, Logo>;
  private readonly inFlight = new Map<string, Promise<Logo>>();
  private readonly closing = new AbortController();
  private fetching = 0;
  /** Fetches waiting for a turn, each resolved when one under way ends. */
  private readonly queue: (() => void)[] = [];

  constructor(private readonly options: LogoServiceOptions) {
    this.cache = new LRUCache<string, Logo>({
      maxSize: options.maxCacheBytes ?? MAX_LOGO_CACHE_BYTES,
      sizeCalculation: (logo) => Math.max(1, logo.body.byteLength),
      ttl: LOGO_TTL_MS,
    });
  }

  async logo(asset: string): Promise<Logo> {
    const identity = this.options.identity(asset);
    // No facts read yet, or none with an image: the monogram is made on each request (it
    // costs less than a cache entry), briefly cacheable while facts may still bring an image.
    if (!identity) return monogram(asset, assetName(asset), PROVISIONAL_MAX_AGE_S);
    const { imageUrl, name } = identity;
    if (!imageUrl) return monogram(asset, name, LONG_MAX_AGE_S);
    // Keyed by address too: a new image upstream (CoinGecko versions its URLs) is fetched anew.
    const key = `${asset} ${imageUrl}`;
    const held = this.cache.get(key);
    if (held) return held;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.fetch(asset, name, imageUrl, key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** Abandons the image calls under way. */
  close(): void {
    this.closing.abort(new SourceError('relay closing'));
  }

  private async fetch(asset: string, name: string, url: string, key: string): Promise<Logo> {
    if (this.fetching < MAX_FETCHES_AT_ONCE) this.fetching++;
    // A turn is handed on by the fetch that ends, without the count going down between.
    else await new Promise<void>((resolve) => this.queue.push(resolve));
    try {
      return await this.fetchNow(asset, name, url, key);
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.fetching--;
    }
  }

  private async fetchNow(asset: string, name: string, url: string, key: string): Promise<Logo> {
    const { log, timeoutMs, metrics } = this.options;
    try {
      const answer = await upstreamBytes(
        url,
        { headers: { Accept: 'image/png, image/jpeg, image/webp' } },
        { deadlineMs: timeoutMs, maxBodyBytes: MAX_LOGO_BYTES, signal: this.closing.signal },
      );
      if (answer.status < 200 || answer.status >= 300)
        throw new SourceError(`refused (HTTP ${answer.status})`);
      const checked = checkLogo(answer.body, answer.headers.get('content-type'));
      if (checked.startsWith('image/')) {
        const logo = {
          body: Buffer.from(answer.body),
          type: checked,
          maxAgeSeconds: LONG_MAX_AGE_S,
        };
        this.cache.set(key, logo);
        metrics.logos.inc({ outcome: 'served' });
        return logo;
      }
      // Refused for what it is: fetched once, the monogram stands in until the next day.
      log.warn({ asset, url, reason: checked }, 'logo refused; a monogram instead');
      metrics.logos.inc({ outcome: 'refused' });
      const stand = monogram(asset, name, LONG_MAX_AGE_S);
      this.cache.set(key, stand);
      return stand;
    } catch (error) {
      // Too large, down or slow: a monogram now, the image asked again in a few minutes.
      log.warn({ asset, url, err: error }, 'logo not fetched; a monogram instead');
      metrics.logos.inc({ outcome: 'failed' });
      const stand = monogram(asset, name, PROVISIONAL_MAX_AGE_S);
      this.cache.set(key, stand, { ttl: FAILED_TTL_MS });
      return stand;
    }
  }
}

function monogram(asset: string, name: string, maxAgeSeconds: number): Logo {
  return { body: Buffer.from(monogramSvg(asset, name)), type: 'image/svg+xml', maxAgeSeconds };
}
