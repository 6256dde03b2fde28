/**
 * Which Redis a fleet shares, as the configuration names it: one server (`REDIS_URL`), a
 * primary found through Sentinel (`REDIS_SENTINELS` + `REDIS_SENTINEL_NAME`, or a
 * `redis+sentinel://` URL), or a Cluster (`REDIS_CLUSTER`). Pure: ioredis is loaded only by
 * `redis-client.ts`, when a relay connects.
 */

/** One node's address. */
export interface HostPort {
  host: string;
  port: number;
}

/** Credentials and database for the data nodes (never the Sentinels'). */
export interface RedisAuth {
  username?: string;
  password?: string;
  db?: number;
}

export type RedisTarget =
  | { kind: 'server'; url: string }
  | ({ kind: 'sentinel'; sentinels: HostPort[]; name: string } & RedisAuth)
  | ({ kind: 'cluster'; nodes: HostPort[] } & RedisAuth);

/** The configuration keys the target is read from, as `loadConfig` parses them. */
export interface RedisKeys {
  REDIS_URL?: string | undefined;
  REDIS_SENTINELS?: string[] | undefined;
  REDIS_SENTINEL_NAME?: string | undefined;
  REDIS_CLUSTER?: string[] | undefined;
}

const SENTINEL_SCHEME = 'redis+sentinel://';

/**
 * The target the keys name: `undefined` for none (the relay keeps everything in memory), or a
 * one-line reason when they contradict each other.
 */
export function redisTarget(keys: RedisKeys): RedisTarget | undefined | string {
  const { REDIS_URL: url, REDIS_SENTINELS: sentinels, REDIS_SENTINEL_NAME: name } = keys;
  const cluster = keys.REDIS_CLUSTER;
  if (cluster) {
    if (url) return 'set REDIS_URL or REDIS_CLUSTER, not both';
    if (sentinels || name)
      return 'a Cluster has no Sentinels: unset REDIS_SENTINELS and REDIS_SENTINEL_NAME';
    return { kind: 'cluster', nodes: cluster.map(hostPort) };
  }
  if (url?.startsWith(SENTINEL_SCHEME)) {
    if (sentinels)
      return 'the redis+sentinel:// URL already lists the Sentinels: unset REDIS_SENTINELS';
    const parsed = parseSentinelUrl(url);
    const named = parsed.name ?? name;
    if (parsed.name && name && parsed.name !== name)
      return `REDIS_SENTINEL_NAME=${name} and the URL's ${parsed.name} differ: name the primary once`;
    if (!named)
      return 'the redis+sentinel:// URL names no primary: add /<name> or set REDIS_SENTINEL_NAME';
    return { kind: 'sentinel', sentinels: parsed.sentinels, ...parsed.auth, name: named };
  }
  if (sentinels) {
    if (url)
      return 'REDIS_URL names one server: with REDIS_SENTINELS unset it, or use a redis+sentinel:// URL';
    if (!name)
      return 'REDIS_SENTINELS needs REDIS_SENTINEL_NAME, the primary’s name as the Sentinels know it';
    return { kind: 'sentinel', sentinels: sentinels.map(hostPort), name };
  }
  if (name) return 'REDIS_SENTINEL_NAME needs REDIS_SENTINELS (or a redis+sentinel:// URL)';
  return url ? { kind: 'server', url } : undefined;
}

/**
 * The prefix of every key the relay writes. On a Cluster it is a hash tag (`{tickwire}`), so
 * every key is in one slot and the transactions and scripts that touch several of them (the
 * event log with the latest quotes and a history, the poll lease) run there; one server and
 * Sentinel keep the names relays have always used, so a fleet upgrades without a gap.
 */
export function keyPrefix(target: RedisTarget, name = 'tickwire'): string {
  return target.kind === 'cluster' ? `{${name}}` : name;
}

/** The target fit for a log line: passwords hidden. */
export function describeTarget(target: RedisTarget): string {
  if (target.kind === 'server') return redactUrl(target.url);
  const nodes = (target.kind === 'sentinel' ? target.sentinels : target.nodes)
    .map(({ host, port }) => `${host}:${port}`)
    .join(',');
  return target.kind === 'sentinel'
    ? `primary ${target.name} through Sentinels ${nodes}`
    : `Cluster ${nodes}`;
}

function hostPort(entry: string): HostPort {
  const at = entry.lastIndexOf(':');
  return {
    host: entry.slice(0, at).replace(/^\[(.*)\]$/, '$1'),
    port: Number(entry.slice(at + 1)),
  };
}

/** `redis+sentinel://[user:password@]host:port[,host:port…][/name[/db]]` (config.ts checks its shape). */
function parseSentinelUrl(url: string): { sentinels: HostPort[]; name?: string; auth: RedisAuth } {
  const rest = url.slice(SENTINEL_SCHEME.length);
  const at = rest.lastIndexOf('@', rest.indexOf('/') === -1 ? undefined : rest.indexOf('/'));
  const [userInfo, location] = at === -1 ? ['', rest] : [rest.slice(0, at), rest.slice(at + 1)];
  const [hosts = '', name, db] = location.split('/');
  const colon = userInfo.indexOf(':');
  const [username, password] =
    colon === -1 ? [userInfo, ''] : [userInfo.slice(0, colon), userInfo.slice(colon + 1)];
  const auth: RedisAuth = {
    ...(username && { username: decodeURIComponent(username) }),
    ...(password && { password: decodeURIComponent(password) }),
    ...(db && { db: Number(db) }),
  };
  return {
    sentinels: hosts.split(',').filter(Boolean).map(hostPort),
    ...(name && { name: decodeURIComponent(name) }),
    auth,
  };
}

/** A URL fit for a log line: the password, if any, is hidden. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return 'REDIS_URL';
  }
}
