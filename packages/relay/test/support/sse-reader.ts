/** One frame of an event stream as it came over the wire. */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  retry?: number;
  /** The text of a comment line (`: heartbeat`). */
  comment?: string;
}

/**
 * A plain SSE reader over fetch, for the tests that look at what a browser's EventSource
 * hides: `retry:` lines, comments, exact headers. Frames are parsed as the spec says.
 */
export class SseReader {
  readonly frames: SseFrame[] = [];
  readonly response: Response;
  private readonly controller: AbortController;
  private readonly done: Promise<void>;
  private waiters: (() => void)[] = [];

  private constructor(response: Response, controller: AbortController) {
    this.response = response;
    this.controller = controller;
    this.done = this.read().catch(() => undefined);
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
    const controller = new AbortController();
    const response = await fetch(url, {
      headers: { Accept: 'text/event-stream', ...headers },
      signal: controller.signal,
    });
    return new SseReader(response, controller);
  }

  /** Frames of event type `event` (with data) seen so far. */
  events(event: string): SseFrame[] {
    return this.frames.filter((frame) => frame.event === event);
  }

  /** Waits for the first event of type `event`. */
  untilEvent(event: string, timeoutMs?: number): Promise<SseFrame[]> {
    return this.until((frames) => frames.some((frame) => frame.event === event), timeoutMs);
  }

  /** Waits for a `status` event that names `symbol` as stale. */
  untilStale(symbol: string, timeoutMs?: number): Promise<SseFrame[]> {
    return this.until(
      (frames) =>
        frames.some(
          (frame) =>
            frame.event === 'status' && dataOf<{ stale: string[] }>(frame).stale.includes(symbol),
        ),
      timeoutMs,
    );
  }

  /** Waits until `predicate` holds for the frames seen, or fails after `timeoutMs`. */
  async until(predicate: (frames: SseFrame[]) => boolean, timeoutMs = 10_000): Promise<SseFrame[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.frames)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `stream condition not met within ${timeoutMs} ms; frames: ${JSON.stringify(this.frames).slice(0, 500)}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.frames;
  }

  /** Resolves when the server has ended the stream. */
  get ended(): Promise<void> {
    return this.done;
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done;
  }

  private async read(): Promise<void> {
    if (!this.response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    const body = this.response.body.getReader();
    for (;;) {
      const { done, value } = await body.read();
      // SSE lines end in CRLF, LF or CR alike (a CR at a chunk's end waits: an LF may follow).
      buffer += done ? '\n' : decoder.decode(value, { stream: true });
      const complete = buffer.endsWith('\r') ? buffer.slice(0, -1) : buffer;
      buffer = complete.replace(/\r\n?/g, '\n') + buffer.slice(complete.length);
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        this.frames.push(parseFrame(buffer.slice(0, end)));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
      if (done) break;
    }
  }
}

function parseFrame(block: string): SseFrame {
  const frame: SseFrame = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      frame.comment = line.slice(1).trim();
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') frame.id = value;
    else if (field === 'event') frame.event = value;
    else if (field === 'data')
      frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`;
    else if (field === 'retry') frame.retry = Number(value);
  }
  return frame;
}

/** The parsed data of a frame. */
export const dataOf = <T = Record<string, unknown>>(frame: SseFrame | undefined): T =>
  JSON.parse(frame?.data ?? 'null') as T;
