import type { Refusal } from '@tickwire/protocol';
/**
 * One connected stream as the hub sees it: somewhere to write frames. The HTTP layer
 * implements it over a response; the hub never sees requests or responses.
 */
export interface StreamClient {
  /**
   * Writes one encoded frame: text, or bytes shared with other clients (never changed after).
   * After `close()`, or once the client has gone, a write does nothing.
   */
  write(frame: string | Buffer): void;
  /** Bytes written but not yet taken by the client's socket. */
  readonly bufferedBytes: number;
  /** Ends the stream. */
  close(): void;
}

/** What a client asked for, already validated. */
export interface StreamRequest {
  /** Known symbols to stream. */
  symbols: string[];
  /** Well-formed symbols that no source lists. */
  unknown: string[];
  /** Of those, the ones in a currency or from a source the relay does not have, with why; absent when none. */
  refused?: Record<string, Refusal>;
  /** Resume after this event, if the client has one. */
  lastEventId?: string;
  /** The reader's address (after trusted proxies): what it adds to the watch list is charged to it. */
  address: string;
}
