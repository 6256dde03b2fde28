import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** An answer that is not JSON: an image, an HTML page under an image's type. */
export class RawAnswer {
  constructor(
    readonly body: Buffer | string,
    readonly headers: Record<string, string>,
    readonly status = 200,
  ) {}
}

/** What a route answers: a JSON value, or a `RawAnswer`. */
export type RouteAnswer = unknown;
export type Route = (query: URLSearchParams, path: string) => RouteAnswer;

/** A fault the fake serves instead of the real answer, on paths starting with `path`. */
export interface Fault {
  path: string;
  status?: number;
  headers?: Record<string, string>;
  /** Raw body instead of JSON. */
  body?: string;
  /** Waits this long before answering (timeouts). */
  delayMs?: number;
  /** Sends 200 and JSON headers, then one byte of body every 100 ms, never finishing. */
  trickle?: boolean;
}

export interface Call {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  at: number;
  /** When its answer ended (or the caller left), ms. */
  endedAt?: number;
}

/**
 * A local stand-in for an upstream API on 127.0.0.1: answers its routes with the real API's
 * JSON shapes, logs every call, and serves injected faults (5xx, 429 with Retry-After, 418,
 * garbage, slowness, a trickling body, huge bodies) on demand.
 */
export class FakeUpstream {
  readonly calls: Call[] = [];
  faults: Fault[] = [];
  private readonly server: Server;
  /** Ends the waits of delayed answers, so a closed fake holds no timer. */
  private readonly closing = new AbortController();

  private constructor(
    private readonly routes: Record<string, Route>,
    readonly url: string,
    server: Server,
  ) {
    this.server = server;
  }

  static async start(routes: Record<string, Route>): Promise<FakeUpstream> {
    let fake: FakeUpstream | undefined;
    const server = createServer((req, res) => fake!.handle(req.url ?? '/', req.headers, res));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    fake = new FakeUpstream(routes, `http://127.0.0.1:${port}`, server);
    return fake;
  }

  /** Calls whose path starts with `path`. */
  callsTo(path: string): Call[] {
    return this.calls.filter((call) => call.path.startsWith(path));
  }

  /** The most calls to paths starting with `path` that were under way at once. */
  mostAtOnce(path: string): number {
    const moments = this.callsTo(path).flatMap((call) => [
      [call.at, 1],
      [call.endedAt ?? Number.POSITIVE_INFINITY, -1],
    ]);
    // An answer that ended in the millisecond another began did not overlap it.
    moments.sort(([a, da], [b, db]) => a! - b! || da! - db!);
    let open = 0;
    let most = 0;
    for (const [, change] of moments) {
      open += change!;
      most = Math.max(most, open);
    }
    return most;
  }

  async close(): Promise<void> {
    this.closing.abort();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(
    rawUrl: string,
    headers: IncomingHttpHeaders,
    res: import('node:http').ServerResponse,
  ) {
    const url = new URL(rawUrl, 'http://fake');
    const call: Call = { path: url.pathname, query: url.searchParams, headers, at: Date.now() };
    this.calls.push(call);
    res.on('close', () => {
      call.endedAt = Date.now();
    });
    const fault = this.faults.find((candidate) => url.pathname.startsWith(candidate.path));
    if (fault?.delayMs)
      await sleep(fault.delayMs, undefined, { signal: this.closing.signal }).catch(() => {});
    if (res.destroyed) return;
    if (fault?.trickle) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[');
      const drip = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(drip));
      return;
    }
    if (fault && (fault.status !== undefined || fault.body !== undefined)) {
      res.writeHead(fault.status ?? 200, { 'Content-Type': 'text/plain', ...fault.headers });
      res.end(fault.body ?? 'Service Unavailable');
      return;
    }
    const route = this.routes[url.pathname] ?? this.matchPattern(url.pathname);
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: `no fake route for ${url.pathname}` }));
      return;
    }
    const answer = route(url.searchParams, url.pathname);
    if (answer instanceof RawAnswer) {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer));
  }

  /** Routes like `/api/v3/coins/:id/market_chart`. */
  private matchPattern(path: string): Route | undefined {
    for (const [pattern, route] of Object.entries(this.routes)) {
      if (!pattern.includes(':')) continue;
      const regex = new RegExp(`^${pattern.replace(/:[a-z]+/g, '[^/]+')}$`);
      if (regex.test(path)) return route;
    }
    return undefined;
  }
}
