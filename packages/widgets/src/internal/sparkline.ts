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

/** A line's points but its newest, their range, and the path they drew at the last scale. */
interface LineShape {
  values: number[];
  low: number;
  high: number;
  drawn?: { low: number; high: number; path: string };
}

/**
 * Per line, what its path is drawn from. A line is a new object only when the relay sends a
 * new one, so a price tick redraws no more than its newest point — and all of them only when
 * the price leaves the line's range and the scale changes.
 */
const shapes = new WeakMap<Sparkline, LineShape>();

function shapeOf(line: Sparkline): LineShape {
  let shape = shapes.get(line);
  if (!shape) {
    const values = line.points.slice(0, -1).map(([, point]) => point);
    shape = { values, low: Math.min(...values), high: Math.max(...values) };
    shapes.set(line, shape);
  }
  return shape;
}

/**
 * The path of `line` with its newest point moved to the live `price`, in a 100×28 box with
 * the floor above, and its direction (newest against oldest).
 */
function sparklinePath(
  line: Sparkline,
  price: number,
): { path: string; trend: 'up' | 'down' | 'flat' } {
  const shape = shapeOf(line);
  const low = Math.min(shape.low, price);
  const high = Math.max(shape.high, price);
  const middle = (low + high) / 2;
  const span = Math.max(high - low, middle * FLOOR);
  const step = shape.values.length > 0 ? WIDTH / shape.values.length : 0;
  const point = (value: number, index: number) =>
    `${index ? 'L' : 'M'}${(index * step).toFixed(1)},${(HEIGHT / 2 - ((value - middle) / span) * (HEIGHT - 2)).toFixed(1)}`;
  if (shape.drawn?.low !== low || shape.drawn.high !== high)
    shape.drawn = { low, high, path: shape.values.map(point).join('') };
  const path = shape.drawn.path + point(price, shape.values.length);
  return { path, trend: direction(price - (shape.values[0] ?? price)) };
}

/**
 * A relay's `line` (its newest point moved to the live `price`), scaled to a 100×28 box with
 * the floor above, coloured by its own direction (newest against oldest), its span (`period`,
 * the 24 h line's by default) stated beside it and in its accessible name. Only numbers reach
 * the markup: the path is computed, never taken from the network as text.
 */
export function sparkline(
  line: Sparkline | undefined,
  price: number,
  words: CardMessages,
  period = words.period24h,
): TemplateResult | undefined {
  if (!line) return undefined;
  const { path, trend } = sparklinePath(line, price);
  return html`<div part="sparkline" class="sparkline ${trend}" role="img" aria-label="${period}: ${words[trend]}">${svg`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none" aria-hidden="true"><path d=${path} /></svg>`}<span class="period" aria-hidden="true">${period}</span></div>`;
}
