import type { Sparkline } from '@tickwire/protocol';
import { html, svg, type TemplateResult } from 'lit';
import { direction } from './format.js';
import type { CardMessages } from './messages.js';

const WIDTH = 100;
const HEIGHT = 28;
/**
 * The least a line's height stands for: 1 % of its price (±0.5 %). A quiet day then draws
 * a gentle slope, a stablecoin's 0.02 % wiggle a flat line, and a day that moved more than
 * 1 % fills the height with its own range: most coins' days do (a few percent), so the line
 * is the day's shape at a glance, and noise never looks like a crash.
 */
const FLOOR = 0.01;

/**
 * The relay's 24 h `line` (its newest point moved to the live `price`), scaled to a 100×28
 * box with the floor above, coloured by its own direction (newest against oldest), its span
 * stated beside it and in its accessible name. Only numbers reach the markup: the path is
 * computed, never taken from the network as text.
 */
export function sparkline(
  line: Sparkline | undefined,
  price: number,
  words: CardMessages,
): TemplateResult | undefined {
  if (!line) return undefined;
  const values = line.points.map(([, point]) => point);
  values[values.length - 1] = price;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const middle = (low + high) / 2;
  const span = Math.max(high - low, middle * FLOOR);
  const step = WIDTH / (values.length - 1);
  const path = values
    .map(
      (value, index) =>
        `${index ? 'L' : 'M'}${(index * step).toFixed(1)},${(HEIGHT / 2 - ((value - middle) / span) * (HEIGHT - 2)).toFixed(1)}`,
    )
    .join('');
  const trend = direction(price - values[0]!);
  return html`<div part="sparkline" class="sparkline ${trend}" role="img" aria-label="${words.period24h}: ${words[trend]}">${svg`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" aria-hidden="true"><path d=${path} /></svg>`}<span class="period" aria-hidden="true">${words.period24h}</span></div>`;
}
