import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { launchChromium } from './browser.js';

/**
 * What a test does with a page, the same in both browsers. Page code is a string of plain
 * JavaScript: a function compiled by tsx would carry helpers (`__name`) the page lacks.
 */
export interface TestPage {
  goto(url: string): Promise<void>;
  /** Evaluates `expression` in the page; a promise it gives is awaited. */
  run(expression: string): Promise<unknown>;
  /**
   * A PNG of the page's content: the document's box at the viewport's width, not the blank
   * viewport below it (half the pixels of a tall page, encoded and compared for nothing).
   */
  screenshot(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface TestBrowser {
  name: 'chromium' | 'firefox';
  /** The browser's own version string. */
  version: string;
  /** A page with a viewport of `width` × `height` px. */
  newPage(width: number, height?: number): Promise<TestPage>;
  close(): Promise<void>;
}

/** Debian's Firefox ESR, if installed (`apt-get install firefox-esr`). */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Chromium through Playwright and Firefox ESR through puppeteer over WebDriver BiDi (the only
 * protocol Debian's Firefox speaks), behind one small interface.
 */
export async function launchBrowsers(): Promise<TestBrowser[]> {
  requireFirefox();
  return [await launchBrowser('chromium'), await launchBrowser('firefox')];
}

/** One of the two browsers, as `launchBrowsers` gives it. */
export async function launchBrowser(name: TestBrowser['name']): Promise<TestBrowser> {
  if (name === 'chromium') {
    const chromium = await launchChromium();
    return {
      name,
      version: chromium.version(),
      newPage: async (width, height = 900) =>
        testPage(await chromium.newPage({ viewport: { width, height } })),
      close: () => chromium.close(),
    };
  }
  requireFirefox();
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
  });
  return {
    name,
    version: await firefox.version(),
    async newPage(width, height = 900) {
      const page = await firefox.newPage();
      await page.setViewport({ width, height });
      return testPage(page);
    },
    close: () => firefox.close(),
  };
}

/** Fails before any browser starts when Firefox is missing: nothing is left running. */
function requireFirefox(): void {
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `no Firefox ESR at ${FIREFOX}: sudo apt-get install firefox-esr, or set FIREFOX_PATH`,
    );
  }
}

/** The few calls a test makes, which Playwright's and puppeteer's pages spell alike. */
function testPage(page: {
  goto(url: string): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  screenshot(options: {
    clip: { x: number; y: number; width: number; height: number };
  }): Promise<Uint8Array>;
  close(): Promise<void>;
}): TestPage {
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    run: (expression) => page.evaluate(expression),
    screenshot: async () => {
      const { width, height } = (await page.evaluate(
        '({ width: innerWidth, height: Math.ceil(document.documentElement.getBoundingClientRect().height) })',
      )) as { width: number; height: number };
      return page.screenshot({ clip: { x: 0, y: 0, width, height } });
    },
    close: () => page.close(),
  };
}
