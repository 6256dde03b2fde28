import { after, before, describe, test } from 'node:test';
import { appFixture, checkAppInBrowser } from './support/app-in-browser.js';
import { ourVersions, strictTsconfig } from './support/throwaway-app.js';

/** The app a developer writes: TypeScript, strict, the elements as typed DOM. */
const MAIN_TS = `
import { setRelay, type PriceCard } from '@tickwire/widgets';

setRelay(new URLSearchParams(location.search).get('relay') ?? undefined);

const card = document.createElement('price-card');
card.symbol = 'BTC';
const controls = document.createElement('stream-controls');
document.querySelector('#app')!.append(card, controls);

const typed: PriceCard | null = document.querySelector('price-card');
const events: string[] = [];
document.addEventListener('tickwire-pause', (event) => events.push(event.type));
document.addEventListener('tickwire-resume', (event) => events.push(event.type));
document.addEventListener('tickwire-refresh-change', (event) => events.push(\`refresh \${event.detail.intervalMs}\`));
Object.assign(window, {
  app: {
    events,
    setSymbol: (symbol: string) => { if (typed) typed.symbol = symbol; },
    unmount: () => { card.remove(); controls.remove(); },
  },
});
`;

/**
 * The widgets as a developer meets them from npm: packed, installed into a fresh Vite +
 * TypeScript app with nothing of this repository beside it, type-checked strictly, built,
 * and run in Chromium against a real relay.
 */
describe('the widgets from npm in a Vite + TypeScript app', { timeout: 300_000 }, () => {
  let fixture: Awaited<ReturnType<typeof appFixture>>;

  before(async () => {
    fixture = await appFixture({
      name: 'vite-ts-app',
      packages: ['protocol', 'widgets'],
      devDependencies: await ourVersions('vite', 'typescript'),
      files: {
        'tsconfig.json': strictTsconfig({ types: [] }),
        'index.html':
          '<!doctype html><html><body><div id="app"></div><script type="module" src="/src/main.ts"></script></body></html>',
        'src/main.ts': MAIN_TS,
      },
    });
  });
  after(() => fixture?.close());

  test('type-checks strictly: typed elements, properties and events', async () => {
    await fixture.app.exec('tsc', '-p', 'tsconfig.json');
  });

  test('builds with one copy of Lit, runs live, re-renders, fires events and closes the stream on unmount', async () => {
    await checkAppInBrowser(fixture.app, fixture.relay, fixture.browser);
  });
});
