import { isTimeout, withDeadline } from '../deadline.js';
import { SourceError } from './source-error.js';

/** Limits on one upstream HTTP call; constants in production, short in tests. */
export interface UpstreamLimits {
  /** Deadline of the whole call, headers and body together, ms. */
  deadlineMs: number;
  /** Bytes a successful answer may have; more is refused unread. */
  maxBodyBytes: number;
  /** Aborts the call early: the source is closing. */
  signal?: AbortSignal;
}

/**
 * Bytes a listing may have. Binance's full spot `exchangeInfo` is the largest answer a
 * source asks for (~6 MB in 2024, decred/dcrdex#2902); 32 MiB leaves room for growth and
 * still refuses a runaway body before it fills memory.
 */
export const MAX_LISTING_BYTES = 32 * 1024 * 1024;

/**
 * Bytes any other answer may have. Prices and history for every watched symbol are tens of
 * kilobytes; a bigger body is a fault, and parsing it would block the relay.
 */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** An error answer's body is only read for its message: a few KB is all anybody needs. */
const MAX_ERROR_BODY_BYTES = 4 * 1024;

/** An upstream answer, read whole within its deadline. */
export interface UpstreamAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
}

/**
 * One upstream call. Unlike a bare `fetch` timeout, which stops applying once headers
 * arrive, the deadline covers the body too: an upstream that trickles its body cannot hold
 * a poll. A successful answer must be JSON (by its content type and its first byte) and
 * within `maxBodyBytes`; an HTML error page or a runaway body is refused at its first chunk,
 * before anybody parses it. Error answers (4xx/5xx) are passed on, their body cut short,
 * so callers still see the status and Retry-After.
 */
export async function upstreamFetch(
  url: string | URL,
  init: RequestInit,
  limits: UpstreamLimits,
): Promise<UpstreamAnswer> {
  return withinLimits(
    async (signal) => {
      const response = await fetch(url, { ...init, signal, redirect: 'error' });
      const ok = response.status >= 200 && response.status < 300;
      if (ok) refuseNonJsonType(response.headers.get('content-type'));
      const body = await readText(response, ok ? limits.maxBodyBytes : MAX_ERROR_BODY_BYTES, ok);
      return {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        body,
      };
    },
    init,
    limits,
  );
}

/** An upstream answer of bytes (an image), read whole within its deadline. */
export interface UpstreamBytes {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/**
 * One upstream call for bytes that are not JSON (a logo), with `upstreamFetch`'s deadline over
 * headers and body and its errors. A body past `maxBodyBytes` is refused at the chunk that
 * passes it (or at once, by its Content-Length); an error answer's body is not read at all.
 */
export async function upstreamBytes(
  url: string | URL,
  init: RequestInit,
  limits: UpstreamLimits,
): Promise<UpstreamBytes> {
  return withinLimits(
    async (signal) => {
      const response = await fetch(url, { ...init, signal, redirect: 'error' });
      const ok = response.status >= 200 && response.status < 300;
      if (!ok) await response.body?.cancel();
      const body = ok ? await readBytes(response, limits.maxBodyBytes) : new Uint8Array();
      return { status: response.status, headers: response.headers, body };
    },
    init,
    limits,
  );
}

/** Runs one call under `limits`, turning every way it can fail into a `SourceError` that keeps its cause. */
async function withinLimits<T>(
  read: (signal: AbortSignal) => Promise<T>,
  init: RequestInit,
  limits: UpstreamLimits,
): Promise<T> {
  try {
    return await withDeadline(read, {
      timeoutMs: limits.deadlineMs,
      signals: [limits.signal, init.signal],
    });
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (limits.signal?.aborted)
      throw new SourceError('call abandoned', undefined, { cause: error });
    // The deadline, or the caller's own (ccxt aborts its signal at its timeout).
    if (isTimeout(error) || init.signal?.aborted)
      throw new SourceError('timeout', undefined, { cause: error });
    throw new SourceError('network error', undefined, { cause: error });
  }
}

/**
 * `upstreamFetch` in the shape ccxt calls as its `fetchImplementation`: ccxt's own timeout
 * then covers the body as well, and ccxt parses only what passed the checks.
 */
export function ccxtFetchImplementation(
  limits: Omit<UpstreamLimits, 'maxBodyBytes'> & { maxBodyBytes: () => number },
) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    const answer = await upstreamFetch(
      url,
      { method: init.method, headers: init.headers, body: init.body, signal: init.signal },
      { ...limits, maxBodyBytes: limits.maxBodyBytes() },
    );
    const nullBody = answer.status === 204 || answer.status === 304;
    return new Response(nullBody ? null : answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
    });
  };
}

function refuseNonJsonType(contentType: string | null): void {
  // Some exchanges label JSON text/plain; none label it HTML or XML.
  if (contentType && /html|xml/i.test(contentType)) {
    throw new SourceError(`malformed answer (${contentType.split(';')[0]}, not JSON)`);
  }
}

/** Reads the body as text, refusing it once it passes `maxBytes` or, if `json`, when it cannot be JSON. */
async function readText(response: Response, maxBytes: number, json: boolean): Promise<string> {
  if (!response.body) return '';
  const declared = Number(response.headers.get('content-length'));
  if (json && declared > maxBytes) {
    await response.body.cancel();
    throw new SourceError(`answer too large (${declared} bytes)`);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  let checkedStart = !json;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    text += decoder.decode(value, { stream: true });
    if (!checkedStart && text.trimStart() !== '') {
      checkedStart = true;
      const first = text.trimStart()[0];
      if (first !== '{' && first !== '[') {
        await reader.cancel().catch(() => {});
        throw new SourceError('malformed answer (not JSON)');
      }
    }
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => {});
      if (json) throw new SourceError(`answer too large (over ${maxBytes} bytes)`);
      return text.slice(0, maxBytes);
    }
  }
}

/** Reads the body as bytes, refusing it once it passes `maxBytes`. */
async function readBytes(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new SourceError(`answer too large (${declared} bytes)`);
  }
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, bytes);
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new SourceError(`answer too large (over ${maxBytes} bytes)`);
    }
    chunks.push(value);
  }
}

/** Parses an answer already checked by `upstreamFetch`. */
export function parseJson<T>(answer: UpstreamAnswer): T {
  try {
    return JSON.parse(answer.body) as T;
  } catch (error) {
    throw new SourceError('malformed answer', undefined, { cause: error });
  }
}
