import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { describe, test } from 'node:test';
import type { Relay } from '../src/relay.js';
import { metricValue, startTestRelay, waitFor } from './support/relay.js';

/** A connection from `localAddress` that sends nothing, as each of a flood of idle sockets. */
async function idle(relay: Relay, localAddress = '127.0.0.1'): Promise<Socket> {
  const { port } = new URL(relay.url);
  const socket = connect({ host: '127.0.0.1', port: Number(port), localAddress });
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  return socket;
}

/** Whether the relay closes `socket` without a byte, within a poll's worth of time. */
async function closedUnanswered(socket: Socket): Promise<boolean> {
  let bytes = 0;
  socket.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  if (!socket.closed) await once(socket, 'close');
  return bytes === 0;
}

/** `GET /healthz` over a connection of its own from `localAddress`: its status line. */
async function healthz(relay: Relay, localAddress = '127.0.0.1'): Promise<string> {
  const socket = await idle(relay, localAddress);
  socket.end('GET /healthz HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n\r\n');
  let answer = '';
  socket.on('data', (chunk: Buffer) => {
    answer += chunk.toString();
  });
  if (!socket.closed) await once(socket, 'close');
  return answer.split('\r\n')[0] ?? '';
}

describe('connections per client address', () => {
  test('past MAX_CONNECTIONS_PER_IP a new socket is closed unanswered; other addresses and freed slots are served', async () => {
    const relay = await startTestRelay({ config: { MAX_CONNECTIONS_PER_IP: 5 } });
    const sockets: Socket[] = [];
    try {
      for (let i = 0; i < 5; i++) sockets.push(await idle(relay));
      assert.equal(await closedUnanswered(await idle(relay)), true, 'the sixth is closed at once');
      assert.equal(
        await healthz(relay, '127.0.0.2'),
        'HTTP/1.1 200 OK',
        'another address is served',
      );

      sockets.pop()!.destroy();
      const status = await waitFor(async () => {
        const line = await healthz(relay).catch(() => '');
        return line === '' ? undefined : line;
      });
      assert.equal(status, 'HTTP/1.1 200 OK', 'a freed slot serves again');
      sockets.pop()!.destroy();
      // /metrics over fetch: its connection needs a slot too.
      await waitFor(async () =>
        (await metricValue(relay, 'tickwire_connections_refused_total').catch(() => 0)) >= 1
          ? true
          : undefined,
      );
      assert.ok(
        sockets.every((socket) => !socket.closed),
        'the sockets under the cap stay open',
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      await relay.stop();
    }
  });

  test('a trusted proxy is not capped: its connections carry many clients', async () => {
    const relay = await startTestRelay({
      env: { TRUST_PROXY: 'loopback' },
      config: { MAX_CONNECTIONS_PER_IP: 2 },
    });
    const sockets: Socket[] = [];
    try {
      for (let i = 0; i < 6; i++) sockets.push(await idle(relay));
      assert.equal(await healthz(relay), 'HTTP/1.1 200 OK');
      assert.ok(sockets.every((socket) => !socket.closed));
    } finally {
      for (const socket of sockets) socket.destroy();
      await relay.stop();
    }
  });
});
