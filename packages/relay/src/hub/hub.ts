import type { Quote, Refusal, SnapshotData, StatusData } from '@tickwire/protocol';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { RelayMetrics } from '../metrics.js';
import type { SparklineChanges, SparklineService } from '../sparklines/sparkline-service.js';
import type { PriceStore, QuotesEvent, StoreEvent } from '../store/price-store.js';
import type { WatchList } from '../watch-list.js';
import { encodeEvent, HEARTBEAT_FRAME } from './sse-frame.js';
import type { StreamClient, StreamRequest } from './stream-client.js';

const HEARTBEAT_BYTES = Buffer.from(HEARTBEAT_FRAME);
/**
 * Shared snapshot frames kept at once, by count and by bytes (one with history is ~100 KB):
 * clients making up symbol sets between two polls push out the least recent, never more.
 */
const MAX_SNAPSHOT_FRAMES = 200;
const MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024;

/** A snapshot encoded once for every client of one symbol set (and the same unknown symbols). */
interface SnapshotFrame {
  frame: string;
  lastEventId: string | undefined;
  quotes: number;
  status?: string;
}

export interface HubOptions {
  store: PriceStore;
  watchList: WatchList;
  /** History points sent in a snapshot. */
  historyLimit: number;
  /** The default currency, of every symbol that names none, told to clients in the snapshot. */
  currency: string;
  /** The current poll interval, sent in snapshots so clients know what "late" means. */
  intervalMs: () => number;
  /** The price TTL, sent in snapshots: a client that hears nothing of a price for this long shows it stale. */
  ttlMs: number;
  /** No stream goes longer than this without a byte: a quiet one gets a comment line. */
  heartbeatMs: number;
  /**
   * A client whose socket holds more than this many unsent bytes is skipped; once it
   * drains it gets a fresh snapshot, so it catches up to the latest values, not a backlog.
   */
  maxBufferedBytes: number;
  metrics: RelayMetrics;
  log: Logger;
  /** The 24 h lines of the symbols streams watch, in snapshots and `sparklines` events; none when absent. */
  sparklines?: Pick<SparklineService, 'watch' | 'linesOf' | 'subscribe'>;
  /** The clock, ms; `Date.now` when absent (tests pass a fake one). */
  now?: () => number;
}

/**
 * A symbol set, held once however many clients watch it: one `Set`, one key, one place in
 * the watch list for ten thousand clients of the same page.
 */
interface SymbolSet {
  symbols: ReadonlySet<string>;
  /** The symbols sorted and joined: clients asking for the same set share one encoded frame. */
  key: string;
  /** Clients watching it: the set is forgotten, and unwatched, with its last. */
  count: number;
  /** When its clients were last sent quotes, ms: a set that hears news needs no heartbeat. */
  sentAt: number;
  unwatch: () => void;
  /** Symbols of the set the watch list had no room for, with why: streamed to nobody. */
  refused: Record<string, Refusal> | undefined;
}

interface Subscriber {
  client: StreamClient;
  watching: SymbolSet;
  /** Events that arrived while the first events were being written. */
  pending: QuotesEvent[] | undefined;
  /** Skipped events while over the buffer limit; a snapshot is owed. */
  behind: boolean;
  unknown: string[];
  refused: Record<string, Refusal> | undefined;
}

/**
 * Fans every store event out to the connected clients: each gets the quotes of its own
 * symbols, starting with a snapshot or, when it resumes, the events it missed (the stream as
 * `@tickwire/protocol`'s README describes it).
 */
export class Hub {
  /** By client: a stream's route disconnects it by the client it connected. */
  private readonly subscribers = new Map<StreamClient, Subscriber>();
  /**
   * Encoded snapshots by symbol set, valid until the next store event and forgotten with
   * their set's last client: a thousand clients connecting at once (a relay restart) share
   * one string instead of building one each.
   */
  private readonly snapshotFrames = new LRUCache<string, SnapshotFrame>({
    max: MAX_SNAPSHOT_FRAMES,
    maxSize: MAX_SNAPSHOT_BYTES,
    // Characters for bytes: the frames are JSON, almost all ASCII.
    sizeCalculation: ({ frame, status }) => frame.length + (status?.length ?? 0),
  });
  /** Each symbol set once, however many clients watch it (ten thousand clients of one page hold one). */
  private readonly symbolSets = new Map<string, SymbolSet>();
  private generation = 0;
  private readonly heartbeat: NodeJS.Timeout;
  /** When every client was last sent something (a status), ms. */
  private broadcastAt = 0;
  private readonly unsubscribe: () => void;
  private readonly unsubscribeLines: (() => void) | undefined;
  private readonly now: () => number;

