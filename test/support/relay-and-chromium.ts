import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Relay } from '../../packages/relay/src/relay.js';
import { launchChromium } from './browser.js';
import { startDemoRelay } from './demo-relay.js';

/**
 * A demo relay and a Chromium for the tests of the calling `describe`: started before its
 * first test, stopped after its last. Read them from the returned object inside the tests.
 */
export function relayAndChromium(): { relay: Relay; browser: Browser } {
  const fixture = {} as { relay: Relay; browser: Browser };
  before(async () => {
    fixture.relay = await startDemoRelay();
    fixture.browser = await launchChromium();
  });
  after(async () => {
    await fixture.browser?.close();
    await fixture.relay?.stop();
  });
  return fixture;
}
