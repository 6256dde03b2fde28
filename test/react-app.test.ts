import { after, before, describe, test } from 'node:test';
import { appFixture, checkAppInBrowser } from './support/app-in-browser.js';
import { ourVersions, strictTsconfig } from './support/throwaway-app.js';

/** A React 19 app as a developer writes one with `@tickwire/react`: typed props and events. */
const MAIN_TSX = `
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PriceCard, StreamControls, setRelay } from '@tickwire/react';
import type {} from '@tickwire/widgets/react';

// The tags used directly in JSX are typed too (@tickwire/widgets/react).
export const direct = <price-card symbol="ETH" announceEvery={30} theme="dark" />;

setRelay(new URLSearchParams(location.search).get('relay') ?? undefined);
const app = { events: [] as string[], setSymbol: (_symbol: string) => {}, unmount: () => {} };
Object.assign(window, { app });
const { events } = app;

function Prices() {
  const [symbol, setSymbol] = useState('BTC');
  const [shown, setShown] = useState(true);
  app.setSymbol = setSymbol;
  app.unmount = () => setShown(false);
  if (!shown) return null;
  return (
    <>
      <PriceCard symbol={symbol} locale="en-US" />
      <StreamControls
        onTickwirePause={(event) => events.push(event.type)}
        onTickwireResume={(event) => events.push(event.type)}
        onTickwireRefreshChange={(event) => events.push(\`refresh \${event.detail.intervalMs}\`)}
      />
    </>
  );
}

createRoot(document.querySelector('#app')!).render(<Prices />);
`;

/**
 * `@tickwire/react` as a React developer meets it: packed with the widgets, installed into a
 * fresh React 19 + Vite + TypeScript app, type-checked strictly, built, run in Chromium
 * against a real relay.
 */
describe('@tickwire/react in a React 19 app', { timeout: 300_000 }, () => {
  let fixture: Awaited<ReturnType<typeof appFixture>>;

  before(async () => {
    fixture = await appFixture({
      name: 'react-app',
      packages: ['protocol', 'widgets', 'react'],
      devDependencies: await ourVersions(
        'vite',
        'typescript',
        'react',
        'react-dom',
        '@types/react',
        '@types/react-dom',
      ),
      files: {
        'tsconfig.json': strictTsconfig({ jsx: 'react-jsx' }),
        'index.html':
          '<!doctype html><html><body><div id="app"></div><script type="module" src="/src/main.tsx"></script></body></html>',
        'src/main.tsx': MAIN_TSX,
      },
    });
  });
  after(() => fixture?.close());

  test('type-checks strictly: typed props and typed events', async () => {
    await fixture.app.exec('tsc', '-p', 'tsconfig.json');
  });

  test('builds with one copy of Lit, runs live, re-renders on a prop, fires events and closes the stream on unmount', async () => {
    await checkAppInBrowser(fixture.app, fixture.relay, fixture.browser);
  });
});