  constructor(private readonly options: HubOptions) {
    this.now = options.now ?? Date.now;
    this.unsubscribe = options.store.subscribe((event) => this.publish(event));
    this.unsubscribeLines = options.sparklines?.subscribe((changes) => this.publishLines(changes));
    // Every half interval, to the streams quiet for as long: none is quiet for longer than
    // the interval, and a stream that carries news gets no heartbeat at all.
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs / 2);
    this.heartbeat.unref();
  }

  get clientCount(): number {
    return this.subscribers.size;
  }

  /**
   * Starts streaming to `client` until `disconnect(client)`, which may come at any time, even
   * before this resolves. Events published while the first frames are read from the store
   * are held and written after them, so none is lost or sent twice.
   */
  async connect(client: StreamClient, request: StreamRequest): Promise<void> {
    const subscriber: Subscriber = {
      client,
      watching: this.watch(request.symbols, request.address),
      pending: [],
      behind: false,
      unknown: request.unknown,
      refused: undefined,
    };
    const refused = { ...request.refused, ...subscriber.watching.refused };
    if (Object.keys(refused).length > 0) subscriber.refused = refused;
    this.subscribers.set(client, subscriber);
    this.options.metrics.sseOpened.inc();
    this.options.metrics.sseClients.set(this.subscribers.size);
    try {
      const resumedFrom =
        request.lastEventId && (await this.replay(subscriber, request.lastEventId));
      const after = resumedFrom || (await this.sendSnapshot(subscriber));
      this.flushPending(subscriber, after);
    } catch (error) {
      this.options.log.error({ err: error }, 'could not start a stream');
      this.end(client);
    }
  }

  /**
   * Ends `client`'s stream and forgets it at once: an ended answer's socket may stay open a
   * while (a client that does not read, a pipelined request behind it), and nothing may be
   * written to it meanwhile.
   */
  private end(client: StreamClient): void {
    this.disconnect(client);
    client.close();
  }

  /** Stops streaming to `client`, a client that has gone; again is harmless. */
  disconnect(client: StreamClient): void {
    const subscriber = this.subscribers.get(client);
    if (!subscriber) return;
    this.subscribers.delete(client);
    this.unwatch(subscriber.watching);
    this.options.metrics.sseClients.set(this.subscribers.size);
  }

  /**
   * The shared set of `symbols`, watched (polled) while some client watches it; what it adds
   * to the watch list is charged to the address of the client that opened it.
   */
  private watch(symbols: readonly string[], address: string): SymbolSet {
    const sorted = [...symbols].sort();
    const key = sorted.join(',');
    let watching = this.symbolSets.get(key);
    if (!watching) {
      const { release, refused } = this.options.watchList.add(sorted, address);
      const symbols = sorted.filter((symbol) => !Object.hasOwn(refused, symbol));
      const releaseLines = this.options.sparklines?.watch(symbols);
      watching = {
        symbols: new Set(symbols),
        key,
        count: 0,
        sentAt: 0,
        unwatch: () => {
          release();
          releaseLines?.();
        },
        refused: Object.keys(refused).length > 0 ? refused : undefined,
      };
      this.symbolSets.set(key, watching);
    }
    watching.count++;
    return watching;
  }

  private unwatch(watching: SymbolSet): void {
    if (--watching.count > 0) return;
    this.symbolSets.delete(watching.key);
    watching.unwatch();
    const prefix = `${watching.key}|`;
    const unread = [...this.snapshotFrames.keys()].filter((key) => key.startsWith(prefix));
    for (const key of unread) this.snapshotFrames.delete(key);
  }

  /**
   * Ends every stream at a random moment within `windowMs`, so the clients of a relay that
   * is shutting down do not all reconnect to its neighbours in the same instant.
   */
  async drain(windowMs: number): Promise<void> {
    await Promise.all(
      [...this.subscribers.values()].map(
        (subscriber) =>
          new Promise<void>((resolve) => {
            setTimeout(() => {
              this.end(subscriber.client);
              resolve();
            }, Math.random() * windowMs);
          }),
      ),
    );
    this.closeAll();
  }

  /** Ends every stream at once. */
  closeAll(): void {
    for (const client of [...this.subscribers.keys()]) this.end(client);
  }

  /** Stops listening to the store and the heartbeat. */
  close(): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    this.unsubscribeLines?.();
    this.closeAll();
  }

  private publish(event: StoreEvent): void {
    this.generation++;
    this.snapshotFrames.clear();
    if (event.type === 'status') {
      this.broadcast(statusFrame(event.status));
      this.broadcastAt = this.now();
      return;
    }
    const now = this.now();
    // Each symbol set's frame is encoded to bytes once, and the same bytes go to every socket.
    const frames = new Map<string, Buffer | undefined>();
    let sent = 0;
    for (const subscriber of this.subscribers.values()) {
      if (subscriber.pending) {
        subscriber.pending.push(event.event);
        continue;
      }
      if (!this.hasRoom(subscriber)) continue;
      if (subscriber.behind) {
        subscriber.behind = false;
        void this.catchUp(subscriber);
        continue;
      }
      const { watching } = subscriber;
      if (!frames.has(watching.key)) {
        const frame = quotesFrame(event.event, watching.symbols);
        frames.set(watching.key, frame === undefined ? undefined : Buffer.from(frame));
        if (frame) watching.sentAt = now;
      }
      const frame = frames.get(watching.key);
      if (frame) {
        subscriber.client.write(frame);
        sent++;
      }
    }
    // One metric update per event, not one per client: this loop runs for every client.
    this.options.metrics.eventsSent.inc(sent);
  }

  /**
   * Sends each symbol set's clients the lines of theirs that changed. A client still reading
   * its first frames gets the lines in them (they are read after its last wait), one behind
   * gets them in its catch-up snapshot.
   */
  private publishLines(changes: SparklineChanges): void {
    this.generation++;
    this.snapshotFrames.clear();
    const frames = new Map<string, Buffer | undefined>();
    let sent = 0;
    for (const subscriber of this.subscribers.values()) {
      if (subscriber.pending || !this.hasRoom(subscriber)) continue;
      const { watching } = subscriber;
      if (!frames.has(watching.key)) {
        const frame = sparklinesFrame(changes, watching.symbols);
        frames.set(watching.key, frame === undefined ? undefined : Buffer.from(frame));
      }
      const frame = frames.get(watching.key);
      if (frame) {
        subscriber.client.write(frame);
        sent++;
      }
    }
    this.options.metrics.eventsSent.inc(sent);
  }

  /**
   * Writes the events after `lastEventId`; returns the id to continue after, or undefined
   * when they are not held or would not fit the client's buffer limit (a snapshot is then
   * smaller and says the same: the latest values).
   */
  private async replay(subscriber: Subscriber, lastEventId: string): Promise<string | undefined> {
    const missed = await this.options.store.eventsAfter(lastEventId);
    if (!missed) return undefined;
    const frames: string[] = [];
    let bytes = subscriber.client.bufferedBytes;
    for (const event of missed) {
      const frame = quotesFrame(event, subscriber.watching.symbols);
      if (!frame) continue;
      bytes += Buffer.byteLength(frame);
      if (bytes > this.options.maxBufferedBytes) return undefined;
      frames.push(frame);
    }
    for (const frame of frames) this.write(subscriber, frame);
    // The status may have changed while the client was away: sources, stale prices.
    this.write(subscriber, statusFrame(await this.options.store.status()));
    // And lines: those the client held may have moved on, or gone.
    const { symbols } = subscriber.watching;
    const lines = this.options.sparklines?.linesOf(symbols) ?? {};
    const changes = Object.fromEntries(
      [...symbols].map((symbol) => [symbol, lines[symbol] ?? null]),
    );
    const linesFrame = this.options.sparklines && sparklinesFrame(changes, symbols);
    if (linesFrame) this.write(subscriber, linesFrame);
    return missed.at(-1)?.id ?? lastEventId;
  }

  /** Writes a snapshot; returns the id of the last event it includes. */
  private async sendSnapshot(subscriber: Subscriber): Promise<string | undefined> {
    const cacheKey = `${subscriber.watching.key}|${subscriber.unknown.join(',')}`;
    let cached = this.snapshotFrames.get(cacheKey);
    if (!cached) {
      const { store, historyLimit, intervalMs, currency, ttlMs } = this.options;
      const generation = this.generation;
      const snapshot = await store.snapshot([...subscriber.watching.symbols], historyLimit);
      const sparklines = this.options.sparklines?.linesOf(subscriber.watching.symbols) ?? {};
      const data: SnapshotData = {
        interval: intervalMs(),
        ttl: ttlMs,
        currency,
        quotes: snapshot.quotes,
        history: snapshot.history,
        unknown: subscriber.unknown,
        ...(subscriber.refused && { refused: subscriber.refused }),
        sources: snapshot.status.sources,
        ...(Object.keys(sparklines).length > 0 && { sparklines }),
      };
      cached = {
        frame: encodeEvent('snapshot', data, snapshot.lastEventId),
        lastEventId: snapshot.lastEventId,
        quotes: Object.keys(snapshot.quotes).length,
        ...(snapshot.status.stale.length > 0 && { status: statusFrame(snapshot.status) }),
      };
      // Only a snapshot no event overtook while it was read may be shared.
      if (generation === this.generation) this.snapshotFrames.set(cacheKey, cached);
    }
    this.write(subscriber, cached.frame);
    this.options.metrics.quotesServed.inc({ from: 'cache' }, cached.quotes);
    if (cached.status) this.write(subscriber, cached.status);
    return cached.lastEventId;
  }

  private flushPending(subscriber: Subscriber, after: string | undefined): void {
    const pending = subscriber.pending ?? [];
    subscriber.pending = undefined;
    for (const event of pending) {
      if (after !== undefined && !this.options.store.isAfter(event.id, after)) continue;
      const frame = quotesFrame(event, subscriber.watching.symbols);
      if (frame) this.write(subscriber, frame);
    }
  }

  /** A client that fell behind gets the latest values as a fresh snapshot, not the backlog. */
  private async catchUp(subscriber: Subscriber): Promise<void> {
    subscriber.pending = [];
    const after = await this.sendSnapshot(subscriber);
    this.flushPending(subscriber, after);
  }

  private hasRoom(subscriber: Subscriber): boolean {
    if (subscriber.client.bufferedBytes <= this.options.maxBufferedBytes) return true;
    subscriber.behind = true;
    return false;
  }

  private broadcast(text: string): void {
    const frame = Buffer.from(text);
    let sent = 0;
    for (const subscriber of this.subscribers.values()) {
      if (subscriber.pending || !this.hasRoom(subscriber)) continue;
      subscriber.client.write(frame);
      sent++;
    }
    this.options.metrics.eventsSent.inc(sent);
  }

  /** A comment line to every stream quiet for half the heartbeat interval. */
  private beat(): void {
    const quietSince = this.now() - this.options.heartbeatMs / 2;
    if (this.broadcastAt > quietSince) return;
    for (const subscriber of this.subscribers.values()) {
      if (subscriber.watching.sentAt > quietSince) continue;
      if (subscriber.pending || !this.hasRoom(subscriber)) continue;
      subscriber.client.write(HEARTBEAT_BYTES);
    }
  }

  /** Writes a client's first frames or catch-up; nothing once it has left while they were read. */
  private write(subscriber: Subscriber, frame: string): void {
    if (this.subscribers.get(subscriber.client) !== subscriber) return;
    subscriber.client.write(frame);
    this.options.metrics.eventsSent.inc();
  }
}

/** The `quotes` event restricted to `symbols`; undefined when none of them changed. */
function quotesFrame(event: QuotesEvent, symbols: ReadonlySet<string>): string | undefined {
  const quotes: Record<string, Quote> = {};
  let count = 0;
  for (const symbol of symbols) {
    const quote = event.quotes[symbol];
    if (quote) {
      quotes[symbol] = quote;
      count++;
    }
  }
  return count === 0 ? undefined : encodeEvent('quotes', { t: event.t, quotes }, event.id);
}

/** A `sparklines` event of the changes to `symbols`; undefined when none of them changed. */
function sparklinesFrame(
  changes: SparklineChanges,
  symbols: ReadonlySet<string>,
): string | undefined {
  const sparklines = Object.fromEntries(
    Object.entries(changes).filter(([symbol]) => symbols.has(symbol)),
  );
  return Object.keys(sparklines).length === 0
    ? undefined
    : encodeEvent('sparklines', { sparklines });
}

function statusFrame(status: StatusData): string {
  return encodeEvent('status', status);
}
