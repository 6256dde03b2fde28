// Fails in one line, with the fix, when the browser tests have no Chromium to run in.
import { findChromium } from './chromium.mjs';

if (!findChromium()) {
  const where = process.env.CHROME_PATH
    ? `CHROME_PATH=${process.env.CHROME_PATH} does not exist`
    : 'no Chromium found';
  process.stderr.write(
    `tickwire: ${where}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.\n`,
  );
  process.exit(1);
}
