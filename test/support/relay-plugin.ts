import { pino } from 'pino';
import { loadConfig } from '../../packages/relay/src/config.js';
import { type Relay, startRelay } from '../../packages/relay/src/relay.js';
import { DemoSource } from '../../packages/relay/src/sources/demo.js';

/**
 * A @web/test-runner plugin that runs a real relay on the demo market for the browser tests,
 * on 127.0.0.1 and a free port, polling every 100 ms. Tests ask for its URL with
 * `executeServerCommand('relay-url')`.
 */
export function relayPlugin() {
  let relay: Relay | undefined;
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
    },
    async serverStop() {
      await relay?.stop();
    },
    executeCommand({ command }: { command: string }) {
      if (command === 'relay-url') return relay?.url;
      return undefined;
    },
  };
}
