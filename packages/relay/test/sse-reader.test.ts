import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { SseReader } from './support/sse-reader.js';

test('the tests’ SSE reader takes frames ended in LF, CRLF or CR, even split across chunks', async () => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.write('event: a\ndata: 1\n\n');
    res.write('event: b\r\ndata: 2\r\n\r');
    setTimeout(() => res.end('\nevent: c\rdata: 3\r\r'), 20);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const reader = await SseReader.open(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
  );
  try {
    await reader.until((frames) => frames.length >= 3);
    assert.deepEqual(
      reader.frames.map(({ event, data }) => [event, data]),
      [
        ['a', '1'],
        ['b', '2'],
        ['c', '3'],
      ],
    );
  } finally {
    await reader.close();
    server.close();
  }
});
