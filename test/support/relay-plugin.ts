import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { loadConfig } from '../../packages/relay/src/config.js';
import { type Relay, startRelay } from '../../packages/relay/src/relay.js';
import { createSources } from '../../packages/relay/src/sources/create-sources.js';
import { DemoSource } from '../../packages/relay/src/sources/demo.js';
import { startFakeBinance } from '../../packages/relay/test/support/fake-binance.js';
import { startFakeCoinGecko } from '../../packages/relay/test/support/fake-coingecko.js';
import { FakeMarket } from '../../packages/relay/test/support/fake-market.js';
import type { FakeUpstream } from '../../packages/relay/test/support/fake-upstream.js';
import { HostileRelay, type HostileScript } from './hostile-relay.js';

/**
 * A @web/test-runner plugin with real servers for the browser tests, on 127.0.0.1:
 * a relay on the demo market polling every 100 ms, and a "relay" that answers every
 * request with 503 (a proxy during a deploy), and a hostile one that streams what a test
 * scripts; and a relay of real sources in three currencies, ccxt's Binance then CoinGecko,
 * both fakes answering in the real APIs' shapes. Tests reach them with
 * `executeServerCommand`: `relay-url`, `relay-drop-streams`, `unavailable-url`,
 * `unavailable-hits`, `down-url`, `hostile-url`, `hostile-script`, `markets-url`.
 */
export function relayPlugin() {
  let relay: Relay | undefined;
  let unavailable: Server | undefined;
  let unavailableHits = 0;
  let unavailableUrl = '';
  let downUrl = '';
  let hostile: HostileRelay | undefined;
  let markets: Relay | undefined;
  let upstreams: FakeUpstream[] = [];
  return {
    name: 'tickwire-relay',
    async serverStart() {
      relay = await startRelay({
        config: {
          ...loadConfig({ PORT: '0', HOST: '127.0.0.1', MAX_CLIENTS_PER_IP: '1000' }),
          POLL_INTERVAL: 100,
        },
        sources: [new DemoSource({ seed: 11 })],
        log: pino({ level: 'silent' }),
      });
      unavailable = createServer((req, res) => {
        if (req.url?.startsWith('/v1/stream')) unavailableHits++;
        res.writeHead(503, {
          'Content-Type': 'text/html',
          'Access-Control-Allow-Origin': '*',
          'Retry-After': '1',
        });
        res.end('<h1>503 Service Unavailable</h1>');
      });
      unavailable.listen(0, '127.0.0.1');
      await once(unavailable, 'listening');
      unavailableUrl = `http://127.0.0.1:${(unavailable.address() as AddressInfo).port}/`;
      // A port that was free a moment ago: nothing listens there.
      const probe = createServer();
      probe.listen(0, '127.0.0.1');
      await once(probe, 'listening');
      downUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
      await new Promise((resolve) => probe.close(resolve));
      hostile = await HostileRelay.start();
      const market = new FakeMarket();
      upstreams = [await startFakeBinance(market), await startFakeCoinGecko(market)];
      const env = {
        PORT: '0',
        HOST: '127.0.0.1',
        SOURCES: 'binance,coingecko',
        CURRENCIES: 'USD,EUR,BTC',
        SYMBOLS: 'BTC',
        SOURCE_URL_BINANCE: upstreams[0]!.url,
        SOURCE_URL_COINGECKO: upstreams[1]!.url,
      };
      markets = await startRelay({
        config: { ...loadConfig(env), POLL_INTERVAL: 200 },
        sources: await createSources(loadConfig(env)),
        log: pino({ level: 'silent' }),
      });
    },
    async serverStop() {
      await markets?.stop();
      await Promise.all(upstreams.map((upstream) => upstream.close()));
      await relay?.stop();
      await hostile?.close();
      unavailable?.closeAllConnections();
      await new Promise((resolve) => unavailable?.close(resolve));
    },
    executeCommand({ command, payload }: { command: string; payload?: unknown }) {
      switch (command) {
        case 'relay-url':
          return relay?.url;
        case 'relay-drop-streams':
          relay?.hub.closeAll();
          return true;
        case 'unavailable-url':
          return unavailableUrl;
        case 'unavailable-hits':
          return unavailableHits;
        case 'down-url':
          return downUrl;
        case 'hostile-url':
          return hostile?.url;
        case 'markets-url':
          return markets?.url;
        case 'hostile-script':
          if (hostile) hostile.script = payload as HostileScript;
          return true;
        default:
          return undefined;
      }
    },
  };
}
