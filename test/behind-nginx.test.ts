import assert from 'node:assert/strict';
import { type ClientRequest, request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Relay } from '../packages/relay/src/relay.js';
import { startDemoRelay } from './support/demo-relay.js';
import { startNginx } from './support/nginx.js';

const TOKEN = 'a-long-enough-admin-token';
/** The relay's default `MAX_CLIENTS_PER_IP`. */
const PER_ADDRESS = 50;

/** A reader at a loopback address of its own (all of 127.0.0.0/8 reaches this machine). */
const viewer = (n: number) => `127.0.0.${n}`;

interface Answer {
  status: number;
  body: string;
  request: ClientRequest;
}

/**
 * A GET from `localAddress`: resolves with the status and, for a stream, once its first event
 * has come (the request is kept open until `request.destroy()`); else with the whole body.
 */
function get(url: string, localAddress: string, headers: Record<string, string> = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(url, { localAddress, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        if (res.statusCode === 200 && body.includes('event: snapshot')) {
          resolve({ status: 200, body, request: req });
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, request: req }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Deployed as sites deploy it: a real nginx in front, `TRUST_PROXY` naming it. Every viewer
 * has an address of their own; limits, lock-outs and links follow the viewer, not the proxy.
 */
describe('behind a real nginx with TRUST_PROXY', () => {
  let relay: Relay;
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  const open: ClientRequest[] = [];
  const stream = async (base: string, from: string, headers?: Record<string, string>) => {
    const answer = await get(`${base}/v1/stream?symbols=BTC`, from, headers);
    open.push(answer.request);
    return answer.status;
  };

  before(async () => {
    relay = await startDemoRelay({ TRUST_PROXY: '127.0.0.1', ADMIN_TOKEN: TOKEN });
    nginx = await startNginx(relay.url);
  });
  after(async () => {
    for (const req of open) req.destroy();
    await nginx?.close();
    await relay?.stop();
  });

  test('120 viewers through the one proxy all get a stream', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 120 }, (_, i) => stream(nginx.url, viewer(10 + i))),
    );
    assert.deepEqual(
      statuses.filter((status) => status !== 200),
      [],
      'every viewer served',
    );
  });

  test('one viewer is still held to its own limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= PER_ADDRESS; i++) statuses.push(await stream(nginx.url, viewer(200)));
    assert.equal(statuses.filter((status) => status === 200).length, PER_ADDRESS);
    assert.equal(statuses.at(-1), 429);
  });

  test('a client that connects directly is not believed about its address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= PER_ADDRESS; i++) {
      // A new spoofed address each time: believed, none would be refused.
      statuses.push(await stream(relay.url, viewer(201), { 'X-Forwarded-For': `203.0.113.${i}` }));
    }
    assert.equal(statuses.at(-1), 429);
  });

  test('wrong admin tokens lock out the viewer who sent them, not everyone behind the proxy', async () => {
    const admin = (from: string, token: string) =>
      get(`${nginx.url}/admin/polling`, from, { Authorization: `Bearer ${token}` });
    for (let i = 0; i < 10; i++) assert.equal((await admin(viewer(210), 'wrong')).status, 401);
    assert.equal((await admin(viewer(210), TOKEN)).status, 429, 'the guesser is locked out');
    assert.equal((await admin(viewer(211), TOKEN)).status, 200, 'the operator is not');
  });

  test('the demo page gives snippets with the scheme and host its readers used (https)', async () => {
    const { status, body } = await get(`${nginx.url}/`, viewer(220));
    assert.equal(status, 200);
    const host = new URL(nginx.url).host;
    assert.ok(body.includes(`https://${host}/widgets.js`), 'the script tag in https');
    assert.ok(!body.includes(`http://${host}/`), 'no http:// link to the relay');
  });
});
