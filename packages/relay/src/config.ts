import { ASSET_PATTERN, splitSymbols } from '@tickwire/protocol';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';
import { isRefused, Markets } from './sources/markets.js';
import { redisTarget } from './store/redis-target.js';

/**
 * Every setting of the relay, read from the environment. Each key carries its default and
 * its documentation here, beside its parser; docs/operating.md's table is generated from this list
 * (`npm run config-table`) and a test keeps the two in step.
 */

const POLL_INTERVAL_NAMES: Record<string, number> = {
  ultra_fast: 1,
  fast: 5,
  normal: 10,
  slow: 30,
};

/** A source id as `SOURCES` takes it; an exchange may add `:stream` (its WebSocket, through ccxt pro). */
const SOURCE_ID = /^(demo|coingecko|(binance|ccxt:[a-z0-9_]+)(:stream)?)$/;
/** The suffix of a source that streams: `binance:stream`, `ccxt:kraken:stream`. */
const STREAM_SUFFIX = ':stream';

const commaList = (raw: string) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `expected a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`));

/** A symbol list read by the protocol's rule (`splitSymbols`), the one clients and requests follow. */
const symbolList = z
  .string()
  .transform(splitSymbols)
  .transform(({ symbols, malformed }, ctx) => {
    if (malformed.length === 0) return symbols;
    ctx.issues.push({
      code: 'custom',
      input: malformed,
      message: `${malformed[0]} is not a symbol: symbols are 1–15 letters or digits like BTC, or pairs like BTC/EUR, comma-separated`,
    });
    return z.NEVER;
  })
  .pipe(z.array(z.string()).min(1, 'expected at least one symbol'));

/** A currency code by the protocol's rule for assets (`ASSET_PATTERN`): `USD`, `USDT`, `1000SATS`. */
const currencyCode = z
  .string()
  .trim()
  .transform((raw) => raw.toUpperCase())
  .pipe(
    z.string().regex(ASSET_PATTERN, 'expected a currency code such as USD: 1–15 letters or digits'),
  );

const isUrl = (value: string) => URL.canParse(value);

/** True when proxy-addr (Express's `trust proxy`) takes every entry of `trusted`. */
const compiles = (trusted: string[]) => {
  try {
    proxyaddr.compile(trusted);
    return true;
  } catch {
    return false;
  }
};

/** `host:port`: a name or IPv4 address, or an IPv6 address in brackets, and a port. */
const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

const isHostPort = (entry: string) => {
  const port = Number(HOST_PORT.exec(entry)?.[2]);
  return port >= 1 && port <= 65535;
};

const hostPortList = z
  .string()
  .transform(commaList)
  .pipe(
    z
      .array(z.string().refine(isHostPort, 'expected host:port entries, comma-separated'))
      .min(1, 'expected at least one host:port'),
  );

/** `redis+sentinel://[user:password@]host:port[,host:port…][/name[/db]]` */
const isSentinelUrl = (url: string) => {
  const match = /^redis\+sentinel:\/\/(?:[^@/]*@)?([^/]+)(\/[^/]*(\/\d+)?)?$/.exec(url);
  return match !== null && commaList(match[1]!).every(isHostPort);
};

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value));

interface KeySpec<T> {
  /** Default as the environment would spell it; `undefined` = unset. */
  defaultValue: string | undefined;
  /** One sentence for the configuration table (docs/operating.md). */
  doc: string;
  schema: z.ZodType<T, string>;
}

const key = <T>(spec: KeySpec<T>) => spec;

