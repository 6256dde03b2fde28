import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { test } from 'node:test';
import { pollCount, startTestRelay, untilPolls, waitFor } from './support/relay.js';

/** The most Linux lets a socket's send buffer grow to (`net.ipv4.tcp_wmem`'s maximum). */
function sendBufferMax(): number {
  return Number(readFileSync('/proc/sys/net/ipv4/tcp_wmem', 'utf8').trim().split(/\s+/)[2]);
}

/**
 * Bytes the kernel holds in the send queue of the TCP connection from local port `from` to
 * `to` on 127.0.0.1 (`tx_queue` in /proc/net/tcp: written, not yet acknowledged — on
 * loopback, what the peer's full receive buffer has no room for).
 */
function kernelSendQueue(from: number, to: number): number {
  const hex = (port: number) => `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields[1] === hex(from) && fields[2] === hex(to)) {
      return Number.parseInt(fields[4]?.split(':')[0] ?? '', 16);
    }
  }
  throw new Error(`no connection 127.0.0.1:${from} → 127.0.0.1:${to} in /proc/net/tcp`);
}

const KiB = 1024;
/** The relay's slow-reader limit, its default (`maxBufferedBytes` in relay.ts), set here as well. */
const SLOW_READER_BYTES = 64 * KiB;

test('a reader that never reads costs the relay a bounded amount: 64 KiB in the process and what the kernel buffers, no more however many events pass', {
  skip: process.platform !== 'linux' && 'reads /proc/net/tcp',
}, async () => {
  // A hundred symbols polled every 25 ms: about a megabyte a second for one reader.
  const relay = await startTestRelay({
    env: { MAX_SYMBOLS_PER_REQUEST: '100' },
    config: { POLL_INTERVAL: 25 },
    timings: { maxBufferedBytes: SLOW_READER_BYTES },
  });
  const serverSockets: Socket[] = [];
  relay.server.on('connection', (socket) => serverSockets.push(socket));
  const port = Number(new URL(relay.url).port);
  const listing = (await (await fetch(`${relay.url}/v1/symbols`)).json()) as {
    symbols: string[];
  };
  const symbols = listing.symbols.slice(0, 100);
  // A reader that sends its request and never reads a byte of the answer.
  const reader = connect({ host: '127.0.0.1', port });
  reader.pause();
  try {
    reader.write(`GET /v1/stream?symbols=${symbols.join(',')} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    const stream = await waitFor(() =>
      serverSockets.find((socket) => socket.remotePort === reader.localPort),
    );
    const held = () => {
      const user = stream.writableLength;
      const kernel = kernelSendQueue(port, reader.localPort ?? 0);
      return { user, kernel, total: user + kernel };
    };

    // The relay stops writing to it once 64 KiB wait in the process: by then the kernel's
    // buffer is full (it grows to tcp_wmem's maximum on its own).
    await waitFor(
      () => (stream.writableLength > SLOW_READER_BYTES ? true : undefined),
      60_000,
      async () => `user ${stream.writableLength} B, kernel ${JSON.stringify(held())}`,
    );
    const skipped = held();
    await untilPolls(relay, (await pollCount(relay)) + 40, 30_000);
    const later = held();
    const figures = `when skipped: ${(skipped.user / KiB).toFixed(0)} KiB in the relay + ${(skipped.kernel / KiB).toFixed(0)} KiB in the kernel; 40 polls later: ${(later.user / KiB).toFixed(0)} + ${(later.kernel / KiB).toFixed(0)} KiB; tcp_wmem max ${(sendBufferMax() / KiB).toFixed(0)} KiB`;
    console.log(`# ${figures}`);

    // Bounded: the kernel's queue by its send buffer, the relay's by the 64 KiB limit and the
    // one frame that passed it (a quotes event of 100 symbols is ~20 KiB; 64 KiB of slack).
    const bound = sendBufferMax() + SLOW_READER_BYTES + 64 * KiB;
    assert.ok(later.total <= bound, `${figures}; bound ${bound}`);
    assert.ok(later.user <= SLOW_READER_BYTES + 64 * KiB, figures);
    // And it stays: a skipped reader is written nothing more.
    assert.equal(later.user, skipped.user, figures);
    assert.equal(later.kernel, skipped.kernel, figures);
  } finally {
    reader.destroy();
    await relay.stop();
  }
});
