import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../../packages/relay/src/config.js';
import { type Relay, startRelay } from '../../packages/relay/src/relay.js';
import { DemoSource } from '../../packages/relay/src/sources/demo.js';

/** The widget bundle as `npm run build` leaves it, which the browser tests' relays serve. */
export const WIDGETS_DIR = fileURLToPath(new URL('../../packages/widgets/dist/', import.meta.url));

/**
 * A real relay on 127.0.0.1 and a free port, on the demo market polled every 250 ms, serving
 * the built widgets: what a page in the browser tests reads. `env` as the relay would read it.
 */
export function startDemoRelay(env: Record<string, string> = {}, seed?: number): Promise<Relay> {
  return startRelay({
    config: { ...loadConfig({ PORT: '0', ...env }), POLL_INTERVAL: 250 },
    sources: [new DemoSource({ seed })],
    log: pino({ level: 'silent' }),
    widgetsDir: WIDGETS_DIR,
  });
}