/** The configuration keys, in the order docs/operating.md lists them. */
export const CONFIG_KEYS = {
  PORT: key({ defaultValue: '8080', doc: 'TCP port to listen on.', schema: integer(0, 65535) }),
  HOST: key({
    defaultValue: '127.0.0.1',
    doc: 'Address to listen on; `0.0.0.0` to serve other machines.',
    schema: z.string().trim().min(1, 'expected a host name or address'),
  }),
  SOURCES: key({
    defaultValue: 'demo',
    doc: 'Price sources in order of preference, comma-separated: `binance`, `coingecko`, `ccxt:<exchange>` (any ccxt exchange), or `demo` alone (the simulated market). An exchange with `:stream` (`binance:stream`, `ccxt:kraken:stream`) streams its prices over its WebSocket (ccxt pro), REST polling as the fallback.',
    schema: z
      .string()
      .transform((raw) => [...new Set(commaList(raw).map((id) => id.toLowerCase()))])
      .pipe(
        z
          .array(
            z
              .string()
              .regex(
                SOURCE_ID,
                'sources are binance, coingecko, ccxt:<exchange> or demo; binance and ccxt:<exchange> may add :stream',
              ),
          )
          .min(1, 'expected at least one source')
          .refine((ids) => !ids.includes('demo') || ids.length === 1, {
            // Simulated prices must never stand in silently for real ones.
            message: 'demo is the simulated market and cannot be mixed with real sources',
          }),
      ),
  }),
  SYMBOLS: key({
    defaultValue: 'BTC,ETH,SOL,ADA,DOT',
    doc: 'Symbols polled always and streamed when a client names none: `BTC` (in the default currency), `BTC/EUR`, `BTC/EUR@kraken` (from one source).',
    schema: symbolList,
  }),
  POLL_INTERVAL: key({
    defaultValue: '5',
    doc: 'Seconds between polls, 1–30, or `ultra_fast`, `fast`, `normal`, `slow` (1, 5, 10, 30).',
    schema: z
      .string()
      .trim()
      .transform((raw) => POLL_INTERVAL_NAMES[raw] ?? raw)
      .pipe(z.coerce.number({ error: 'expected 1–30 seconds or ultra_fast|fast|normal|slow' }))
      .pipe(
        z
          .number()
          .int('expected whole seconds')
          .min(1, 'expected at least 1 second')
          .max(30, 'expected at most 30 seconds'),
      )
      .transform((seconds) => seconds * 1000),
  }),
  PRICE_TTL: key({
    defaultValue: '60',
    doc: 'Seconds after which a price is shown as stale.',
    schema: integer(1, 86_400).transform((seconds) => seconds * 1000),
  }),
  WATCH_GRACE: key({
    defaultValue: '60',
    doc: 'Seconds a symbol stays polled after its last reader (a stream closed, a REST read) before the relay forgets it: no more polls, its price and history dropped.',
    schema: integer(1, 86_400).transform((seconds) => seconds * 1000),
  }),
  MAX_EVENTS_PER_SECOND: key({
    defaultValue: '4',
    doc: 'Times a second at most that a streaming source’s prices are published to readers, each symbol’s latest value (an exchange sends several a second); polled prices come once an interval.',
    schema: integer(1, 100),
  }),
  MAX_WATCHED_SYMBOLS: key({
    defaultValue: '500',
    doc: 'Symbols readers may have the relay poll at once, beyond `SYMBOLS`, one client address adding at most a quarter of them; a symbol past either is answered as refused, with the reason.',
    schema: integer(1, 100_000),
  }),
  MAX_HISTORY: key({
    defaultValue: '100',
    doc: 'Price points kept per symbol for charts. Beyond them a symbol keeps every update of the tick chart’s last 5 minutes, up to `MAX_EVENTS_PER_SECOND` × 300 (1,200): a streamed symbol’s snapshot fills the tick chart again after a reconnect.',
    schema: integer(1, 10_000),
  }),
  CURRENCIES: key({
    defaultValue: 'USD,EUR,BTC',
    doc: 'Quote currencies served, comma-separated: fiat (`USD`, `EUR`, `GBP`) or assets (`BTC`, `USDT`). The first is the default, the currency of a symbol that names none.',
    schema: z
      .string()
      .transform((raw) => [...new Set(commaList(raw))])
      .pipe(z.array(currencyCode).min(1, 'expected at least one currency')),
  }),
  REDIS_URL: key({
    defaultValue: undefined,
    doc: 'Redis to share quotes, history and the event log between relays; unset = in memory. `redis+sentinel://[:password@]host:port,host:port/<name>` reaches the primary through Sentinel.',
    schema: optionalText.pipe(
      z
        .string()
        .regex(
          /^(rediss?|redis\+sentinel):\/\//,
          'expected a redis://, rediss:// or redis+sentinel:// URL',
        )
        .refine(
          (url) => (url.startsWith('redis+sentinel:') ? isSentinelUrl(url) : isUrl(url)),
          'expected a redis:// URL with a valid host and port, or redis+sentinel://host:port,host:port/<name>',
        )
        .optional(),
    ),
  }),
  REDIS_SENTINELS: key({
    defaultValue: undefined,
    doc: 'Redis Sentinels to ask for the primary, `host:port` comma-separated (with `REDIS_SENTINEL_NAME`); relays follow a failover to the promoted replica.',
    schema: optionalText.pipe(hostPortList.optional()),
  }),
  REDIS_SENTINEL_NAME: key({
    defaultValue: undefined,
    doc: 'The primary’s name as the Sentinels know it (`sentinel monitor <name> …`).',
    schema: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected a name of letters, digits, . _ or -')
        .optional(),
    ),
  }),
  REDIS_CLUSTER: key({
    defaultValue: undefined,
    doc: 'Redis Cluster nodes to start from, `host:port` comma-separated (instead of `REDIS_URL`); the relay’s keys share one hash slot.',
    schema: optionalText.pipe(hostPortList.optional()),
  }),
  CORS_ORIGINS: key({
    defaultValue: '*',
    doc: 'Origins allowed to read the API and stream: `*` (the data is public) or a comma-separated list.',
    schema: z
      .string()
      .transform(commaList)
      .pipe(
        z
          .array(
            z
              .string()
              .regex(
                /^(\*|https?:\/\/[^/\s,]+)$/,
                'expected * or origins like https://example.com',
              ),
          )
          .min(1, 'expected * or at least one origin'),
      ),
  }),
  MAX_CLIENTS: key({
    defaultValue: '10000',
    doc: 'Open streams the relay serves at once; more are answered 503.',
    schema: integer(1, 1_000_000),
  }),
  MAX_CLIENTS_PER_IP: key({
    defaultValue: '50',
    doc: 'Open streams per client address; more are answered 429.',
    schema: integer(1, 1_000_000),
  }),
  MAX_CONNECTIONS_PER_IP: key({
    defaultValue: undefined,
    doc: 'Open TCP connections per client address (streams, keep-alive and idle sockets alike); more are closed at once, unanswered. A trusted proxy (`TRUST_PROXY`) is not capped. Unset = 4 × `MAX_CLIENTS_PER_IP` (200): each reader’s stream and a few keep-alive connections.',
    schema: integer(1, 1_000_000),
  }),
  MAX_SYMBOLS_PER_REQUEST: key({
    defaultValue: '50',
    doc: 'Symbols one request may name; more are answered 400.',
    schema: integer(1, 1_000),
  }),
  TRUST_PROXY: key({
    defaultValue: undefined,
    doc: "The reverse proxies in front of the relay, as Express's `trust proxy` takes them: `loopback`, `linklocal`, `uniquelocal`, addresses and CIDRs (`10.0.0.0/8`), comma-separated, or a number of hops. Their `X-Forwarded-For`, `-Proto` and `-Host` name the client for every per-address limit, lock-out and log line, and the scheme and host of the demo page's and the builder's snippets; no one else's are believed. Unset = no proxy: the peer is the client.",
    schema: optionalText.pipe(
      z
        .string()
        .transform((raw): number | string[] => (/^\d+$/.test(raw) ? Number(raw) : commaList(raw)))
        .refine(
          (trusted) => typeof trusted === 'number' || compiles(trusted),
          'expected loopback, linklocal, uniquelocal, addresses or CIDRs (comma-separated), or a number of hops',
        )
        .optional(),
    ),
  }),
  ADMIN_TOKEN: key({
    defaultValue: undefined,
    doc: 'Bearer token for the admin routes; unset = admin routes off.',
    schema: optionalText.pipe(z.string().min(16, 'expected at least 16 characters').optional()),
  }),
  COINGECKO_API_KEY: key({
    defaultValue: undefined,
    doc: "CoinGecko API key (demo or pro plan); unset = CoinGecko's keyless tier.",
    schema: optionalText,
  }),
  ASSET_FACTS_INTERVAL: key({
    defaultValue: '300',
    doc: 'Seconds between fetches of asset facts (`/v1/assets`: rank, market cap, supply, volume, 1 h and 7 d change), 60–86400, for the assets readers asked for lately; from the first source that has facts (CoinGecko, the demo market), one batched call for every relay on a Redis. Without such a source, assets have a name and a monogram only.',
    schema: integer(60, 86_400).transform((seconds) => seconds * 1000),
  }),
  LOG_LEVEL: key({
    defaultValue: 'info',
    doc: 'pino log level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`.',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'expected fatal, error, warn, info, debug, trace or silent',
    }),
  }),
} satisfies Record<string, KeySpec<unknown>>;

