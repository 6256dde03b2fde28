import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

/** Debian's Chromium, headless, with every flag that keeps it on loopback. */
export function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium: apt-get install chromium, or set CHROME_PATH');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}
