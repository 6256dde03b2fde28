import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Relay } from '../packages/relay/src/relay.js';
import { startDemoRelay } from './support/demo-relay.js';
import { serveHostPage } from './support/host-page.js';
import { launchBrowsers, type TestBrowser } from './support/two-browsers.js';

/** Twelve symbols the demo market lists: the most a chart's palette tells apart. */
const TWELVE = 'BTC,ETH,SOL,BNB,XRP,ADA,DOGE,TRX,TON,AVAX,SHIB,DOT';
/** Phone widths and a desktop column, px. */
const WIDTHS = [320, 375, 1200];
const THEMES = ['light', 'dark', 'transparent'];
/** The least height, px, the plot keeps in the chart's default 20rem box. */
const MIN_PLOT_PX = 150;

/** A page of twelve-symbol charts, every theme at every width, on a light or a dark site. */
function page(relay: string, scheme: 'light' | 'dark', dir: 'ltr' | 'rtl'): string {
  const background = scheme === 'dark' ? '#0d1117' : '#f6f7f9';
  const charts = THEMES.flatMap((theme) =>
    WIDTHS.map(
      (width) =>
        `<div style="width: ${width}px; margin-bottom: 8px"><live-chart symbols="${TWELVE}" relay="${relay}" theme="${theme}" locale="${dir === 'rtl' ? 'ar-EG' : 'en-US'}" data-label="${theme} ${width} px"></live-chart></div>`,
    ),
  ).join('\n');
  return `<!doctype html><html lang="${dir === 'rtl' ? 'ar' : 'en'}" dir="${dir}"><head><meta charset="utf-8">
<script type="module" src="${relay}widgets.js"></script>
<style>html { color-scheme: ${scheme}; } body { margin: 8px; background: ${background}; }</style></head>
<body>${charts}</body></html>`;
}

/**
 * What is wrong with each chart on the page, one line each, measured in the page (plain
 * JavaScript: see TestPage). Waits for every chart to be live and to show its last values.
 */