type ConfigKeys = typeof CONFIG_KEYS;

/** The relay's settings, parsed: keys as in the environment, values typed. */
export type RelayConfig = { [K in keyof ConfigKeys]: z.output<ConfigKeys[K]['schema']> } & {
  /** Always set once loaded: unset, 4 × `MAX_CLIENTS_PER_IP`. */
  MAX_CONNECTIONS_PER_IP: number;
  /** From `SOURCE_URL_<ID>`: base URL overrides by source id (lower case). */
  sourceUrls: Record<string, string>;
  /** From `SOURCE_WS_URL_<ID>`: WebSocket URL overrides by source id (lower case). */
  sourceWsUrls?: Record<string, string>;
  /** The sources of `SOURCES` named with `:stream` (ids without it); absent = none. */
  streamingSources?: string[];
};

/** A configuration value that cannot be used; `message` is the one line to print. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const SOURCE_URL_PREFIX = 'SOURCE_URL_';
const SOURCE_WS_URL_PREFIX = 'SOURCE_WS_URL_';

/** `SOURCE_WS_URL_<ID>`, documented beside its parser like `SOURCE_URL_<ID>`. */
export const SOURCE_WS_URL_DOC =
  'Replaces the scheme, host and port of streaming source `<ID>`’s WebSocket URLs (`ws://` or `wss://`), keeping their paths, as `SOURCE_URL_<ID>` does for its API.';

/** `SOURCE_URL_<ID>`, the one key with a family of names, documented beside its parser. */
export const SOURCE_URL_DOC =
  'Replaces the scheme, host and port of source `<ID>`’s API URLs, keeping their paths: regional mirrors, proxies, tests.';

/**
 * The bounds a parsed configuration keeps, for one built by hand (`createRelay({ config })`):
 * a zero interval would poll in a busy loop, a negative history would log an error a poll.
 * Times are in milliseconds here, as `loadConfig` returns them; tests poll faster than the
 * environment's one-second minimum, so the floor is lower.
 */
const PARSED_BOUNDS = {
  // Up to an hour: a relay embedded for its REST answers alone, or a test, may poll that rarely.
  POLL_INTERVAL: [10, 3_600_000],
  PRICE_TTL: [10, 86_400_000],
  WATCH_GRACE: [0, 86_400_000],
  MAX_HISTORY: [1, 10_000],
  MAX_WATCHED_SYMBOLS: [1, 100_000],
  MAX_EVENTS_PER_SECOND: [1, 100],
  MAX_CLIENTS: [1, 1_000_000],
  MAX_CLIENTS_PER_IP: [1, 1_000_000],
  MAX_CONNECTIONS_PER_IP: [1, 1_000_000],
  MAX_SYMBOLS_PER_REQUEST: [1, 1_000],
  // Tests refresh facts faster than the environment's one-minute minimum.
  ASSET_FACTS_INTERVAL: [100, 86_400_000],
} as const satisfies Partial<Record<keyof RelayConfig, readonly [number, number]>>;