const PROBLEMS = `(async () => {
  const charts = [...document.querySelectorAll('live-chart')];
  const labelsOf = (chart) =>
    [...chart.shadowRoot.querySelectorAll('.gutter [part="last-value"]')].filter((label) => !label.hidden);
  const deadline = Date.now() + 20000;
  while (!charts.every((chart) => chart.getAttribute('state') === 'live' && labelsOf(chart).length > 0)) {
    if (Date.now() > deadline)
      return ['the charts never showed their last values: ' + charts.map((chart) => chart.getAttribute('state') + ' ' + (chart.shadowRoot ? labelsOf(chart).length : 'undefined')).join(', ')];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The gutter takes its width, the plot gives it up, the labels move with the new scale.
  await new Promise((resolve) => setTimeout(resolve, 800));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

  const paint = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const rgba = (css) => {
    paint.clearRect(0, 0, 1, 1);
    paint.fillStyle = css;
    paint.fillRect(0, 0, 1, 1);
    return [...paint.getImageData(0, 0, 1, 1).data];
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.slice(0, 3).map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
    return (x + 0.05) / (y + 0.05);
  };
  /** What is behind the chart: its own background, else the page's. */
  const backdrop = (chart) => {
    const own = rgba(getComputedStyle(chart.shadowRoot.querySelector('figure')).backgroundColor);
    return own[3] === 255 ? own : rgba(getComputedStyle(document.body).backgroundColor);
  };

  const problems = [];
  for (const chart of charts) {
    const name = chart.dataset.label;
    const root = chart.shadowRoot;
    const box = chart.getBoundingClientRect();
    const plot = root.querySelector('.plot').getBoundingClientRect();
    const gutter = root.querySelector('.gutter').getBoundingClientRect();
    const labels = labelsOf(chart).map((label) => ({ symbol: label.dataset.symbol, label, rect: label.getBoundingClientRect() }));

    // Beside the plot: over neither the newest data (its last 10 %) nor the price axis's ticks.
    const lastTenth = plot.left + plot.width * 0.9;
    for (const { symbol, rect } of labels) {
      if (rect.left < plot.right - 0.5 && rect.right > lastTenth)
        problems.push(name + ': ' + symbol + "'s last value is over the plot's last 10 % or its axis");
      if (rect.top < gutter.top - 0.5 || rect.bottom > gutter.bottom + 0.5 || rect.left < box.left - 0.5 || rect.right > box.right + 0.5)
        problems.push(name + ': ' + symbol + "'s last value is clipped");
    }
    for (const { symbol, label } of labels) {
      if (label.scrollWidth > label.clientWidth + 1) problems.push(name + ': ' + symbol + "'s last value is cut short");
    }
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i].rect;
        const b = labels[j].rect;
        const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5 && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5;
        if (overlap) problems.push(name + ': ' + labels[i].symbol + ' and ' + labels[j].symbol + ' overlap');
      }
    // A symbol without its label (none could fit) has its value in the legend.
    const items = [...root.querySelectorAll('[part="legend"] li')];
    const labelled = new Set(labels.map(({ symbol }) => symbol));
    items.forEach((item, index) => {
      const symbol = ${JSON.stringify(TWELVE.split(','))}[index];
      if (!labelled.has(symbol) && !item.querySelector('.change'))
        problems.push(name + ': ' + symbol + ' has no last value, on the axis or in the legend');
    });

    // Twelve colours, all different, each at 3:1 on what is behind the chart.
    const colours = items.map((item) => getComputedStyle(item.querySelector('.swatch')).backgroundColor);
    if (new Set(colours).size !== 12) problems.push(name + ': ' + new Set(colours).size + ' distinct colours, not 12');
    const behind = backdrop(chart);
    colours.forEach((colour, index) => {
      const ratio = contrast(rgba(colour), behind);
      if (ratio < 3) problems.push(name + ': colour ' + (index + 1) + ' (' + colour + ') at ' + ratio.toFixed(2) + ':1 on the background');
    });

    // The legend: one row, every item on it.
    const legend = root.querySelector('[part="legend"]');
    const tops = new Set(items.map((item) => Math.round(item.getBoundingClientRect().top)));
    const itemHeight = Math.max(...items.map((item) => item.getBoundingClientRect().height));
    if (items.length !== 12 || tops.size !== 1 || legend.getBoundingClientRect().height > itemHeight * 1.5)
      problems.push(name + ': the legend takes ' + tops.size + ' rows');
    if (plot.height < ${MIN_PLOT_PX}) problems.push(name + ': the plot is ' + Math.round(plot.height) + ' px tall');
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
    problems.push('the page scrolls sideways');
  return problems;
})()`;

describe('a chart of twelve symbols, in Chromium and Firefox', () => {
  let relay: Relay;
  let browsers: TestBrowser[];

  before(async () => {
    relay = await startDemoRelay({ SYMBOLS: TWELVE });
    browsers = await launchBrowsers();
  });
  after(async () => {
    await Promise.all((browsers ?? []).map((browser) => browser.close()));
    await relay?.stop();
  });

  for (const browserName of ['chromium', 'firefox'] as const) {
    test(`${browserName}: every last value beside the axis, apart and whole; twelve colours at 3:1; the legend one row; the plot tall enough`, async () => {
      const browser = browsers.find((candidate) => candidate.name === browserName)!;
      const problems: string[] = [];
      for (const [scheme, dir] of [
        ['light', 'ltr'],
        ['dark', 'ltr'],
        ['light', 'rtl'],
      ] as const) {
        const host = await serveHostPage(page(`${relay.url}/`, scheme, dir));
        const tab = await browser.newPage(1_300);
        try {
          await tab.goto(host.url);
          const found = (await tab.run(PROBLEMS)) as string[];
          problems.push(...found.map((problem) => `${scheme} ${dir} page, ${problem}`));
        } finally {
          await tab.close();
          await host.close();
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