/** Throws a `ConfigError` naming the first value of `config` out of its bounds. */
export function checkConfig(config: RelayConfig): void {
  for (const [key, [min, max]] of Object.entries(PARSED_BOUNDS)) {
    const value = config[key as keyof typeof PARSED_BOUNDS];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(
        `${key}=${JSON.stringify(value)}: expected a whole number from ${min} to ${max}${key in TIMES_MS ? ' (ms)' : ''}`,
      );
    }
  }
  if (!Array.isArray(config.SYMBOLS) || config.SYMBOLS.length === 0) {
    throw new ConfigError('SYMBOLS: expected at least one symbol');
  }
}

/** The parsed keys that hold milliseconds. */
const TIMES_MS = {
  POLL_INTERVAL: true,
  PRICE_TTL: true,
  WATCH_GRACE: true,
  ASSET_FACTS_INTERVAL: true,
};

/**
 * Settings as a program passes them to `createRelay`: the environment's names and units
 * (seconds), each value as the environment writes it or typed — `POLL_INTERVAL: 5`,
 * `SYMBOLS: ['BTC', 'ETH']` — and `SOURCE_URL_<ID>` (any `SOURCE_…` family key).
 */
export type RelaySettings = {
  [K in keyof ConfigKeys]?: string | number | boolean | readonly string[];
} & { [family: `SOURCE_${string}`]: string | undefined };

/**
 * `settings` as the environment would hold them, for `loadConfig`: one parser and one set of
 * rules for both. A key the relay does not read is a `ConfigError` (with the key it probably
 * meant), not a setting silently ignored.
 */
export function settingsAsEnv(settings: RelaySettings): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(settings)) {
    if (!(name in CONFIG_KEYS) && !name.startsWith('SOURCE_')) {
      const [misspelled] = misspelledKeys({ [name]: '' });
      const hint = misspelled?.likely ? `; did you mean ${misspelled.likely}?` : '';
      throw new ConfigError(`${name}: not a setting of the relay${hint}`);
    }
    if (value === undefined) continue;
    env[name] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return env;
}

/** Parses the environment; throws a `ConfigError` naming the first bad key. */
export function loadConfig(env: Record<string, string | undefined>): RelayConfig {
  const config: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(CONFIG_KEYS)) {
    const raw = env[name] ?? spec.defaultValue;
    if (raw === undefined) continue;
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'invalid value';
      throw new ConfigError(`${name}=${JSON.stringify(raw)}: ${reason}`);
    }
    config[name] = parsed.data;
  }
  config.sourceUrls = readSourceUrls(
    env,
    SOURCE_URL_PREFIX,
    ['http:', 'https:'],
    'an http:// or https://',
  );
  config.sourceWsUrls = readSourceUrls(
    env,
    SOURCE_WS_URL_PREFIX,
    ['ws:', 'wss:'],
    'a ws:// or wss://',
  );
  splitStreaming(config as RelayConfig);
  const target = redisTarget(config);
  if (typeof target === 'string') throw new ConfigError(target);
  const streams = (config as RelayConfig).MAX_CLIENTS_PER_IP;
  (config as RelayConfig).MAX_CONNECTIONS_PER_IP ??= Math.min(4 * streams, 1_000_000);
  const connections = (config as RelayConfig).MAX_CONNECTIONS_PER_IP;
  if (connections < streams) {
    // Streams past the connection cap would be cut unanswered instead of refused with a 429.
    throw new ConfigError(
      `MAX_CONNECTIONS_PER_IP=${connections}: expected at least MAX_CLIENTS_PER_IP (${streams}), each stream holds a connection`,
    );
  }
  return withMarkets(config as RelayConfig);
}

/** Every configured symbol checked against `CURRENCIES` and `SOURCES`. */
function withMarkets(config: RelayConfig): RelayConfig {
  const markets = new Markets(config.CURRENCIES, config.SOURCES);
  for (const symbol of config.SYMBOLS) {
    const route = markets.route(symbol);
    if (isRefused(route)) throw new ConfigError(`SYMBOLS: ${symbol}: ${route.message}`);
  }
  return config;
}

/** A setting in the environment the relay does not read, and the key it probably meant. */
export interface MisspelledKey {
  key: string;
  /** The known key it is closest to; absent when none is close. */
  likely?: string;
}

const TICKWIRE_PREFIX = 'TICKWIRE_';
/** Keys this relay's development once read, and the one that says it now. */
const RENAMED: Record<string, string> = { QUOTE: 'CURRENCIES' };

/**
 * Keys of `env` that look meant for the relay but are not its settings, so a typo does not
 * silently leave a default in force: a known key in the wrong case (`port`), one within two
 * edits of a known key (`POLL_INTERVALL`, `SYMBOL`, `MAX_CLIENT`; within one for names of
 * four letters or fewer, or every `HOME` would be taken for `HOST`), a renamed key (`QUOTE`:
 * `CURRENCIES`), and any `TICKWIRE_` key (the relay reads none). Pure: `main.ts` logs the result.
 */
export function misspelledKeys(env: Record<string, string | undefined>): MisspelledKey[] {
  const known = Object.keys(CONFIG_KEYS);
  const found: MisspelledKey[] = [];
  for (const key of Object.keys(env)) {
    if (
      key in CONFIG_KEYS ||
      key.startsWith(SOURCE_URL_PREFIX) ||
      key.startsWith(SOURCE_WS_URL_PREFIX)
    )
      continue;
    const prefixed = key.toUpperCase().startsWith(TICKWIRE_PREFIX);
    const name = (prefixed ? key.slice(TICKWIRE_PREFIX.length) : key).toUpperCase();
    const limit = name.length <= 4 ? 1 : 2;
    let likely: string | undefined = RENAMED[name];
    let nearest = likely ? 0 : limit + 1;
    for (const candidate of known) {
      const distance = editDistance(name, candidate);
      if (distance < nearest) [likely, nearest] = [candidate, distance];
    }
    if (likely !== undefined || prefixed) found.push({ key, ...(likely && { likely }) });
  }
  return found;
}

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * `SOURCES` with `:stream` taken off each id (`binance:stream` is the source `binance`, in
 * quotes, pins and status alike), and the streaming ones listed apart.
 */
function splitStreaming(config: RelayConfig): void {
  const ids = config.SOURCES;
  config.streamingSources = ids
    .filter((id) => id.endsWith(STREAM_SUFFIX))
    .map((id) => id.slice(0, -STREAM_SUFFIX.length));
  config.SOURCES = [
    ...new Set(
      ids.map((id) => (id.endsWith(STREAM_SUFFIX) ? id.slice(0, -STREAM_SUFFIX.length) : id)),
    ),
  ];
}

/** `<prefix><ID>` keys: the origin each names, by source id (lower case). */
function readSourceUrls(
  env: Record<string, string | undefined>,
  prefix: string,
  schemes: readonly string[],
  kind: string,
): Record<string, string> {
  const expected = `expected ${kind} URL`;
  const urls: Record<string, string> = {};
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith(prefix) || raw === undefined) continue;
    const id = name.slice(prefix.length).toLowerCase();
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError(`${name}=${JSON.stringify(raw)}: ${expected}`);
    }
    if (!schemes.includes(url.protocol)) {
      throw new ConfigError(`${name}=${JSON.stringify(raw)}: ${expected}`);
    }
    urls[id] = `${url.protocol}//${url.host}`;
  }
  return urls;
}
